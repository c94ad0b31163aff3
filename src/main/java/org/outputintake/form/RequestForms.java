package org.outputintake.form;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;

/** Finding the request form among a request's files, and the finding for when there is none. */
public final class RequestForms {
  private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
  public static final String FORM_MISSING = "FORM_MISSING";
  public static final String FORM_UNREADABLE = "FORM_UNREADABLE";

  /** The attachment that is the form, and the form read from it. */
  public record FoundForm(ScanFile file, RequestForm form) {}

  private RequestForms() {}

  /**
   * The first attachment that reads as a form, trying names with both "request" and "form" first,
   * then either word, then the rest (so an output document that happens to carry form-like labels
   * loses to the real form). Only files given directly are considered, not archive entries.
   */
  public static Optional<FoundForm> findForm(List<ScanFile> attachments, FormReader reader) {
    List<ScanFile> candidates =
        attachments.stream()
            .filter(f -> f.depth() == 0)
            .sorted(Comparator.comparingInt(RequestForms::nameScore).reversed())
            .toList();
    for (ScanFile f : candidates) {
      FormReadResult result = reader.read(f);
      if (result.isForm()) return Optional.of(new FoundForm(f, result.form().orElseThrow()));
    }
    return Optional.empty();
  }

  static int nameScore(ScanFile f) {
    List<String> words = words(f.displayName());
    boolean squashed = String.join("", words).contains("requestform");
    return (words.contains("request") || squashed ? 1 : 0)
        + (words.contains("form") || words.contains("forms") || squashed ? 2 : 0);
  }

  /**
   * The words of a file name, split at anything but letters and at camel case, so "form" must be a
   * word of its own: {@code OutputRequestForm_v2.docx} and {@code request form.pdf} name a form,
   * {@code transformed.csv}, {@code information.docx} and {@code platform_stats.csv} do not.
   */
  static List<String> words(String displayName) {
    String base = displayName.substring(displayName.lastIndexOf("!/") + 1);
    return Arrays.stream(CAMEL.matcher(base).replaceAll(" ").split("[^\\p{L}]+"))
        .filter(w -> !w.isEmpty())
        .map(w -> w.toLowerCase(Locale.ROOT))
        .toList();
  }

  /**
   * Whether the display name says "form" but it did not read as one: worth telling the researcher
   * why.
   */
  public static boolean namedLikeForm(ScanFile f) {
    return nameScore(f) >= 2;
  }

  /** No attachment is a request form (the caller attaches the blank forms to its reply). */
  public static Finding formMissing() {
    return Finding.requestProblem(
        FORM_MISSING,
        "",
        "No completed output request form came with your request. Fill in the blank form attached to this "
            + "email (Word or Excel) and reply to this email with it and your files.");
  }

  /** A file named like the form could not be read: say why, so they do not simply send it again. */
  public static Finding formUnreadable(String displayName, String reason) {
    return Finding.requestProblem(
        FORM_UNREADABLE,
        displayName,
        "The request form '"
            + displayName
            + "' could not be read: "
            + reason
            + ". Save it again as a Word "
            + "(.docx) or Excel (.xlsx) file, or use the blank form attached, and send the request again.");
  }
}

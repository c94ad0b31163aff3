package org.outputintake.form;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder naming rule: a name must end in a version {@code _vN} (or {@code vN}, any separator)
 * and, apart from dates, numbers and the version, contain at least one word of three or more
 * letters that is not generic ("output", "results", "final", "new", "folder"...). {@code
 * 2024_01_16_EnergyUseModel_v1} passes; {@code Output1}, {@code results_v2}, {@code New folder} and
 * {@code v1} do not. Words are split at separators and at camel case, so {@code EnergyUseModel} is
 * three words.
 */
public final class FolderNames {
  public static final String CONVENTION =
      "date_DescriptiveName_vN, for example 2024_01_16_EnergyUseModel_v1";
  private static final Pattern VERSION_SUFFIX = Pattern.compile("(?i)[\\s_\\-.]*v\\d{1,6}$");
  private static final Set<String> GENERIC =
      Set.of(
          "output",
          "outputs",
          "result",
          "results",
          "new",
          "folder",
          "final",
          "file",
          "files",
          "data",
          "request",
          "requests",
          "copy",
          "test",
          "tests",
          "table",
          "tables",
          "draft",
          "ready",
          "checking",
          "for",
          "misc",
          "stuff",
          "untitled",
          "documents",
          "document",
          "version",
          "ver",
          "the",
          "and",
          "project",
          "srs",
          "latest",
          "revised",
          "revision",
          "updated",
          "update",
          "work",
          "working",
          "analysis",
          "tmp",
          "temp");

  private FolderNames() {}

  /** Why the name breaks the rule, in words for the researcher; empty when it follows it. */
  public static Optional<String> problem(String folderName) {
    String name = folderName == null ? "" : folderName.strip();
    if (name.contains("/") || name.contains("\\") || name.contains("..")) {
      return Optional.of("is not a single folder name (it contains '/', '\\' or '..')");
    }
    Matcher version = VERSION_SUFFIX.matcher(name);
    if (!version.find()) return Optional.of("does not end in a version number such as _v1");
    String rest = name.substring(0, version.start());
    if (!hasDescriptiveWord(rest)) {
      return Optional.of(
          "has no descriptive name: words such as output, results, final or new folder "
              + "do not say what the output is");
    }
    return Optional.empty();
  }

  public static OptionalInt version(String folderName) {
    return RequestForm.folderVersion(folderName == null ? "" : folderName);
  }

  private static boolean hasDescriptiveWord(String text) {
    String spaced = text.replaceAll("([a-z])([A-Z])", "$1 $2");
    for (String word : spaced.split("[^A-Za-z]+")) {
      String w = word.toLowerCase(Locale.ROOT);
      if (w.length() >= 3 && !GENERIC.contains(w)) return true;
    }
    return false;
  }
}

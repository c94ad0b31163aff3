package org.outputintake.form;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;

/**
 * Finding the ingest or transfer form among a request's files, and checking it against the request:
 * the same codes and kind of help as the output form ({@link RequestForms}, {@link FormCheck}), in
 * words for the kind of request.
 */
public final class DataFormCheck {
  public static final String FORM_WRONG_KIND = "FORM_WRONG_KIND";
  static final String FORM = "request form";

  /** The file that is the form, and the form read from it. */
  public record Found(ScanFile file, DataRequestForm form) {
    public Found {
      java.util.Objects.requireNonNull(file, "file");
      java.util.Objects.requireNonNull(form, "form");
    }
  }

  /**
   * What the request is checked against.
   *
   * @param project the ingest's project or the transfer's source, from the subject
   * @param destination the transfer's destination from the subject; empty for an ingest
   * @param fileNames the names of the files that came with the request (or are in the folder)
   */
  public record Expected(
      DataFormKind kind, String project, String destination, List<String> fileNames) {
    public Expected {
      java.util.Objects.requireNonNull(kind, "kind");
      project = project == null ? "" : project;
      destination = destination == null ? "" : destination;
      fileNames = List.copyOf(fileNames);
    }
  }

  private DataFormCheck() {}

  /** The first file (names saying "form" first) that reads as an ingest or transfer form. */
  public static Optional<Found> find(List<ScanFile> files, DataFormReader reader) {
    List<ScanFile> candidates =
        files.stream()
            .filter(f -> f.depth() == 0)
            .sorted(Comparator.comparingInt(RequestForms::nameScore).reversed())
            .toList();
    for (ScanFile f : candidates) {
      DataFormReader.Result r = reader.read(f);
      if (r.isForm()) return Optional.of(new Found(f, r.form().orElseThrow()));
    }
    return Optional.empty();
  }

  public static Finding missing(DataFormKind kind) {
    return Finding.requestProblem(
        RequestForms.FORM_MISSING,
        "",
        "No completed "
            + lower(kind)
            + " came with your request. Fill in the blank "
            + lower(kind)
            + " ("
            + kind.docxName()
            + " or "
            + kind.xlsxName()
            + ") and reply to this email with it"
            + (kind == DataFormKind.INGEST ? " and your files." : "."));
  }

  public static Finding unreadable(DataFormKind kind, String displayName, String reason) {
    return Finding.requestProblem(
        RequestForms.FORM_UNREADABLE,
        displayName,
        "The "
            + lower(kind)
            + " '"
            + displayName
            + "' could not be read: "
            + reason
            + ". Save it again as a Word (.docx) or Excel (.xlsx) file, or use the blank "
            + lower(kind)
            + ", and send the request again.");
  }

  /** A form of another kind (the output form, or the other one of these two) came instead. */
  public static Finding wrongKind(DataFormKind wanted, String displayName, String found) {
    return Finding.requestProblem(
        FORM_WRONG_KIND,
        displayName,
        "'"
            + displayName
            + "' is the "
            + found
            + ", but this is "
            + (wanted == DataFormKind.INGEST ? "an ingest" : "a transfer")
            + " request. Fill in the "
            + lower(wanted)
            + " ("
            + wanted.docxName()
            + ") instead, or send the request with the subject of the kind you meant.");
  }

  public static List<Finding> check(DataRequestForm form, Expected expect) {
    List<Finding> out = new ArrayList<>();
    if (form.kind() != expect.kind()) {
      out.add(wrongKind(expect.kind(), FORM, lower(form.kind())));
      return out;
    }
    Map<String, String> required = new LinkedHashMap<>();
    for (DataFormField f : DataFormField.values()) {
      if (f.on(form.kind()) && f != DataFormField.REQUEST_DATE) {
        required.put(f.label(), DataFormWriter.value(form, f));
      }
    }
    required.forEach(
        (label, value) -> {
          if (value.isEmpty()) out.add(incomplete(FORM, "'" + label + "' is empty. Fill it in."));
        });
    mismatch(form.projectDigits(), expect.project(), "project", out);
    if (form.kind() == DataFormKind.TRANSFER) {
      mismatch(form.destinationDigits(), expect.destination(), "destination project", out);
    }
    if (form.files().isEmpty()) {
      out.add(incomplete(FORM + ", files", "The file table is empty. List every file."));
    }
    for (String name : expect.fileNames()) {
      if (form.entryFor(name).isEmpty()) {
        out.add(
            Finding.requestProblem(
                FormCheck.FORM_FILES_MISMATCH,
                name,
                "'"
                    + name
                    + "' is not listed on the form. List it (with what it holds and why the"
                    + " project needs it) or leave it out."));
      }
    }
    for (DataFileEntry e : form.files()) {
      boolean there =
          expect.fileNames().stream()
              .anyMatch(n -> AttachedName.of(n).namesMostSpecificFirst().contains(e.baseName()));
      if (!there) {
        out.add(
            Finding.requestProblem(
                FormCheck.FORM_FILES_MISMATCH,
                FORM + ", files",
                "The form lists '"
                    + e.fileName()
                    + "' but no such file came with the request. Send it, or take it off the form."));
      }
      if (!e.holdsData().isAnswered()) {
        out.add(
            incomplete(
                FORM + ", " + e.fileName(),
                "Say whether '" + e.fileName() + "' holds data (Yes or No)."));
      }
    }
    for (DataDeclaration d : DataDeclaration.values()) {
      if (!form.declared(d)) {
        out.add(
            Finding.requestProblem(
                    FormCheck.FORM_DECLARATION,
                    FORM + ", declarations",
                    "The declaration \""
                        + d.plainWords()
                        + "\" is not ticked. Check that it is true for every file, tick it and send the"
                        + " form again; if it is not true, fix the files first.")
                .withEvidence(d.name()));
      }
    }
    return List.copyOf(out);
  }

  public static Finding incomplete(String location, String message) {
    return Finding.requestProblem(FormCheck.FORM_INCOMPLETE, location, message);
  }

  private static void mismatch(String onForm, String expected, String what, List<Finding> out) {
    if (onForm.isEmpty() || expected.isEmpty() || onForm.equals(expected)) return;
    out.add(
        Finding.requestProblem(
            FormCheck.FORM_PROJECT_MISMATCH,
            FORM,
            "The form names "
                + what
                + " "
                + onForm
                + " but the request is for "
                + what
                + " "
                + expected
                + ". Correct whichever is wrong and send the request again."));
  }

  private static String lower(DataFormKind kind) {
    return kind.title().toLowerCase(java.util.Locale.ROOT);
  }
}

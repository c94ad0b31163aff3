package org.outputintake.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.outputintake.scan.Finding;
import org.outputintake.text.EmailAddresses;

/**
 * Checks a parsed request form against the request it came with. Every problem is reported at once,
 * one finding per missing field, file or declaration, so the researcher can fix everything in one
 * go.
 *
 * <p>File names are compared case-insensitively on their base names (folder parts ignored). An
 * archive entry {@code a.zip!/x.csv} counts as listed when either {@code x.csv} or {@code a.zip} is
 * listed; an archive counts as listed when it, or any of its entries, is listed.
 */
public final class FormCheck {
  public static final String FORM_INCOMPLETE = "FORM_INCOMPLETE";
  public static final String FORM_PROJECT_MISMATCH = "FORM_PROJECT_MISMATCH";
  public static final String FORM_FILES_MISMATCH = "FORM_FILES_MISMATCH";
  public static final String FORM_DECLARATION = "FORM_DECLARATION";
  public static final String FOLDER_NAME = "FOLDER_NAME";
  public static final String FOLDER_VERSION = "FOLDER_VERSION";
  public static final String SUPPORTING_IN_OUTPUT_ARCHIVE = "SUPPORTING_IN_OUTPUT_ARCHIVE";
  static final String FORM = "request form";

  private FormCheck() {}

  public static List<Finding> check(RequestForm form, FormExpectations expect) {
    List<Finding> findings = new ArrayList<>();
    missingFields(form, findings);
    projectNumber(form, expect, findings);
    files(form, expect, findings);
    findings.addAll(SupportingInArchives.check(form, expect.attachedFileNames()));
    for (Declaration d : Declaration.values()) {
      if (!form.declared(d)) {
        findings.add(
            Finding.requestProblem(
                    FORM_DECLARATION,
                    FORM + ", declarations",
                    "The declaration \""
                        + d.plainWords()
                        + "\" is not ticked. Check that it is true for every file, "
                        + "tick it on the form and send the form again; if it is not true, fix the files first.")
                .withEvidence(d.name()));
      }
    }
    folder(form, expect, findings);
    return List.copyOf(findings);
  }

  private static void missingFields(RequestForm form, List<Finding> findings) {
    Map<String, String> required = new LinkedHashMap<>();
    required.put("project number", form.projectNumber());
    required.put("project title", form.projectTitle());
    required.put("researcher name", form.researcherName());
    required.put("researcher email", form.researcherEmail());
    required.put("request date", form.requestDate());
    required.put("folder name", form.folderName());
    required.forEach(
        (field, value) -> {
          if (value.isEmpty())
            findings.add(
                incomplete(
                    FORM,
                    "The "
                        + field
                        + " is empty on the request form. "
                        + "Fill it in and send the form again.",
                    field));
        });
    if (!form.researcherEmail().isEmpty() && !EmailAddresses.valid(form.researcherEmail())) {
      findings.add(
          incomplete(
              FORM,
              "The researcher email on the request form is not a valid email address. "
                  + "Correct it and send the form again.",
              "researcher email"));
    }
    if (form.files().isEmpty()) {
      findings.add(
          incomplete(
              FORM + ", file table",
              "The file table on the request form is empty. List every "
                  + "file in the folder, one row per file, and send the form again.",
              "files"));
    }
    for (int i = 0; i < form.files().size(); i++) {
      fileRow(form.files().get(i), i + 1, findings);
    }
  }

  private static void fileRow(FileEntry f, int row, List<Finding> findings) {
    String where = FORM + ", file table row " + row;
    String file = f.fileName().isEmpty() ? "row " + row : "'" + f.fileName() + "'";
    if (f.fileName().isEmpty()) {
      findings.add(
          incomplete(
              where,
              "Row "
                  + row
                  + " of the file table has no file name. Give the name of "
                  + "the file the row describes, or delete the row.",
              "file name"));
    }
    if (f.description().isEmpty()) {
      findings.add(
          incomplete(
              where,
              "The description of "
                  + file
                  + " is empty. Say what it shows, which "
                  + "variables it uses and the methodology.",
              "description"));
    }
    if (!f.countsIncluded().isAnswered()) {
      findings.add(
          incomplete(
              where,
              "For "
                  + file
                  + ", answer Yes or No to \"underlying unweighted counts "
                  + "included\" (N/A for code or text without statistics).",
              "counts included"));
    }
    if (f.controls().isEmpty()) {
      findings.add(
          incomplete(
              where,
              "The disclosure controls for "
                  + file
                  + " are empty. State the threshold, "
                  + "rounding and suppression applied (or \"none needed\" and why).",
              "disclosure controls"));
    }
    if (f.use() == FileUse.UNANSWERED) {
      findings.add(
          incomplete(
              where,
              "Mark "
                  + file
                  + " as Output or Supporting (supporting material is for "
                  + "the checkers and is not released).",
              "output or supporting"));
    }
  }

  private static Finding incomplete(String location, String message, String field) {
    return Finding.requestProblem(FORM_INCOMPLETE, location, message).withEvidence(field);
  }

  private static void projectNumber(
      RequestForm form, FormExpectations expect, List<Finding> findings) {
    if (form.projectNumber().isEmpty()) return;
    String onForm = form.projectDigits();
    String subject = RequestForm.digits(expect.subjectProjectNumber());
    String registry = RequestForm.digits(expect.registryProjectNumber());
    if (!subject.isEmpty() && !subject.equals(onForm)) {
      findings.add(
          Finding.requestProblem(
                  FORM_PROJECT_MISMATCH,
                  FORM + ", project number",
                  "The project number on the request form ("
                      + onForm
                      + ") is not the one in your email subject ("
                      + subject
                      + "). Correct whichever is wrong and send the request again.")
              .withEvidence(onForm + " / " + subject));
    } else if (!registry.isEmpty() && !registry.equals(onForm)) {
      findings.add(
          Finding.requestProblem(
                  FORM_PROJECT_MISMATCH,
                  FORM + ", project number",
                  "The project number on the request form ("
                      + onForm
                      + ") is not your project's registered number ("
                      + registry
                      + "). Correct the form and send the request again.")
              .withEvidence(onForm + " / " + registry));
    }
  }

  private static void files(RequestForm form, FormExpectations expect, List<Finding> findings) {
    // an empty table is one FORM_INCOMPLETE ("list every file"), not one more finding per file sent
    if (form.files().isEmpty()) return;
    List<AttachedName> attached =
        expect.attachedFileNames().stream()
            .map(AttachedName::of)
            .filter(a -> !a.chain().isEmpty())
            .toList();
    for (FileEntry f : form.files()) {
      if (f.fileName().isEmpty()) continue;
      boolean present = attached.stream().anyMatch(a -> a.chain().contains(f.baseName()));
      if (!present) {
        findings.add(
            Finding.requestProblem(
                    FORM_FILES_MISMATCH,
                    FORM + ", file table",
                    "The form lists '"
                        + f.fileName()
                        + "' but no such file came with the request. Add the file, or "
                        + "remove its row from the form if it is not part of this request.")
                .withEvidence(f.fileName()));
      }
    }
    for (int i = 0; i < attached.size(); i++) {
      AttachedName a = attached.get(i);
      boolean listed =
          a.chain().stream().anyMatch(name -> listed(form, name))
              || !a.isArchiveEntry() && entryOfListed(form, a, attached);
      // an archive none of whose files is listed gets one finding, not one per file inside
      boolean coveredByArchive = a.isArchiveEntry() && !entryOfListed(form, a, attached);
      if (!listed && !coveredByArchive) {
        String name = expect.attachedFileNames().get(i);
        findings.add(
            Finding.requestProblem(
                    FORM_FILES_MISMATCH,
                    name,
                    "The file '"
                        + name
                        + "' came with the request but is not listed on the form. Add a row for it "
                        + "(mark it Supporting if it is not for output), or remove the file.")
                .withEvidence(name));
      }
    }
  }

  private static boolean listed(RequestForm form, String baseName) {
    return form.files().stream().anyMatch(f -> f.baseName().equals(baseName));
  }

  /** An archive is listed when one of its attached entries is. */
  private static boolean entryOfListed(
      RequestForm form, AttachedName archive, List<AttachedName> attached) {
    return attached.stream()
        .filter(AttachedName::isArchiveEntry)
        .filter(e -> e.outermost().equals(archive.outermost()))
        .anyMatch(e -> listed(form, e.namesMostSpecificFirst().get(0)));
  }

  private static void folder(RequestForm form, FormExpectations expect, List<Finding> findings) {
    if (form.folderName().isEmpty()) return;
    Optional<String> problem = FolderNames.problem(form.folderName());
    if (problem.isPresent()) {
      findings.add(
          Finding.requestProblem(
                  FOLDER_NAME,
                  FORM + ", folder name",
                  "The folder name '"
                      + form.folderName()
                      + "' "
                      + problem.get()
                      + ". Name the folder in Ready for "
                      + "Checking "
                      + FolderNames.CONVENTION
                      + ", put the same name on the form and send it again.")
              .withEvidence(form.folderName()));
      return;
    }
    OptionalInt version = form.folderVersion();
    OptionalInt last = expect.lastFolderVersion();
    if (last.isPresent() && version.isPresent() && version.getAsInt() <= last.getAsInt()) {
      findings.add(
          Finding.requestProblem(
                  FOLDER_VERSION,
                  FORM + ", folder name",
                  "This is a revision, so the folder's version must be higher than the last one sent on this request "
                      + "(v"
                      + last.getAsInt()
                      + "), but '"
                      + form.folderName()
                      + "' is v"
                      + version.getAsInt()
                      + ". Copy the folder, name the copy _v"
                      + (last.getAsInt() + 1)
                      + ", make your changes there "
                      + "and update the form.")
              .withEvidence("v" + version.getAsInt() + " <= v" + last.getAsInt()));
    }
  }
}

package org.outputintake.form;

import java.util.List;

/**
 * The words printed on the blank form, shared by the .docx and .xlsx writers so both say the same.
 */
final class FormText {
  static final String TITLE = "Output request form — Secure Research Service";
  static final String SUBTITLE =
      "Complete one form per output folder. Officers check only what this form "
          + "and the files in the folder tell them, so be complete and precise.";
  static final List<String> INSTRUCTIONS =
      List.of(
          "Put the files for output, with any supporting material, in one folder in “Ready for Checking” and give "
              + "it a meaningful name with a version, for example 2024_01_16_EnergyUseModel_v1 rather than Output1.",
          "List every file in that folder in the table, one row per file, and mark material that is not for "
              + "output as Supporting.",
          "Describe what each file shows, the variables and the methodology, and state the disclosure controls "
              + "applied (threshold, rounding, suppression).",
          "For a revision, copy the folder, raise the version number (for example _v2) and give the STATS-ID "
              + "of the earlier request.",
          "Tick each statement in the last section, then email the form and the request to Statistical Support.");
  static final String SECTION_REQUEST = "1. About the request";
  static final String SECTION_FILES = "2. Files in the folder";
  static final String SECTION_DECLARATIONS = "3. Declarations (tick each statement that is true)";
  static final List<FormField> FIELD_ORDER = List.of(FormField.values());
  static final int SPARE_FILE_ROWS = 10;

  private FormText() {}

  static String fieldLabel(FormField f) {
    return switch (f) {
      case PROJECT_NUMBER -> "Project number";
      case REQUEST_DATE -> "Request date (DD/MM/YYYY)";
      case FOLDER_NAME -> "Folder name (e.g. 2024_01_16_EnergyUseModel_v1)";
      case REVISION_OF -> "Revision of earlier request (STATS-ID, if any)";
      default -> f.label();
    };
  }

  static String value(RequestForm form, FormField f) {
    return switch (f) {
      case PROJECT_NUMBER -> form.projectNumber();
      case PROJECT_TITLE -> form.projectTitle();
      case RESEARCHER_NAME -> form.researcherName();
      case RESEARCHER_EMAIL -> form.researcherEmail();
      case REQUEST_DATE -> form.requestDate();
      case FOLDER_NAME -> form.folderName();
      case REVISION_OF -> form.revisionOf();
    };
  }

  static String cell(FileEntry e, FormColumn c) {
    return switch (c) {
      case FILE_NAME -> e.fileName();
      case DESCRIPTION -> e.description();
      case COUNTS_INCLUDED -> e.countsIncluded().formText();
      case CONTROLS -> e.controls();
      case RELATIONSHIP -> e.relationship();
      case USE -> e.use().formText();
      case COUNT_COLUMNS -> String.join("; ", e.countColumns());
    };
  }
}

package org.outputintake.scan.hidden;

import java.util.List;
import org.outputintake.scan.Finding;
import org.outputintake.scan.identifier.Mask;

/** The finding codes of the hidden-content scanner, and findings shared by its format readers. */
final class HiddenCodes {
  static final String HIDDEN_SHEET = "HIDDEN_SHEET";
  static final String HIDDEN_ROW = "HIDDEN_ROW";
  static final String HIDDEN_COLUMN = "HIDDEN_COLUMN";
  static final String COMMENT = "COMMENT";
  static final String TRACKED_CHANGE = "TRACKED_CHANGE";
  static final String HIDDEN_TEXT = "HIDDEN_TEXT";
  static final String EXTERNAL_LINK = "EXTERNAL_LINK";
  static final String ACTIVE_CONTENT = "ACTIVE_CONTENT";
  static final String EMBEDDED_METADATA = "EMBEDDED_METADATA";
  static final String UNCHECKED = "HIDDEN_CONTENT_UNCHECKED";

  private HiddenCodes() {}

  static Finding macros(String where) {
    return Finding.blocker(
        ACTIVE_CONTENT,
        where,
        "The file contains macros (VBA code). Macros can run when the file is opened and can hold data, so "
            + "files with macros cannot be released. Save a copy without macros (for example as .xlsx or .docx) "
            + "and request that copy.");
  }

  static Finding unchecked(String why) {
    return Finding.warning(
        UNCHECKED,
        "",
        "The file could not be read to check for hidden content ("
            + why
            + "). An output checker will need to "
            + "open it by hand; if it is damaged, export it again.");
  }

  // Names that tools write by default; they identify software, not a person.
  private static final java.util.Set<String> TOOL_NAMES =
      java.util.Set.of(
          "apache poi",
          "microsoft office user",
          "openpyxl",
          "python-docx",
          "python-pptx",
          "un-named",
          "unknown",
          "author",
          "user",
          "administrator");

  /**
   * Author and last-editor names from document properties, masked: worth removing, not a blocker.
   */
  static List<Finding> authors(String author, String lastModifiedBy) {
    author = personOrNull(author);
    lastModifiedBy = personOrNull(lastModifiedBy);
    StringBuilder evidence = new StringBuilder();
    if (author != null && !author.isBlank())
      evidence.append("author ").append(Mask.hiddenText(author));
    if (lastModifiedBy != null && !lastModifiedBy.isBlank()) {
      if (evidence.length() > 0) evidence.append("; ");
      evidence.append("last modified by ").append(Mask.hiddenText(lastModifiedBy));
    }
    if (evidence.length() == 0) return List.of();
    return List.of(
        Finding.info(
                EMBEDDED_METADATA,
                "document properties",
                "The document properties name a person (author or last editor). Consider removing them "
                    + "(File > Info > Inspect Document in Office) before release.")
            .withEvidence(evidence.toString()));
  }

  private static String personOrNull(String name) {
    if (name == null || name.isBlank()) return null;
    return TOOL_NAMES.contains(name.strip().toLowerCase(java.util.Locale.ROOT)) ? null : name;
  }
}

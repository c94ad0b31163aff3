package org.outputintake.scan.hidden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.outputintake.scan.Finding;
import org.outputintake.scan.identifier.Mask;

/**
 * Excel 97-2003 (.xls) and Word 97-2003 (.doc) files. These formats cannot be streamed with the
 * user model, so files over {@link #MAX_BYTES} are only checked for macros.
 */
final class LegacyOfficeHidden {
  static final long MAX_BYTES = 50L * 1024 * 1024;
  private static final int MAX_COLUMNS = 256;
  private static final int MAX_RUNS = 200_000;

  private LegacyOfficeHidden() {}

  static List<Finding> scan(Path path, boolean workbook) throws IOException {
    List<Finding> findings = new ArrayList<>();
    try (POIFSFileSystem fs = new POIFSFileSystem(path.toFile(), true)) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntryCaseInsensitive("_VBA_PROJECT_CUR")
          || root.hasEntryCaseInsensitive("Macros")) {
        findings.add(HiddenCodes.macros("VBA project"));
      }
      if (Files.size(path) > MAX_BYTES) return findings;
      try {
        if (workbook) {
          try (HSSFWorkbook wb = new HSSFWorkbook(root, false)) {
            findings.addAll(workbook(wb));
            findings.addAll(authors(wb.getSummaryInformation()));
          }
        } else {
          HWPFDocument doc = new HWPFDocument(root);
          findings.addAll(document(doc));
          findings.addAll(authors(doc.getSummaryInformation()));
        }
      } catch (IOException | RuntimeException e) {
        // The macro check above stands even when the document itself cannot be parsed.
        findings.add(HiddenCodes.unchecked((workbook ? "xls" : "doc") + " could not be parsed"));
      }
    }
    return findings;
  }

  private static List<Finding> workbook(HSSFWorkbook wb) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      Sheet sheet = wb.getSheetAt(i);
      String where = "sheet '" + sheet.getSheetName() + "'";
      SheetVisibility visibility = wb.getSheetVisibility(i);
      if (visibility != SheetVisibility.VISIBLE) {
        findings.add(
            Finding.blocker(
                HiddenCodes.HIDDEN_SHEET,
                where,
                "The sheet is "
                    + (visibility == SheetVisibility.VERY_HIDDEN ? "'very hidden'" : "hidden")
                    + ". Hidden sheets are released with the file but not seen by the checker. Delete the sheet, or "
                    + "unhide it so that it can be checked."));
      }
      Ranges rows = new Ranges();
      for (Iterator<Row> it = sheet.rowIterator(); it.hasNext(); ) {
        Row row = it.next();
        if (row.getZeroHeight()) rows.add(row.getRowNum() + 1L, row.getRowNum() + 1L);
      }
      Ranges columns = new Ranges();
      for (int c = 0; c < MAX_COLUMNS; c++) {
        if (sheet.isColumnHidden(c)) columns.add(c + 1L, c + 1L);
      }
      findings.addAll(
          Ranges.findings(
              rows,
              HiddenCodes.HIDDEN_ROW,
              where,
              "row",
              false,
              "Hidden rows are released with the file but easy to miss. Delete them, or unhide them."));
      findings.addAll(
          Ranges.findings(
              columns,
              HiddenCodes.HIDDEN_COLUMN,
              where,
              "column",
              true,
              "Hidden columns are released with the file but easy to miss. Delete them, or unhide them."));
      int comments = sheet.getCellComments().size();
      if (comments > 0) {
        findings.add(
            Finding.warning(
                HiddenCodes.COMMENT,
                where,
                "The sheet has "
                    + comments
                    + " cell "
                    + "comment(s), which travel with the file. Delete them or check them before requesting the file."));
      }
    }
    return findings;
  }

  private static List<Finding> document(HWPFDocument doc) {
    List<Finding> findings = new ArrayList<>();
    Range range = doc.getRange();
    int changes = 0;
    int hidden = 0;
    StringBuilder hiddenText = new StringBuilder();
    for (int i = 0; i < Math.min(range.numCharacterRuns(), MAX_RUNS); i++) {
      CharacterRun run = range.getCharacterRun(i);
      if (run.isMarkedDeleted() || run.isMarkedInserted()) changes++;
      if (run.isVanished() && !run.text().isBlank()) {
        hidden++;
        if (hiddenText.length() < 200) hiddenText.append(run.text());
      }
    }
    if (changes > 0) {
      findings.add(
          Finding.blocker(
              HiddenCodes.TRACKED_CHANGE,
              "document body",
              "The document has "
                  + changes
                  + " tracked change(s). Deleted text stays in the file. Accept or reject all changes before requesting "
                  + "the file."));
    }
    if (hidden > 0) {
      findings.add(
          Finding.blocker(
                  HiddenCodes.HIDDEN_TEXT,
                  "document body",
                  "The document has "
                      + hidden
                      + " piece(s) of hidden text, which are released with the file. Delete it or remove the hidden "
                      + "formatting.")
              .withEvidence("hidden text " + Mask.hiddenText(hiddenText.toString())));
    }
    if (!doc.getCommentsRange().text().isBlank()) {
      findings.add(
          Finding.warning(
              HiddenCodes.COMMENT,
              "comments",
              "The document has comments, which travel "
                  + "with the file. Delete them before requesting the file."));
    }
    return findings;
  }

  private static List<Finding> authors(SummaryInformation info) {
    return info == null ? List.of() : HiddenCodes.authors(info.getAuthor(), info.getLastAuthor());
  }
}

package org.outputintake.scan.hidden;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.outputintake.scan.Finding;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Hidden sheets, rows and columns and cell comments in an xlsx/xlsm, read with SAX over each
 * sheet's XML so a large workbook is streamed, never loaded.
 */
final class XlsxHidden {
  private XlsxHidden() {}

  static List<Finding> scan(OPCPackage pkg) throws IOException, OpenXML4JException {
    XSSFReader reader = new XSSFReader(pkg);
    Map<String, String> states = new HashMap<>();
    try (InputStream in = reader.getWorkbookData()) {
      Xml.parse(
          in,
          new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
              if (local.equals("sheet") && a.getValue("name") != null) {
                states.put(
                    a.getValue("name"),
                    a.getValue("state") == null ? "visible" : a.getValue("state"));
              }
            }
          });
    }
    List<Finding> findings = new ArrayList<>();
    XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
    while (sheets.hasNext()) {
      try (InputStream in = sheets.next()) {
        String name = sheets.getSheetName();
        String where = "sheet '" + name + "'";
        String state = states.getOrDefault(name, "visible");
        if (!state.equals("visible")) {
          boolean very = state.equalsIgnoreCase("veryHidden");
          findings.add(
              Finding.blocker(
                      HiddenCodes.HIDDEN_SHEET,
                      where,
                      "The sheet is "
                          + (very
                              ? "'very hidden' (it can only be shown with the VBA editor)"
                              : "hidden")
                          + ". Hidden sheets are released with the file but not seen by the checker. Delete the sheet, "
                          + "or unhide it so that it can be checked.")
                  .withEvidence("state " + state));
        }
        SheetHandler handler = new SheetHandler();
        Xml.parse(in, handler);
        findings.addAll(
            Ranges.findings(
                handler.rows,
                HiddenCodes.HIDDEN_ROW,
                where,
                "row",
                false,
                "Hidden rows are released with the file but easy to miss. Delete them, or unhide them so they can "
                    + "be checked."));
        findings.addAll(
            Ranges.findings(
                handler.columns,
                HiddenCodes.HIDDEN_COLUMN,
                where,
                "column",
                true,
                "Hidden columns are released with the file but easy to miss. Delete them, or unhide them so they "
                    + "can be checked."));
        findings.addAll(comments(sheets.getSheetPart(), where));
      }
    }
    return findings;
  }

  private static List<Finding> comments(PackagePart sheet, String where)
      throws IOException, OpenXML4JException {
    List<String> cells = new ArrayList<>();
    for (String type :
        List.of(
            XSSFRelation.SHEET_COMMENTS.getRelation(),
            "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment")) {
      for (PackageRelationship rel : sheet.getRelationshipsByType(type)) {
        PackagePart part = sheet.getRelatedPart(rel);
        try (InputStream in = part.getInputStream()) {
          Xml.parse(
              in,
              new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String qName, Attributes a) {
                  if ((local.equals("comment") || local.equals("threadedComment"))
                      && a.getValue("ref") != null) {
                    cells.add(a.getValue("ref"));
                  }
                }
              });
        }
      }
    }
    List<String> distinct = cells.stream().distinct().toList();
    if (distinct.isEmpty()) return List.of();
    return List.of(
        Finding.warning(
                HiddenCodes.COMMENT,
                where + ", cell " + distinct.get(0),
                "The sheet has "
                    + distinct.size()
                    + " cell comment(s). Comments travel with the file and may hold "
                    + "notes or values that are not meant for release. Delete them (Review > Delete) or check them.")
            .withEvidence(
                "cells " + String.join(", ", distinct.subList(0, Math.min(10, distinct.size())))));
  }

  /** Collects hidden rows and columns as ranges while the sheet streams past. */
  private static final class SheetHandler extends DefaultHandler {
    final Ranges rows = new Ranges();
    final Ranges columns = new Ranges();
    private long lastRow;

    @Override
    public void startElement(String uri, String local, String qName, Attributes a) {
      if (local.equals("row")) {
        String r = a.getValue("r");
        lastRow = r == null ? lastRow + 1 : parse(r, lastRow + 1);
        if (isTrue(a.getValue("hidden"))) rows.add(lastRow, lastRow);
      } else if (local.equals("col") && isTrue(a.getValue("hidden"))) {
        long min = parse(a.getValue("min"), 1);
        columns.add(min, Math.max(min, parse(a.getValue("max"), min)));
      }
    }

    private static boolean isTrue(String v) {
      return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    private static long parse(String v, long fallback) {
      try {
        return v == null ? fallback : Long.parseLong(v.trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
  }

  static String column(long index) {
    return CellReference.convertNumToColString((int) Math.min(Math.max(index - 1, 0), 16383));
  }
}

package org.outputintake.form;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDRadioButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Turns a PDF's AcroForm fields into grids. Each field becomes a row {@code [label, value]} where
 * the label is the field's tooltip if that is a known label, else its name; a check box's value is
 * ☒ / ☐. File-table fields are named by column and row number ({@code "File name 1"}, {@code
 * "files.2.description"}) and are gathered into a table with a header row. Only AcroForms are read:
 * a PDF without fields is not taken for a form.
 */
final class PdfGrids {
  private static final int MAX_FIELDS = 3_000;
  private static final Pattern INDEXED =
      Pattern.compile("^(.*?)[\\s._\\-\\[]*(\\d{1,3})[\\s._\\-\\]]*(.*)$");

  private PdfGrids() {}

  /**
   * @throws IOException when the PDF cannot be opened (corrupt, or encrypted with a password)
   */
  static List<Grid> read(Path file) throws IOException {
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      PDAcroForm acro = doc.getDocumentCatalog().getAcroForm(null);
      if (acro == null) return List.of();
      List<List<String>> rows = new ArrayList<>();
      Map<Integer, Map<FormColumn, String>> table = new TreeMap<>();
      int count = 0;
      for (PDField field : acro.getFieldTree()) {
        if (++count > MAX_FIELDS) break;
        if (field instanceof PDSignatureField || field instanceof PDNonTerminalField) continue;
        if (isHidden(field)) continue;
        String value = value(field);
        if (!tableCell(field, value, table)) rows.add(List.of(label(field), value));
      }
      List<Grid> grids = new ArrayList<>();
      grids.add(new Grid("form fields", rows, false));
      if (!table.isEmpty()) grids.add(tableGrid(table));
      return grids;
    }
  }

  private static String label(PDField field) {
    String tip = field.getAlternateFieldName();
    if (tip != null && (Labels.isLabel(tip))) return tip;
    String name = field.getPartialName() == null ? "" : field.getPartialName();
    for (Declaration d : Declaration.values()) {
      // a check box named after the declaration's code, e.g. "NO_AI_ML" or "declaration_in_scope"
      if (Labels.normalise(name).endsWith(Labels.normalise(d.name()))) return d.text();
    }
    return Labels.isLabel(name) || tip == null ? name.replace('_', ' ') : tip;
  }

  private static String value(PDField field) {
    if (field instanceof PDCheckBox box) return box.isChecked() ? Ticks.TICKED : Ticks.UNTICKED;
    if (field instanceof PDRadioButton radio)
      return radio.getValue() == null ? "" : radio.getValue();
    String v = field.getValueAsString();
    return v == null || v.equals("Off") && field instanceof PDButton ? "" : v.strip();
  }

  /** Puts a "File name 2"-style field into the table; false when the field is not a table cell. */
  private static boolean tableCell(
      PDField field, String value, Map<Integer, Map<FormColumn, String>> table) {
    for (String name :
        new String[] {field.getFullyQualifiedName(), field.getAlternateFieldName()}) {
      if (name == null) continue;
      Matcher m = INDEXED.matcher(name.replace('_', ' ').strip());
      if (!m.matches()) continue;
      String words =
          (m.group(1) + " " + m.group(3)).replaceAll("(?i)\\b(row|files?|entry)\\b(?=.*\\w)", " ");
      var column = Labels.column(words).or(() -> Labels.column(m.group(1) + " " + m.group(3)));
      if (column.isEmpty()) continue;
      String cell = field instanceof PDCheckBox ? (Ticks.TICKED.equals(value) ? "Yes" : "") : value;
      table
          .computeIfAbsent(Integer.parseInt(m.group(2)), k -> new EnumMap<>(FormColumn.class))
          .put(column.get(), cell);
      return true;
    }
    return false;
  }

  private static Grid tableGrid(Map<Integer, Map<FormColumn, String>> table) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>();
    for (FormColumn c : FormColumn.values()) header.add(c.header());
    rows.add(header);
    for (Map<FormColumn, String> row : table.values()) {
      List<String> cells = new ArrayList<>();
      for (FormColumn c : FormColumn.values()) cells.add(row.getOrDefault(c, ""));
      rows.add(cells);
    }
    return new Grid("form file table", rows, false);
  }

  private static boolean isHidden(PDField field) {
    List<PDAnnotationWidget> widgets = field.getWidgets();
    return !widgets.isEmpty() && widgets.stream().allMatch(w -> w.isHidden() || w.isNoView());
  }
}

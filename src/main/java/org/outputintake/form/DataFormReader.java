package org.outputintake.form;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.scan.ScanFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an ingest or transfer form from a .docx, .xlsx or .xls by its labels, with the output
 * form's rules ({@link FormAssembler}): a field's value beside or below its label, the file table
 * by its header row, a declaration ticked by a box or a Yes in its row. Which form it is comes from
 * its title, else from the transfer's own labels. Nothing here throws for bad input.
 */
public final class DataFormReader {
  private static final Logger LOG = LoggerFactory.getLogger(DataFormReader.class);
  private static final int MAX_RIGHT = 3;
  private static final Map<String, DataFormField> FIELDS = new HashMap<>();
  private static final List<Map.Entry<String, DataFormColumn>> COLUMNS = new ArrayList<>();

  static {
    for (DataFormField f : DataFormField.values()) {
      f.synonyms().forEach(s -> FIELDS.put(Labels.normalise(s), f));
      FIELDS.put(Labels.normalise(f.label()), f);
    }
    Map<String, DataFormColumn> columns = new HashMap<>();
    for (DataFormColumn c : DataFormColumn.values()) {
      c.synonyms().forEach(s -> columns.put(Labels.normalise(s), c));
      columns.put(Labels.normalise(c.header()), c);
    }
    COLUMNS.addAll(columns.entrySet());
    // longest first, so "dataset it comes from" is not read as a shorter synonym's prefix
    COLUMNS.sort(
        Comparator.comparingInt((Map.Entry<String, DataFormColumn> e) -> e.getKey().length())
            .reversed());
  }

  /**
   * The reason given when the file is the output request form: the request is then of another kind.
   */
  public static final String OUTPUT_FORM_REASON =
      "it is the output request form, not the ingest or transfer request form";

  private final FormReader office = new FormReader();

  /** What a file made: the form, or why it is none. */
  public record Result(
      FormReadResult.Status status, Optional<DataRequestForm> form, String reason) {
    public Result {
      java.util.Objects.requireNonNull(status, "status");
      form = form == null ? Optional.empty() : form;
      reason = reason == null ? "" : reason;
      if ((status == FormReadResult.Status.FORM) != form.isPresent()) {
        throw new IllegalArgumentException("a form is present exactly when the status is FORM");
      }
    }

    public boolean isForm() {
      return status == FormReadResult.Status.FORM;
    }
  }

  public Result read(ScanFile file) {
    return read(file.path(), file.mediaType());
  }

  public Result read(Path file, String mediaType) {
    try {
      if (!Files.isRegularFile(file)) return unreadable("the file does not exist");
      List<Grid> grids = office.officeGrids(file, mediaType);
      if (grids.isEmpty()) {
        return new Result(
            FormReadResult.Status.NOT_A_FORM,
            Optional.empty(),
            "ingest and transfer forms are read from .docx, .xlsx or .xls files");
      }
      return new Assembly().read(grids);
    } catch (IOException | RuntimeException e) {
      LOG.debug("form {} unreadable", file.getFileName(), e);
      return unreadable(FormReader.reason(e));
    } catch (StackOverflowError e) {
      return unreadable("the file's structure is too deeply nested to read");
    }
  }

  private static Result unreadable(String reason) {
    return new Result(FormReadResult.Status.UNREADABLE, Optional.empty(), reason);
  }

  static Optional<DataFormField> field(String text) {
    if (text == null || text.length() > 80) return Optional.empty();
    return Optional.ofNullable(FIELDS.get(Labels.normalise(text)));
  }

  static Optional<DataFormColumn> column(String text) {
    if (text == null || text.length() > 120) return Optional.empty();
    String key = Labels.normalise(text);
    if (key.isEmpty()) return Optional.empty();
    for (Map.Entry<String, DataFormColumn> e : COLUMNS) {
      if (key.equals(e.getKey())) return Optional.of(e.getValue());
    }
    for (Map.Entry<String, DataFormColumn> e : COLUMNS) {
      if (e.getKey().length() >= 6 && key.startsWith(e.getKey())) return Optional.of(e.getValue());
    }
    return Optional.empty();
  }

  private static boolean isLabel(String text) {
    return field(text).isPresent()
        || column(text).isPresent()
        || DataDeclaration.recognise(Ticks.withoutLeadingBox(text)).isPresent();
  }

  /** One file's reading: the labels seen and the values found. */
  private static final class Assembly {
    private final Map<DataFormField, String> values = new EnumMap<>(DataFormField.class);
    private final Map<DataDeclaration, Boolean> declarations = new EnumMap<>(DataDeclaration.class);
    private final List<DataFileEntry> files = new ArrayList<>();
    private DataFormKind titled;
    private boolean outputTitled;
    private boolean tableSeen;
    private boolean dataColumnsSeen;
    private int labelsSeen;

    Result read(List<Grid> grids) {
      for (Grid g : grids) {
        for (int r = 0; r < g.rows().size(); r++) {
          Map<Integer, DataFormColumn> header = header(g.rows().get(r));
          if (header != null) {
            tableSeen = true;
            dataColumnsSeen |=
                header.containsValue(DataFormColumn.DATASET)
                    || header.containsValue(DataFormColumn.HOLDS_DATA);
            r = table(g, r + 1, header) - 1;
          } else {
            row(g, r);
          }
        }
      }
      DataFormKind kind =
          titled != null
              ? titled
              : values.containsKey(DataFormField.SOURCE_PROJECT)
                      || values.containsKey(DataFormField.DESTINATION_PROJECT)
                  ? DataFormKind.TRANSFER
                  : DataFormKind.INGEST;
      if (titled == null && outputTitled) {
        return new Result(FormReadResult.Status.NOT_A_FORM, Optional.empty(), OUTPUT_FORM_REASON);
      }
      // the output form shares project, researcher and file name: only the data columns tell
      if (titled == null && !(dataColumnsSeen && labelsSeen + (tableSeen ? 1 : 0) >= 2)) {
        return new Result(
            FormReadResult.Status.NOT_A_FORM,
            Optional.empty(),
            "it has neither the title nor the labels of the ingest or transfer request form");
      }
      return new Result(
          FormReadResult.Status.FORM,
          Optional.of(
              new DataRequestForm(
                  kind,
                  value(
                      kind == DataFormKind.TRANSFER
                          ? DataFormField.SOURCE_PROJECT
                          : DataFormField.PROJECT_NUMBER),
                  value(DataFormField.DESTINATION_PROJECT),
                  value(DataFormField.RESEARCHER_NAME),
                  value(DataFormField.REQUEST_DATE),
                  value(DataFormField.SOURCE_FOLDER),
                  files,
                  declarations)),
          "");
    }

    private String value(DataFormField f) {
      return values.getOrDefault(f, "");
    }

    private void row(Grid g, int r) {
      List<String> row = g.rows().get(r);
      for (int c = 0; c < row.size(); c++) {
        String text = row.get(c);
        if (text.isBlank()) continue;
        String key = Labels.normalise(text);
        for (DataFormKind k : DataFormKind.values()) {
          if (text.length() < 100 && key.contains(Labels.normalise(k.title()))) titled = k;
        }
        if (text.length() < 100 && key.contains("outputrequestform")) outputTitled = true;
        Optional<DataDeclaration> d = DataDeclaration.recognise(Ticks.withoutLeadingBox(text));
        if (d.isPresent() && field(text).isEmpty()) {
          boolean ticked = Boolean.TRUE.equals(Ticks.leadingBox(text)) || ticked(row, c);
          declarations.merge(d.get(), ticked, Boolean::logicalOr);
          return;
        }
        Optional<DataFormField> f = field(text);
        int colon = text.indexOf(':');
        if (f.isEmpty() && colon > 0 && colon <= 80) {
          f = field(text.substring(0, colon));
          if (f.isPresent()) found(f.get(), text.substring(colon + 1));
          continue;
        }
        if (f.isPresent()) found(f.get(), near(g, r, c));
      }
    }

    private void found(DataFormField f, String value) {
      labelsSeen++;
      if (!value.isBlank()) values.putIfAbsent(f, value.strip());
    }

    private static boolean ticked(List<String> row, int except) {
      for (int c = 0; c < row.size(); c++) {
        if (c != except && Ticks.isTicked(row.get(c))) return true;
      }
      return false;
    }

    private static String near(Grid g, int r, int c) {
      for (int i = 1; i <= MAX_RIGHT; i++) {
        String right = g.cell(r, c + i);
        if (right.isBlank()) continue;
        if (!isLabel(right)) return right;
        break;
      }
      String below = g.cell(r + 1, c);
      return below.isBlank() || isLabel(below) || below.indexOf(':') > 0 ? "" : below;
    }

    private static Map<Integer, DataFormColumn> header(List<String> row) {
      Map<Integer, DataFormColumn> columns = new LinkedHashMap<>();
      for (int c = 0; c < row.size(); c++) {
        int col = c;
        column(row.get(c))
            .ifPresent(
                k -> {
                  if (!columns.containsValue(k)) columns.put(col, k);
                });
      }
      return columns.size() >= 2 && columns.containsValue(DataFormColumn.FILE_NAME)
          ? columns
          : null;
    }

    /** Reads file rows from {@code start}; returns the first row not part of the table. */
    private int table(Grid g, int start, Map<Integer, DataFormColumn> header) {
      int empty = 0;
      int r = start;
      for (; r < g.rows().size() && r < start + 2000; r++) {
        List<String> row = g.rows().get(r);
        if (row.stream().filter(s -> !s.isBlank()).findFirst().filter(s -> isLabel(s)).isPresent())
          break;
        if (g.rowIsEmpty(r)) {
          // a worksheet has no table border: two empty rows end the table
          if (g.sheet() && ++empty >= 2) break;
          continue;
        }
        empty = 0;
        Map<DataFormColumn, String> cells = new EnumMap<>(DataFormColumn.class);
        int row0 = r;
        header.forEach((col, k) -> cells.put(k, g.cell(row0, col)));
        files.add(
            new DataFileEntry(
                cells.get(DataFormColumn.FILE_NAME),
                cells.get(DataFormColumn.DESCRIPTION),
                Answer.parse(cells.get(DataFormColumn.HOLDS_DATA)),
                cells.get(DataFormColumn.DATASET),
                DataFileEntry.splitVariables(cells.get(DataFormColumn.VARIABLES)),
                cells.get(DataFormColumn.NEED),
                cells.get(DataFormColumn.ADDENDUM),
                cells.get(DataFormColumn.DESTINATION_APPROVAL)));
      }
      return r;
    }
  }
}

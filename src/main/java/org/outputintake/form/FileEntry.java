package org.outputintake.form;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.outputintake.text.FileNames;

/**
 * One row of the form's file table.
 *
 * @param fileName the file's name as the researcher wrote it (may include a folder part)
 * @param description what the file shows, the variables and methodology
 * @param countsIncluded whether the underlying unweighted counts are included
 * @param controls the disclosure controls applied (threshold, rounding, suppression)
 * @param relationship how the file relates to other outputs; optional
 * @param use whether the file is for output or supporting material
 * @param countColumns column headers that hold counts, as written (optional; helps the table
 *     scanner)
 */
public record FileEntry(
    String fileName,
    String description,
    Answer countsIncluded,
    String controls,
    String relationship,
    FileUse use,
    List<String> countColumns) {

  public FileEntry {
    fileName = clean(fileName);
    description = clean(description);
    countsIncluded = countsIncluded == null ? Answer.UNANSWERED : countsIncluded;
    controls = clean(controls);
    relationship = clean(relationship);
    use = use == null ? FileUse.UNANSWERED : use;
    countColumns =
        countColumns == null
            ? List.of()
            : countColumns.stream().map(FileEntry::clean).filter(s -> !s.isEmpty()).toList();
  }

  /** A complete output row, convenient in tests and demos. */
  public static FileEntry output(String fileName, String description) {
    return new FileEntry(
        fileName,
        description,
        Answer.YES,
        "Counts below 10 suppressed, rounded to nearest 5",
        "",
        FileUse.OUTPUT,
        List.of());
  }

  /**
   * Splits a "count columns" cell: headers separated by ';' (commas are kept, headers may contain
   * them).
   */
  public static List<String> splitCountColumns(String cell) {
    if (cell == null || cell.isBlank()) return List.of();
    return Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Whether every cell of the row is empty (a spare row of the blank form). */
  public boolean isEmpty() {
    return fileName.isEmpty()
        && description.isEmpty()
        && !countsIncluded.isAnswered()
        && controls.isEmpty()
        && relationship.isEmpty()
        && use == FileUse.UNANSWERED
        && countColumns.isEmpty();
  }

  /** The name without any folder part, lower-case: how files are compared. */
  public String baseName() {
    return baseName(fileName);
  }

  static String baseName(String name) {
    // a Mac sends "é" decomposed (NFD) where Word typed it composed: compare the same letters
    String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    return FileNames.lastElement(n).toLowerCase(Locale.ROOT);
  }

  static String clean(String s) {
    return s == null ? "" : s.replace('\u00a0', ' ').strip();
  }
}

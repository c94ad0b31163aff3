package org.outputintake.form;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One row of an ingest or transfer form's file table.
 *
 * @param holdsData whether the file holds data (code and documentation do not)
 * @param dataset the dataset the data comes from, as written; must be approved for the project
 * @param variables the variables (columns) the file holds, as written
 * @param need why the project needs the file (data minimisation)
 * @param addendum the addendum reference where the data is new to the project; may be empty
 * @param destinationApproval a transfer's approval of the data in the destination project
 */
public record DataFileEntry(
    String fileName,
    String description,
    Answer holdsData,
    String dataset,
    List<String> variables,
    String need,
    String addendum,
    String destinationApproval) {

  public DataFileEntry {
    fileName = FileEntry.clean(fileName);
    description = FileEntry.clean(description);
    holdsData = holdsData == null ? Answer.UNANSWERED : holdsData;
    dataset = FileEntry.clean(dataset);
    variables =
        variables == null
            ? List.of()
            : variables.stream().map(FileEntry::clean).filter(v -> !v.isEmpty()).toList();
    need = FileEntry.clean(need);
    addendum = FileEntry.clean(addendum);
    destinationApproval = FileEntry.clean(destinationApproval);
  }

  /**
   * Splits a variables cell: names separated by ';' or new lines, or by commas when there is no ';'
   * (researchers type "age, sex, region" as often as the form's "age; sex; region").
   */
  public static List<String> splitVariables(String cell) {
    if (cell == null || cell.isBlank()) return List.of();
    String separator = cell.contains(";") ? "[;\\n]" : "[,\\n]";
    return Arrays.stream(cell.split(separator))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** Whether the form lists the variable, compared ignoring case, spaces and punctuation. */
  public boolean lists(String variable) {
    String key = Labels.normalise(variable);
    return !key.isEmpty() && variables.stream().anyMatch(v -> Labels.normalise(v).equals(key));
  }

  public boolean isEmpty() {
    return fileName.isEmpty()
        && description.isEmpty()
        && !holdsData.isAnswered()
        && dataset.isEmpty()
        && variables.isEmpty()
        && need.isEmpty()
        && addendum.isEmpty()
        && destinationApproval.isEmpty();
  }

  /** The name without any folder part, lower-case: how files are compared. */
  public String baseName() {
    return FileEntry.baseName(fileName).toLowerCase(Locale.ROOT);
  }
}

package org.outputintake.form;

import java.util.List;
import java.util.Set;

/**
 * The columns of the ingest and transfer forms' file table, with the header printed on the blank
 * form, accepted synonyms and the forms that carry them.
 */
// synonyms and kinds are immutable though typed List and Set
@SuppressWarnings("ImmutableEnumChecker")
public enum DataFormColumn {
  FILE_NAME("File name", Set.of(DataFormKind.values()), "file name", "filename", "file"),
  DESCRIPTION(
      "Description", Set.of(DataFormKind.values()), "description", "file description", "content"),
  HOLDS_DATA(
      "Holds data (Yes/No)",
      Set.of(DataFormKind.values()),
      "holds data",
      "contains data",
      "includes data",
      "is data"),
  DATASET(
      "Dataset it comes from",
      Set.of(DataFormKind.values()),
      "dataset it comes from",
      "dataset",
      "source dataset",
      "data source",
      "source of data"),
  VARIABLES(
      "Variables (';'-separated)",
      Set.of(DataFormKind.values()),
      "variables",
      "variable names",
      "variables included",
      "columns"),
  NEED(
      "Why the project needs it",
      Set.of(DataFormKind.values()),
      "why the project needs it",
      "why needed",
      "justification",
      "reason needed"),
  ADDENDUM(
      "Addendum reference (where the data is new)",
      Set.of(DataFormKind.values()),
      "addendum reference",
      "addendum",
      "addendum ref"),
  DESTINATION_APPROVAL(
      "Approval in the destination project (application or addendum)",
      Set.of(DataFormKind.TRANSFER),
      "approval in the destination project",
      "destination approval",
      "approval in destination project",
      "approval");

  private final String header;
  private final Set<DataFormKind> kinds;
  private final List<String> synonyms;

  DataFormColumn(String header, Set<DataFormKind> kinds, String... synonyms) {
    this.header = header;
    this.kinds = kinds;
    this.synonyms = List.of(synonyms);
  }

  public String header() {
    return header;
  }

  public boolean on(DataFormKind kind) {
    return kinds.contains(kind);
  }

  /** The columns of a kind's file table, in the blank form's order. */
  public static List<DataFormColumn> of(DataFormKind kind) {
    return java.util.Arrays.stream(values()).filter(c -> c.on(kind)).toList();
  }

  List<String> synonyms() {
    return synonyms;
  }
}

package org.outputintake.form;

import java.util.List;
import java.util.Set;

/**
 * The single-value fields of the ingest and transfer forms, with the label printed on the blank
 * form, accepted synonyms and the forms that carry them.
 */
// synonyms and kinds are immutable though typed List and Set
@SuppressWarnings("ImmutableEnumChecker")
public enum DataFormField {
  PROJECT_NUMBER(
      "Project number",
      Set.of(DataFormKind.INGEST),
      "project number",
      "project no",
      "project id",
      "project",
      "srs project number"),
  SOURCE_PROJECT(
      "Source project number",
      Set.of(DataFormKind.TRANSFER),
      "source project number",
      "source project",
      "from project",
      "project to transfer from"),
  DESTINATION_PROJECT(
      "Destination project number",
      Set.of(DataFormKind.TRANSFER),
      "destination project number",
      "destination project",
      "to project",
      "project to transfer to"),
  RESEARCHER_NAME(
      "Researcher name",
      Set.of(DataFormKind.INGEST, DataFormKind.TRANSFER),
      "researcher name",
      "name of researcher",
      "researcher",
      "your name"),
  REQUEST_DATE(
      "Request date",
      Set.of(DataFormKind.INGEST, DataFormKind.TRANSFER),
      "request date",
      "date of request",
      "date"),
  SOURCE_FOLDER(
      "Folder in the source project (in Ready for Checking)",
      Set.of(DataFormKind.TRANSFER),
      "folder in the source project",
      "source folder",
      "folder name",
      "folder");

  private final String label;
  private final Set<DataFormKind> kinds;
  private final List<String> synonyms;

  DataFormField(String label, Set<DataFormKind> kinds, String... synonyms) {
    this.label = label;
    this.kinds = kinds;
    this.synonyms = List.of(synonyms);
  }

  public String label() {
    return label;
  }

  /** Whether the form of this kind asks for the field. */
  public boolean on(DataFormKind kind) {
    return kinds.contains(kind);
  }

  List<String> synonyms() {
    return synonyms;
  }
}

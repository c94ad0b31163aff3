package org.outputintake.form;

import java.util.List;

/**
 * The single-value fields of the form, with the label printed on the blank form and accepted
 * synonyms.
 */
// synonyms are List.of(...), immutable though typed List
@SuppressWarnings("ImmutableEnumChecker")
public enum FormField {
  PROJECT_NUMBER(
      "Project number",
      true,
      "project number",
      "project no",
      "project num",
      "project id",
      "project reference",
      "project ref",
      "srs project number",
      "project"),
  PROJECT_TITLE(
      "Project title", true, "project title", "project name", "title of project", "title"),
  RESEARCHER_NAME(
      "Researcher name",
      true,
      "researcher name",
      "name of researcher",
      "researcher",
      "requester",
      "requester name",
      "your name",
      "lead researcher",
      "requesting researcher"),
  RESEARCHER_EMAIL(
      "Researcher email",
      false,
      "researcher email",
      "researcher email address",
      "email",
      "email address",
      "e mail",
      "contact email"),
  REQUEST_DATE(
      "Request date",
      false,
      "request date",
      "date of request",
      "date requested",
      "date",
      "submission date",
      "date submitted"),
  FOLDER_NAME(
      "Folder name",
      true,
      "folder name",
      "folder",
      "output folder",
      "output folder name",
      "name of folder",
      "folder for output",
      "name of output folder"),
  REVISION_OF(
      "Revision of earlier request",
      false,
      "revision of earlier request",
      "revision of",
      "revision",
      "earlier request",
      "previous request",
      "previous stats id",
      "stats id",
      "revises");

  private final String label;
  private final boolean key;
  private final List<String> synonyms;

  FormField(String label, boolean key, String... synonyms) {
    this.label = label;
    this.key = key;
    this.synonyms = List.of(synonyms);
  }

  /** The label printed on the blank form. */
  public String label() {
    return label;
  }

  /** Whether the label is distinctive enough to tell a form from an ordinary document. */
  boolean isKey() {
    return key;
  }

  List<String> synonyms() {
    return synonyms;
  }
}

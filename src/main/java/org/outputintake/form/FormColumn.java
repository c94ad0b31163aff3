package org.outputintake.form;

import java.util.List;

/**
 * The columns of the form's file table, with the header printed on the blank form and accepted
 * synonyms.
 */
// synonyms are List.of(...), immutable though typed List
@SuppressWarnings("ImmutableEnumChecker")
public enum FormColumn {
  FILE_NAME(
      "File name",
      "file name",
      "filename",
      "file",
      "name of file",
      "output file",
      "file name and extension"),
  DESCRIPTION(
      "Description (what it shows, variables, methodology)",
      "description",
      "file description",
      "description of file",
      "what it shows",
      "content"),
  COUNTS_INCLUDED(
      "Underlying unweighted counts included (Yes/No)",
      "underlying unweighted counts included",
      "underlying counts included",
      "unweighted counts included",
      "counts included",
      "underlying counts",
      "underlying unweighted counts"),
  CONTROLS(
      "Disclosure controls applied (threshold, rounding, suppression)",
      "disclosure controls applied",
      "disclosure controls",
      "controls applied",
      "sdc applied",
      "sdc",
      "disclosure control",
      "statistical disclosure control"),
  RELATIONSHIP(
      "Relationship to other outputs",
      "relationship to other outputs",
      "relationship",
      "related outputs",
      "relation to other outputs"),
  USE(
      "For output or supporting (Output/Supporting)",
      "for output or supporting",
      "output or supporting",
      "output supporting",
      "for output",
      "purpose",
      "output or supporting material"),
  COUNT_COLUMNS(
      "Count columns (headers holding counts, ';'-separated)",
      "count columns",
      "columns holding counts",
      "count column headers",
      "columns with counts",
      "count column");

  private final String header;
  private final List<String> synonyms;

  FormColumn(String header, String... synonyms) {
    this.header = header;
    this.synonyms = List.of(synonyms);
  }

  /** The header printed on the blank form. */
  public String header() {
    return header;
  }

  List<String> synonyms() {
    return synonyms;
  }
}

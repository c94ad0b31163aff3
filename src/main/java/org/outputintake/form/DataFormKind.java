package org.outputintake.form;

/**
 * The two forms that bring files into a project (seed 001 sections 2 and 3): an ingest from outside
 * the SRS, a transfer from another SRS project. Kept apart from the ticket's request kind because
 * the form sits below tickets.
 */
public enum DataFormKind {
  INGEST("Ingest request form", "ingest-request-form"),
  TRANSFER("Transfer request form", "transfer-request-form");

  private final String title;
  private final String fileStem;

  DataFormKind(String title, String fileStem) {
    this.title = title;
    this.fileStem = fileStem;
  }

  /** The title printed on the blank form, which also tells the reader which form it holds. */
  public String title() {
    return title;
  }

  /** The blank Word form's file name in {@code templates/forms/}. */
  public String docxName() {
    return fileStem + ".docx";
  }

  /** The blank Excel form's file name in {@code templates/forms/}. */
  public String xlsxName() {
    return fileStem + ".xlsx";
  }
}

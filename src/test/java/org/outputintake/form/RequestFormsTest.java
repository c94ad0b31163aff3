package org.outputintake.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.Severity;

class RequestFormsTest {
  @TempDir Path dir;
  private final FormReader reader = new FormReader();

  /**
   * Attachments are stored under opaque names: only the display name carries the researcher's file
   * name.
   */
  private ScanFile attach(Path file, String displayName) throws IOException {
    Path stored = Files.move(file, dir.resolve("att-" + System.nanoTime()));
    return new ScanFile(stored, displayName, null, Files.size(stored), 0);
  }

  @Test
  void findsTheFormAmongOtherAttachments() throws IOException {
    Path csv = Files.writeString(dir.resolve("t.csv"), "a,b\n1,2\n");
    ScanFile table = attach(csv, "table1.csv");
    ScanFile form =
        attach(FormFixtures.form().writeXlsx(dir.resolve("f.xlsx")), "Output request form.xlsx");
    var found = RequestForms.findForm(List.of(table, form), reader).orElseThrow();
    assertEquals("Output request form.xlsx", found.file().displayName());
    assertEquals(FormFixtures.PROJECT, found.form().projectNumber());
  }

  @Test
  void prefersTheAttachmentNamedAsTheRequestForm() throws IOException {
    ScanFile other =
        attach(
            FormFixtures.form().project("1111111").writeDocx(dir.resolve("a.docx")),
            "appendix.docx");
    ScanFile named =
        attach(FormFixtures.form().writeDocx(dir.resolve("b.docx")), "SRS_request_form_v2.docx");
    var found = RequestForms.findForm(List.of(other, named), reader).orElseThrow();
    assertEquals("SRS_request_form_v2.docx", found.file().displayName());
  }

  @Test
  void archiveEntriesAreNotTakenForTheForm() throws IOException {
    Path form = FormFixtures.form().writeDocx(dir.resolve("f.docx"));
    ScanFile entry =
        new ScanFile(form, "outputs.zip!/request-form.docx", null, Files.size(form), 1);
    assertTrue(RequestForms.findForm(List.of(entry), reader).isEmpty());
  }

  @Test
  void noFormAmongTheAttachmentsFindsNothing() throws IOException {
    ScanFile csv = attach(Files.writeString(dir.resolve("t.csv"), "a\n"), "request form.csv");
    assertTrue(RequestForms.findForm(List.of(csv), reader).isEmpty());
  }

  @Test
  void formMissingIsABlockerThatPointsToTheAttachedBlankForms() {
    Finding f = RequestForms.formMissing();
    assertEquals(RequestForms.FORM_MISSING, f.code());
    assertEquals(Severity.BLOCKER, f.severity());
    assertTrue(f.blocksRequest(), "the request waits for the form, not for the checkers");
    assertTrue(f.message().contains("blank form attached"));
  }
}

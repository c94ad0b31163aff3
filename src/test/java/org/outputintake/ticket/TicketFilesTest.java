package org.outputintake.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TicketTables.RESEARCHER;
import static org.outputintake.testing.TicketTables.T0;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;
import org.outputintake.testing.TicketTables;
import org.outputintake.ticket.TicketFiles.StoredAttachment;
import org.outputintake.ticket.TicketFiles.StoredFinding;

/**
 * The files and findings of a ticket over a real SQLite file: which submission is the latest
 * decides what the officers check and so what may be released; purged bytes keep their rows.
 */
class TicketFilesTest {
  private static final Instant T1 = Instant.parse("2024-01-17T09:00:00Z");
  private static final Instant T2 = Instant.parse("2024-01-18T08:00:00Z");
  private static final Instant T3 = Instant.parse("2024-01-19T07:00:00Z");

  @TempDir Path dir;
  private TicketTables tables;
  private String id;

  @BeforeEach
  void open() {
    tables = TicketTables.open(dir);
    id = tables.output("1234567", T0).idText();
  }

  @AfterEach
  void close() {
    tables.close();
  }

  @Test
  void aFileIsReadBackWithEveryFieldInTheOrderAttached() {
    tables.email(id, "k1", RESEARCHER, "raw1", T0);
    StoredAttachment form =
        new StoredAttachment("form.docx", "store/aa", "application/msword", 1234, "aa", "form");
    StoredAttachment table =
        new StoredAttachment("table.csv", "store/bb", "text/csv", 99, "bb", "output");
    tables.tx(
        c -> {
          TicketFiles.addAttachment(c, id, "k1", form);
          TicketFiles.addAttachment(c, id, "k1", table);
          return null;
        });

    assertEquals(List.of(form, table), tables.read(c -> TicketFiles.attachments(c, id)));
    assertEquals(List.of(form, table), tables.read(c -> TicketFiles.attachments(c, id, "k1")));
  }

  @Test
  void theLatestSubmissionIsTheLastEmailThatBroughtFilesOverSeveralRounds() {
    tables.email(id, "k1", RESEARCHER, "raw1", T0);
    tables.file(id, "k1", "round1.csv", "h1");
    tables.email(id, "k2", RESEARCHER, "raw2", T1);
    tables.file(id, "k2", "round2-a.csv", "h2a");
    tables.file(id, "k2", "round2-b.csv", "h2b");
    tables.email(id, "k3", RESEARCHER, "raw3", T2);
    tables.file(id, "k3", "round3.csv", "h3");
    tables.email(id, "answer", RESEARCHER, "raw4", T3);

    assertEquals(List.of("k1", "k2", "k3"), tables.read(c -> TicketFiles.submissions(c, id)));
    assertEquals(
        List.of("round3.csv"),
        names(tables.read(c -> TicketFiles.latestSubmission(c, id))),
        "an email that brought no file is not a submission");
    assertEquals(Optional.of("k3"), tables.read(c -> TicketFiles.latestSubmissionKey(c, id)));
    assertEquals(
        List.of("round2-a.csv", "round2-b.csv"),
        names(tables.read(c -> TicketFiles.attachments(c, id, "k2"))));
  }

  @Test
  void submissionsAreInTheOrderTheEmailsCameNotTheOrderTheirFilesWereStored() {
    tables.email(id, "k1", RESEARCHER, "raw1", T0);
    tables.email(id, "k2", RESEARCHER, "raw2", T1);
    tables.file(id, "k2", "later.csv", "h2");
    tables.file(id, "k1", "earlier.csv", "h1");

    assertEquals(List.of("k1", "k2"), tables.read(c -> TicketFiles.submissions(c, id)));
    assertEquals(
        List.of("later.csv"), names(tables.read(c -> TicketFiles.latestSubmission(c, id))));
  }

  @Test
  void aSubmissionOfFindingsAloneIsTheLatestAndItsCleanRevisionReplacesIt() {
    Finding small = Finding.blocker("SMALL_COUNT", "table.csv!B2", "a count of 3");
    tables.email(id, "k1", RESEARCHER, "raw1", T0);
    tables.tx(
        c -> {
          TicketFiles.addFindings(c, id, "k1", List.of(new StoredFinding("table.csv", small)));
          return null;
        });

    assertEquals(Optional.of("k1"), tables.read(c -> TicketFiles.latestSubmissionKey(c, id)));
    assertTrue(tables.read(c -> TicketFiles.latestSubmission(c, id)).isEmpty());
    assertEquals(
        List.of(new StoredFinding("table.csv", small)),
        tables.read(c -> TicketFiles.latestFindings(c, id)));

    tables.email(id, "k2", RESEARCHER, "raw2", T1);
    tables.file(id, "k2", "table.csv", "h2");

    assertEquals(Optional.of("k2"), tables.read(c -> TicketFiles.latestSubmissionKey(c, id)));
    assertTrue(
        tables.read(c -> TicketFiles.latestFindings(c, id)).isEmpty(),
        "a clean revision has no findings");
  }

  @Test
  void aTicketWithoutSubmissionsHasNoLatestFilesNorFindings() {
    tables.email(id, "k1", RESEARCHER, "raw1", T0);
    String other = tables.output("2345678", T0).idText();
    tables.email(other, "k2", RESEARCHER, "raw2", T0);
    tables.file(other, "k2", "theirs.csv", "h2");

    assertTrue(tables.read(c -> TicketFiles.submissions(c, id)).isEmpty());
    assertTrue(tables.read(c -> TicketFiles.latestSubmission(c, id)).isEmpty());
    assertTrue(tables.read(c -> TicketFiles.latestFindings(c, id)).isEmpty());
    assertTrue(tables.read(c -> TicketFiles.latestSubmissionKey(c, id)).isEmpty());
  }

  @Test
  void findingsAreReadBackWithTheirSeverityAndOnlyThoseOnNoFileBlockTheRequest() {
    Finding form = Finding.requestProblem("FORM_MISSING", "", "no request form");
    Finding warning = new Finding("EXTREME_VALUE", Severity.WARNING, "t.csv!C3", "a maximum", "9?");
    Finding info = Finding.info("TABLE_UNRECOGNISED", "t.csv", "not a table");
    tables.email(id, "k1", RESEARCHER, "raw1", T0);
    tables.tx(
        c -> {
          TicketFiles.addFindings(
              c,
              id,
              "k1",
              List.of(
                  new StoredFinding(null, form),
                  new StoredFinding("t.csv", warning),
                  new StoredFinding("t.csv", info)));
          return null;
        });

    List<StoredFinding> read = tables.read(c -> TicketFiles.findings(c, id, "k1"));
    assertEquals(
        List.of(Severity.BLOCKER, Severity.WARNING, Severity.INFO),
        read.stream().map(f -> f.finding().severity()).toList());
    assertEquals(new StoredFinding("t.csv", warning), read.get(1));
    assertEquals("no request form", read.get(0).finding().message());
    assertEquals(
        List.of("FORM_MISSING"),
        tables.read(c -> TicketFiles.requestFindings(c, id, "k1")).stream()
            .map(f -> f.finding().code())
            .toList());
    assertTrue(tables.read(c -> TicketFiles.findings(c, id, "k2")).isEmpty());
  }

  @Test
  void aPurgedFileKeepsItsRowAndItsFirstReasonAndFreesBytesNoOtherRowNeeds() {
    tables.email(id, "k1", RESEARCHER, "raw1", T0);
    tables.file(id, "k1", "a.csv", "shared");
    tables.file(id, "k1", "b.csv", "own");
    String other = tables.output("2345678", T0).idText();
    tables.email(other, "k2", RESEARCHER, "raw2", T0);
    tables.file(other, "k2", "same-bytes.csv", "shared");
    List<PurgedFiles.KeptFile> kept = tables.read(c -> PurgedFiles.keptFiles(c, id));
    assertEquals(List.of("a.csv", "b.csv"), kept.stream().map(f -> f.originalName()).toList());
    assertEquals("k1", kept.get(0).messageKey());
    assertEquals(5, kept.get(0).size());

    tables.tx(
        c -> {
          for (PurgedFiles.KeptFile f : kept)
            PurgedFiles.markPurged(c, f.id(), "T-first", "refused");
          PurgedFiles.markPurged(c, kept.get(0).id(), "T-later", "again");
          return null;
        });

    assertTrue(tables.read(c -> PurgedFiles.keptFiles(c, id)).isEmpty());
    assertEquals(
        List.of("a.csv", "b.csv"),
        tables.read(c -> PurgedFiles.purgedFiles(c, id)).stream()
            .map(PurgedFiles.KeptFile::originalName)
            .toList());
    assertEquals(
        List.of(
            new PurgedFiles.RemovedFile("a.csv", "shared", "T-first", "refused"),
            new PurgedFiles.RemovedFile("b.csv", "own", "T-first", "refused")),
        tables.read(c -> PurgedFiles.removedFiles(c, id, "k1")));
    assertTrue(tables.read(c -> PurgedFiles.removedFiles(c, other, "k2")).isEmpty());
    assertTrue(
        tables.<Boolean>read(c -> PurgedFiles.bytesStillNeeded(c, "shared")),
        "the other ticket's row");
    assertFalse(tables.<Boolean>read(c -> PurgedFiles.bytesStillNeeded(c, "own")));
  }

  @Test
  void aRawEmailIsMarkedRemovedOnceAndItsBytesStayWhileAnotherEmailKeepsThem() {
    tables.email(id, "k1", RESEARCHER, "raw-same", T0);
    tables.email(id, "k2", RESEARCHER, "raw-same", T1);
    tables.email(id, "k3", RESEARCHER, null, T1);

    assertEquals(
        Optional.of("raw-same"),
        tables.tx(c -> PurgedFiles.markRawPurged(c, id, "k1", "T-removed")));
    assertEquals(Optional.empty(), tables.tx(c -> PurgedFiles.markRawPurged(c, id, "k1", "T2")));
    assertEquals(Optional.empty(), tables.tx(c -> PurgedFiles.markRawPurged(c, id, "k9", "T2")));

    assertEquals(List.of("raw-same"), tables.read(c -> PurgedFiles.purgedRawEmails(c, id)));
    assertEquals(Optional.of("T-removed"), tables.read(c -> PurgedFiles.rawRemovedAt(c, id, "k1")));
    assertTrue(tables.read(c -> PurgedFiles.rawRemovedAt(c, id, "k2")).isEmpty());
    assertTrue(
        tables.<Boolean>read(c -> PurgedFiles.rawStillNeeded(c, "raw-same")), "k2 keeps them");

    tables.tx(c -> PurgedFiles.markRawPurged(c, id, "k2", "T3"));
    assertFalse(tables.<Boolean>read(c -> PurgedFiles.rawStillNeeded(c, "raw-same")));
  }

  @Test
  void theRequesterIsTheTicketsKindAndResearcher() {
    String ingest = tables.open("1234567", RequestKind.INGEST, null, T0).idText();

    assertEquals(
        Optional.of(new TicketFiles.Requester(RequestKind.INGEST, RESEARCHER)),
        tables.read(c -> TicketFiles.requester(c, ingest)));
    assertEquals(
        RequestKind.OUTPUT, tables.read(c -> TicketFiles.requester(c, id)).orElseThrow().kind());
    assertTrue(tables.read(c -> TicketFiles.requester(c, "STATS99999")).isEmpty());
  }

  private static List<String> names(List<StoredAttachment> files) {
    return files.stream().map(StoredAttachment::originalName).toList();
  }
}

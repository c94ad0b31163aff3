package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outputintake.form.Answer;
import org.outputintake.form.DataDeclaration;
import org.outputintake.form.DataFileEntry;
import org.outputintake.form.DataFormKind;
import org.outputintake.form.DataFormWriter;
import org.outputintake.form.DataRequestForm;
import org.outputintake.sharefolder.InputFolders;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/**
 * Ingest and transfer requests from the researcher's email to the project's {@code Input/} folder:
 * the intake reads the kind's own form and checks, one officer checks, {@code #complete} copies
 * exactly what was checked.
 */
class IngestAndTransferByEmailTest extends DeskTest {
  private static final String SURVEY = "Annual Population Survey";
  private static final String RATES = "region,rate\nNorth,0.5\nSouth,0.7\n";
  private static final String REGISTRY =
      """
      number,title,status,type,researchers,threshold,policy,data_owner_review,data_owners,approved_data,indirect_identifiers
      1234567,Energy use modelling,live,full,ada.lovelace@uni.example.ac.uk,10,ons-srs,none,,Annual Population Survey,not-permitted
      2345678,Labour markets,live,full,ada.lovelace@uni.example.ac.uk,10,ons-srs,none,,Annual Population Survey,not-permitted
      3456789,Other study,live,full,grace.hopper@lab.example.org,10,ons-srs,none,,Annual Population Survey,not-permitted
      """;
  private static final Map<DataDeclaration, Boolean> TICKED =
      Map.of(
          DataDeclaration.NO_DIRECT_IDENTIFIERS, true,
          DataDeclaration.INDIRECT_ONLY_WITH_PERMISSION, true,
          DataDeclaration.ONLY_WHAT_IS_NEEDED, true);
  private Path share;

  @BeforeEach
  void desksShare() throws Exception {
    share = Files.createDirectories(dir.resolve("share"));
    for (String p : List.of("1234567", "2345678", "3456789"))
      Files.createDirectories(share.resolve(p));
    bot.writeRegistry(REGISTRY);
    bot.restartWithShareRoot(share);
  }

  private byte[] form(DataFormKind kind, String destination, String folder, DataFileEntry file)
      throws Exception {
    Path p = dir.resolve("form-" + System.nanoTime()).resolve(kind.docxName());
    Files.createDirectories(p.getParent());
    DataFormWriter.writeDocx(
        new DataRequestForm(
            kind, "1234567", destination, "Ada", "16/01/2024", folder, List.of(file), TICKED),
        p);
    return Files.readAllBytes(p);
  }

  private static DataFileEntry rates(String dataset) {
    return new DataFileEntry(
        "rates.csv",
        "rates by region",
        Answer.YES,
        dataset,
        List.of("region", "rate"),
        "the analysis",
        "",
        "");
  }

  private Ticket ingest(String dataset, String content) throws Exception {
    bot.deliver(
        Mails.request()
            .subject("16/01/24 Ingest request for project 1234567")
            .attach(
                "ingest-request-form.docx",
                form(DataFormKind.INGEST, "", "", rates(dataset)),
                "application/octet-stream")
            .attachCsv("rates.csv", content)
            .build(bot.session()));
    bot.cycle();
    List<Ticket> tickets = bot.tickets();
    assertEquals(1, tickets.size());
    assertEquals(RequestKind.INGEST, tickets.get(0).kind());
    return tickets.get(0);
  }

  @Test
  void aCleanIngest_isCheckedByOneOfficer_andCompletedIntoTheProjectsInputFolder()
      throws Exception {
    Ticket t = ingest(SURVEY, RATES);
    assertTrue(t.state() instanceof TicketState.Queued, t.state().name());
    String id = t.idText();

    desk.say(TestBot.ALICE, id, "#take");
    desk.say(TestBot.ALICE, id, "#pass the rates are aggregates, approved for the project");
    desk.say(TestBot.ALICE, id, "#complete");

    Path input = share.resolve("1234567").resolve(InputFolders.INPUT).resolve(id);
    assertArrayEquals(
        RATES.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(input.resolve("rates.csv")));
    assertTrue(Files.readString(input.resolve(InputFolders.MANIFEST)).endsWith("  rates.csv\n"));
    assertTrue(desk.ticket(id).state() instanceof TicketState.Closed);
    assertTrue(desk.lastBodyTo(TestBot.ADA, id).contains("1234567/Input/" + id));
  }

  @Test
  void anIngestOfADatasetTheProjectHasNoApprovalFor_isBlocked_sayingHowToRaiseAnAddendum()
      throws Exception {
    Ticket t = ingest("Census 2021 microdata", RATES);
    assertTrue(t.state() instanceof TicketState.Blocked, t.state().name());
    String reply = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(reply.contains("DATA_NOT_APPROVED"), reply);
    assertTrue(reply.toLowerCase().contains("addendum"), reply);
  }

  @Test
  void anIngestWithNhsNumbers_isBlocked_andTheNumbersAreNeverInTheReply() throws Exception {
    Ticket t = ingest(SURVEY, "nhs_number,region,rate\n9434765919,North,0.5\n");
    assertTrue(t.state() instanceof TicketState.Blocked, t.state().name());
    String reply = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(reply.contains("NHS_NUMBER"), reply);
    assertFalse(reply.contains("9434765919"), reply);
  }

  @Test
  void aTransferIsCompletedIntoTheDestinationProject_byteForByte() throws Exception {
    Path folder =
        Files.createDirectories(
            share.resolve("1234567").resolve("Ready for Checking").resolve("rates-for-labour"));
    Files.writeString(folder.resolve("rates.csv"), RATES);
    bot.deliver(
        Mails.request()
            .subject("16/01/24 Transfer request from project 1234567 to project 2345678")
            .attach(
                "transfer-request-form.docx",
                form(DataFormKind.TRANSFER, "2345678", "rates-for-labour", rates(SURVEY)),
                "application/octet-stream")
            .build(bot.session()));
    bot.cycle();
    Ticket t = bot.tickets().get(0);
    assertEquals(RequestKind.TRANSFER, t.kind());
    assertEquals("2345678", t.destinationProject());
    assertTrue(
        t.state() instanceof TicketState.Queued,
        t.state().name() + " " + TestBot.body(bot.receivedBy(TestBot.ADA).get(0)));
    String id = t.idText();

    desk.say(TestBot.ALICE, id, "#take");
    desk.say(TestBot.ALICE, id, "#pass fine");
    desk.say(TestBot.ALICE, id, "#complete");

    Path input = share.resolve("2345678").resolve(InputFolders.INPUT).resolve(id);
    assertArrayEquals(
        Files.readAllBytes(folder.resolve("rates.csv")),
        Files.readAllBytes(input.resolve("rates.csv")));
    assertTrue(desk.ticket(id).state() instanceof TicketState.Closed);
  }

  @Test
  void aTransferByAResearcherNotNamedOnTheDestination_isRefused() throws Exception {
    bot.deliver(
        Mails.request()
            .subject("16/01/24 Transfer request from project 1234567 to project 3456789")
            .attach(
                "transfer-request-form.docx",
                form(DataFormKind.TRANSFER, "3456789", "rates-for-labour", rates(SURVEY)),
                "application/octet-stream")
            .build(bot.session()));
    bot.cycle();
    assertEquals(List.of(), bot.tickets());
    String reply = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(reply.contains("3456789"), reply);
  }
}

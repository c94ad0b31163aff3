package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outputintake.config.Tickets;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/**
 * The three doors by email (issue 23): ingest and transfer subjects are read as leniently as an
 * output's, who may ask depends on the kind, and each opens a ticket of its kind on one numbering.
 */
class RequestKindsThroughMailTest extends BotTest {
  private static final String KATHERINE = "katherine.johnson@uni.example.ac.uk";

  private String onlyReplyTo(String address) {
    var replies = bot.receivedBy(address);
    assertEquals(1, replies.size(), "replies to " + address);
    return TestBot.body(replies.get(0));
  }

  @Test
  void anIngestSubjectWrittenLoosely_opensAnIngestTicket() throws Exception {
    bot.deliver(
        Mails.request()
            .subject("RE: [EXTERNAL] 16 Jan 2024 -  INGEST request for the Project #1234567.")
            .attachCsv("lookup.csv", "id,value\n1,2\n")
            .build(bot.session()));
    bot.cycle();
    List<Ticket> tickets = bot.tickets();
    assertEquals(1, tickets.size());
    assertEquals(RequestKind.INGEST, tickets.get(0).kind());
    assertEquals("1234567", tickets.get(0).projectNumber());
    assertNull(tickets.get(0).destinationProject());
    assertTrue(
        onlyReplyTo(TestBot.ADA).contains("received your ingest request for project 1234567"));
  }

  @Test
  void anExploratoryProject_mayAskForAnIngest_whileItsOutputRequestIsRefused() throws Exception {
    bot.deliver(
        Mails.request()
            .from(KATHERINE)
            .subject("16/01/24 Output request for Project 3456789")
            .build(bot.session()));
    bot.deliver(
        Mails.request()
            .from(KATHERINE)
            .subject("16/01/24 Ingest request for Project 3456789")
            .attachCsv("codes.csv", "code,label\n1,a\n")
            .build(bot.session()));
    bot.cycle();
    List<Ticket> tickets = bot.tickets();
    assertEquals(1, tickets.size(), "only the ingest opens a ticket");
    assertEquals(RequestKind.INGEST, tickets.get(0).kind());
    var bodies = bot.receivedBy(KATHERINE).stream().map(TestBot::body).toList();
    assertTrue(
        bodies.stream().anyMatch(b -> b.contains("[PROJECT_EXPLORATORY]")), bodies::toString);
    assertTrue(
        bodies.stream().anyMatch(b -> b.contains("received your ingest request")),
        bodies::toString);
  }

  @Test
  void aTransfer_withoutFolderMode_isAnsweredWithTheReason_andOpensNoTicket() throws Exception {
    bot.deliver(
        Mails.request()
            .subject("16/01/24 Transfer request from project 1234567 to project 7700001")
            .build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().isEmpty());
    String body = onlyReplyTo(TestBot.ADA);
    assertTrue(body.contains("[TRANSFER_NEEDS_FOLDER_MODE]"), body);
    assertTrue(body.contains("cannot accept this transfer request"), body);
  }

  @Test
  void aTransferByAResearcherNotNamedOnTheDestination_isRefused_namingIt() throws Exception {
    bot.restartWithShareRoot(Files.createDirectories(dir.resolve("share")));
    bot.deliver(
        Mails.request()
            .subject("16/01/24 Transfer request from Project 1234567 to Project 2345678")
            .build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().isEmpty());
    String body = onlyReplyTo(TestBot.ADA);
    assertTrue(body.contains("[NOT_NAMED_RESEARCHER]"), body);
    assertTrue(body.contains("not named on project 2345678"), body);
  }

  @Test
  void aTransferByAResearcherNamedOnBothLiveProjects_opensATransferTicket() throws Exception {
    bot.restartWithShareRoot(Files.createDirectories(dir.resolve("share")));
    bot.deliver(
        Mails.request()
            .subject("Fwd: 16/01/2024 transfer request from project 1234567 to project #7700001")
            .body("Folder: tables-2024")
            .build(bot.session()));
    bot.cycle();
    List<Ticket> tickets = bot.tickets();
    assertEquals(1, tickets.size());
    assertEquals(RequestKind.TRANSFER, tickets.get(0).kind());
    assertEquals("1234567", tickets.get(0).projectNumber());
    assertEquals("7700001", tickets.get(0).destinationProject());
    assertTrue(
        onlyReplyTo(TestBot.ADA)
            .contains("received your transfer request from project 1234567 to project 7700001"));
  }

  @Test
  void aTransferToAPendingProject_isRefused() throws Exception {
    bot.restartWithShareRoot(Files.createDirectories(dir.resolve("share")));
    bot.deliver(
        Mails.request()
            .subject("16/01/24 Transfer request from Project 1234567 to Project 5678901")
            .build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().isEmpty());
    String body = onlyReplyTo(TestBot.ADA);
    assertTrue(body.contains("[PROJECT_NOT_LIVE]"), body);
    assertTrue(body.contains("Project 5678901 has not started yet"), body);
  }

  @Test
  void theSubjectHelp_givesASubjectToCopyForEveryKind() throws Exception {
    bot.deliver(Mails.request().subject("Files for project 7654321 please").build(bot.session()));
    bot.cycle();
    String body = onlyReplyTo(TestBot.ADA);
    assertTrue(body.contains("output requests, ingest requests and transfer requests"), body);
    assertTrue(body.contains("[date] Ingest request for project [number]"), body);
    assertTrue(
        body.contains("[date] Transfer request from project [number] to project [number]"), body);
    assertTrue(body.contains("    16/01/24 Output request for Project 7654321"), body);
    assertTrue(body.contains("    16/01/24 Ingest request for Project 7654321"), body);
    assertTrue(
        body.contains("    16/01/24 Transfer request from Project 7654321 to Project"), body);
  }

  @Test
  void eachKindMayHaveItsOwnPrefix_onOneNumbering_andRepliesFindTheirTicket() throws Exception {
    bot.restartWith(
        c ->
            c.toBuilder()
                .tickets(
                    new Tickets(
                        c.tickets().prefix(),
                        c.tickets().firstNumber(),
                        c.tickets().subjectFormat(),
                        Map.of("ingest", "INGEST")))
                .build());
    bot.deliver(Mails.request().messageId("<out@uni.example.ac.uk>").build(bot.session()));
    bot.deliver(
        Mails.request()
            .subject("16/01/24 Ingest request for Project 1234567")
            .messageId("<in@uni.example.ac.uk>")
            .build(bot.session()));
    bot.cycle();
    assertEquals(
        List.of("STATS10001", "INGEST10002"), bot.tickets().stream().map(Ticket::idText).toList());
    // a reply carrying only the tag (no thread headers) reaches the ingest ticket
    bot.deliver(
        Mails.request()
            .subject("[INGEST10002] 16/01/24 Ingest request for Project 1234567")
            .attachCsv("more.csv", "a,b\n1,2\n")
            .build(bot.session()));
    bot.cycle();
    assertEquals(2, bot.tickets().size(), "the tagged reply opened no new ticket");
    Ticket ingest = bot.tickets().get(1);
    assertEquals(2, ingest.round(), "the reply was a new submission on INGEST10002");
  }

  @Test
  void aClosedDestination_closesTheOpenTransfer() throws Exception {
    Path share = Files.createDirectories(dir.resolve("share"));
    bot.restartWithShareRoot(share);
    bot.deliver(
        Mails.request()
            .subject("16/01/24 Transfer request from Project 1234567 to Project 7700001")
            .build(bot.session()));
    bot.cycle();
    assertEquals(1, bot.tickets().size());
    bot.writeRegistry(
        TestBot.REGISTRY.replace(
            "7700001,Information study,live,", "7700001,Information study,closed,"));
    bot.cycle();
    Ticket t = bot.tickets().get(0);
    assertTrue(t.state() instanceof TicketState.Closed, t.state().toString());
    var bodies = bot.receivedBy(TestBot.ADA).stream().map(TestBot::body).toList();
    assertTrue(
        bodies.stream()
            .anyMatch(
                b ->
                    b.contains("Project 7700001 has closed")
                        && b.contains("your transfer request STATS10001 has been closed")),
        bodies::toString);
    assertFalse(bodies.stream().anyMatch(b -> b.contains("Project 1234567 has closed")));
  }
}

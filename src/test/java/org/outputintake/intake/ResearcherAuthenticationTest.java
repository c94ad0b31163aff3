package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outputintake.config.Security;
import org.outputintake.config.SenderProofRule;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.TestBot;

/**
 * {@code security.require-authenticated-researchers}: a spoofed researcher {@code From:} neither
 * opens a ticket nor replaces a ticket's files; the mail is stored and the address it claims is
 * told.
 */
class ResearcherAuthenticationTest extends DeskTest {
  static final Map<String, String> VOUCHED =
      Map.of(
          "Authentication-Results",
          "mx.example.org; dkim=pass header.d=uni.example.ac.uk; spf=pass"
              + " smtp.mailfrom=uni.example.ac.uk");
  static final Map<String, String> SPOOFED =
      Map.of(
          "Authentication-Results",
          "mx.example.org; spf=fail smtp.mailfrom=uni.example.ac.uk; dmarc=fail"
              + " header.from=uni.example.ac.uk");

  @BeforeEach
  void researchersMustBeAuthenticated() throws Exception {
    restartWithSecurity(
        new Security(SenderProofRule.REQUIRED, "mx.example.org", SenderProofRule.REQUIRED));
  }

  @Test
  void aSpoofedRequest_opensNoTicket_andTheClaimedAddressIsTold() throws Exception {
    assertNull(desk.requestFrom(ADA, "1234567", SPOOFED, TABLE), "no ticket");
    String told = TestBot.body(bot.receivedBy(ADA).get(0));
    assertTrue(told.contains("could not\nconfirm was sent by you"), told);
    assertNotNull(desk.requestFrom(ADA, "1234567", VOUCHED, TABLE), "an authenticated one opens");
  }

  /**
   * The early review asks the router the turn asks: a request the turn will refuse is not reviewed
   * ahead, so no copy of its files is kept that no ticket refers to.
   */
  @Test
  void aSpoofedRequest_leavesNoCopyOfItsFiles() throws Exception {
    String table = "region,n\nSpoofed,77\n";
    assertNull(desk.requestFrom(ADA, "1234567", SPOOFED, table), "no ticket");
    Path files = bot.config().storage().dataDir().resolve("files");
    List<Path> copies;
    try (Stream<Path> all = Files.exists(files) ? Files.walk(files) : Stream.empty()) {
      copies =
          all.filter(Files::isRegularFile)
              .filter(f -> Arrays.equals(read(f), table.getBytes(StandardCharsets.UTF_8)))
              .toList();
    }
    assertEquals(List.of(), copies, "the spoofed request's table is not in the file store");
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aSpoofedRevision_replacesNoFiles_andStartsNoRound() throws Exception {
    String id = desk.requestFrom(ADA, "1234567", VOUCHED, TABLE);
    int submissionsBefore =
        bot.app().db().read(c -> org.outputintake.ticket.TicketFiles.submissions(c, id)).size();
    desk.say(
        ADA,
        id,
        "Here are my new files",
        new String[][] {{"table1.csv", "region,n\nX,1\n"}},
        SPOOFED);
    assertEquals(1, desk.ticket(id).round());
    assertEquals(
        submissionsBefore,
        bot.app().db().read(c -> org.outputintake.ticket.TicketFiles.submissions(c, id)).size(),
        "the ticket's files are as they were");
    assertTrue(
        desk.lastBodyTo(ADA, id).contains("the request and its files are as they were"),
        desk.lastBodyTo(ADA, id));
  }
}

package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.outputintake.config.Scanning;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;

/**
 * An operator's mistake in a registry edit while the bot runs costs nothing: the last good registry
 * is kept.
 */
class RegistryEditTest extends BotTest {
  @Test
  void registryEditNamingAnUnknownPolicy_isRefused_andRequestsForThatProjectStillOpenTickets()
      throws Exception {
    bot.writeRegistry(
        TestBot.REGISTRY.replace("10,ons-srs,none,\n2345678", "10,ons-srz,none,\n2345678"));
    bot.deliver(
        Mails.request().attachCsv("table1.csv", "region,n\nNorth,30\n").build(bot.session()));

    bot.cycle();

    assertEquals(0, bot.folderCount("Quarantine"));
    assertEquals(1, bot.tickets().size());
    assertEquals("ons-srs", bot.tickets().get(0).policy());
  }

  @Test
  void policiesAreParsedWithTheRegistry_aBrokenPolicyEditKeepsTheLastGoodOne_aGoodOneIsUsed()
      throws Exception {
    java.nio.file.Path policies = java.nio.file.Files.createDirectories(dir.resolve("policies"));
    String srs =
        java.nio.file.Files.readString(java.nio.file.Path.of("config/policies/ons-srs.yaml"));
    java.nio.file.Path desk = policies.resolve("desk.yaml");
    java.nio.file.Files.writeString(
        desk,
        srs.replace("name: ons-srs", "name: desk")
            .replace("forbidden-extensions:\n", "forbidden-extensions:\n  - csv\n"));
    bot.writeRegistry(
        TestBot.REGISTRY.replace("10,ons-srs,none,\n2345678", "10,desk,none,\n2345678"));
    bot.restartWith(c -> c.toBuilder().scanning(new Scanning("ons-srs", policies, null)).build());

    assertEquals(java.util.List.of("FILE_TYPE_NOT_ALLOWED"), csvFindings("<p1@x>"));

    // an operator saves a half-written policy: the desk goes on with the last good one
    java.nio.file.Files.writeString(desk, "name: desk\nthreshold: [\n");
    assertEquals(java.util.List.of("FILE_TYPE_NOT_ALLOWED"), csvFindings("<p2@x>"));
    assertEquals(0, bot.folderCount("Quarantine"));

    // and the corrected edit is used from the next email on
    java.nio.file.Files.writeString(desk, srs.replace("name: ons-srs", "name: desk"));
    assertEquals(java.util.List.of(), csvFindings("<p3@x>"));
  }

  /** The type findings of table1.csv in a new request, by its Message-ID. */
  private java.util.List<String> csvFindings(String messageId) throws Exception {
    bot.deliver(
        Mails.request()
            .messageId(messageId)
            .attachCsv("table1.csv", "region,n\nNorth,30\n")
            .build(bot.session()));
    bot.cycle();
    var tickets = bot.tickets();
    String id = tickets.get(tickets.size() - 1).idText();
    return bot
        .app()
        .db()
        .read(c -> org.outputintake.ticket.TicketFiles.latestFindings(c, id))
        .stream()
        .map(f -> f.finding().code())
        .filter(code -> code.startsWith("FILE_TYPE"))
        .toList();
  }
}

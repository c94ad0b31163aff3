package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
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
}

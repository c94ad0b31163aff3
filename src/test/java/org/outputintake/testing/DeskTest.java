package org.outputintake.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base for the officers' end-to-end tests: a fresh GreenMail server, a bot with the staff of {@link
 * TestBot#withStaff} and the {@link Desk} they work it with, per test.
 */
public abstract class DeskTest {
  protected static final String TABLE = "region,n\nNorth,30\nSouth,240\nEast,120\n";

  @RegisterExtension
  protected static GreenMailExtension mail =
      new GreenMailExtension(
              com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(true);

  @TempDir protected Path dir;
  protected TestBot bot;
  protected Desk desk;

  @BeforeEach
  void startDesk() throws Exception {
    bot = new TestBot(mail, dir, TestBot::withStaff);
    desk = new Desk(bot, dir);
  }

  /**
   * A new bot and desk, on fresh data, whose staff work under {@code security}: how the desk runs
   * with sender authentication on.
   */
  protected void restartWithSecurity(org.outputintake.config.Security security) throws Exception {
    bot.close();
    bot = new TestBot(mail, dir.resolve("secure"), c -> TestBot.with(c, TestBot.STAFF, security));
    desk = new Desk(bot, dir);
  }

  @AfterEach
  void stopDesk() {
    bot.close();
  }
}

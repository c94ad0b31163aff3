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
 * Base for end-to-end tests: a fresh GreenMail server and a fresh bot (SQLite in a temp dir) per
 * test.
 */
public abstract class BotTest {
  @RegisterExtension
  protected static GreenMailExtension mail =
      new GreenMailExtension(
              com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(true);

  @TempDir protected Path dir;
  protected TestBot bot;

  @BeforeEach
  void startBot() throws Exception {
    bot = new TestBot(mail, dir);
  }

  @AfterEach
  void stopBot() {
    bot.close();
  }
}

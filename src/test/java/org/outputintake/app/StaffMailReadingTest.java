package org.outputintake.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outputintake.config.Security;
import org.outputintake.config.SenderProofRule;
import org.slf4j.LoggerFactory;

class StaffMailReadingTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger(StaffMailReading.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(logged);
  }

  @Test
  void withoutSenderAuthentication_theOperatorIsWarnedAtStartThatAForgedFromIsObeyed() {
    StaffMailReading.senderCheck(Security.forStaff(SenderProofRule.NOT_REQUIRED, null));
    List<ILoggingEvent> warnings =
        logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertEquals(1, warnings.size());
    String text = warnings.get(0).getFormattedMessage();
    assertTrue(text.contains("security.require-authenticated-sender"), text);
    assertTrue(text.contains("#release"), text);
  }

  @Test
  void withSenderAuthentication_nothingIsSaid() {
    StaffMailReading.senderCheck(Security.forStaff(SenderProofRule.REQUIRED, "mx.example.org"));
    assertTrue(logged.list.isEmpty(), () -> logged.list.toString());
  }
}

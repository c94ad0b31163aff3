package org.outputintake.app;

import java.util.Optional;
import org.outputintake.config.IntakeConfig;
import org.outputintake.mail.ReplyText;
import org.outputintake.mail.SenderAuthentication;
import org.outputintake.workflow.WorkflowContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How staff mail is read: its new text (quotes and signature removed), and whether its sender is
 * proven.
 */
final class StaffMailReading {
  private static final Logger LOG = LoggerFactory.getLogger(StaffMailReading.class);

  private StaffMailReading() {}

  static WorkflowContext.NewText newText() {
    return m -> ReplyText.of(m).newText();
  }

  /**
   * With {@code security.require-authenticated-sender}, a staff command counts only when the
   * topmost Authentication-Results header from our own MTA ({@code security.trusted-authserv-id})
   * passes for the sender's domain; without it every command counts (the sender is decided from the
   * registry and the config alone).
   */
  static WorkflowContext.SenderCheck senderCheck(IntakeConfig.Security security) {
    if (!security.requireAuthenticatedSender()) {
      // said at every start, since a forged From would otherwise be obeyed without anyone noticing
      LOG.warn(
          "staff commands are accepted on the From address alone"
              + " (security.require-authenticated-sender: false): anyone who forges an officer's"
              + " address can #release. Set it to true with security.trusted-authserv-id once your"
              + " receiving server writes Authentication-Results (README: Authenticated staff"
              + " commands).");
      return m -> Optional.empty();
    }
    return m -> {
      SenderAuthentication.Verdict v =
          SenderAuthentication.check(
              m.authenticationResults(), m.from(), security.trustedAuthservId());
      return v.pass() ? Optional.empty() : Optional.of(v.reason());
    };
  }
}

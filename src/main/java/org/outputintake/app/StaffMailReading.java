package org.outputintake.app;

import org.outputintake.config.Security;
import org.outputintake.mail.sender.SenderAuthentication;
import org.outputintake.mail.text.ReplyText;
import org.outputintake.workflow.SenderProof;
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
   * With {@code security.require-authenticated-sender} (the default), a staff command counts only
   * when the topmost Authentication-Results header from our own MTA ({@code
   * security.trusted-authserv-id}) passes for the sender; an operator who writes it false has every
   * command believed on its From address, and every staff mail says so.
   */
  static WorkflowContext.SenderCheck senderCheck(Security security) {
    if (!security.requireAuthenticatedSender()) {
      // said at every start, since a forged From would otherwise be obeyed without anyone noticing
      LOG.warn(
          "staff commands are accepted on the From address alone"
              + " (security.require-authenticated-sender: false): anyone who forges an officer's"
              + " address can #release, and every staff mail says so. Remove that line and set"
              + " security.trusted-authserv-id to the authserv-id your receiving server writes"
              + " (README: Security).");
      return m -> new SenderProof.NotChecked();
    }
    return m -> {
      SenderAuthentication.Verdict v =
          SenderAuthentication.check(
              m.authenticationResults(), m.from(), security.trustedAuthservId());
      return v.pass()
          ? new SenderProof.Authenticated(v.reason())
          : new SenderProof.Unproven(v.reason());
    };
  }
}

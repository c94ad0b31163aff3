package org.outputintake.cli;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.smtp.auth.UsernameAuthentication;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Makes the demo's embedded server do what a site's receiving server does, so that the demo runs
 * with {@code security.require-authenticated-sender} on: it writes an Authentication-Results header
 * on every message it accepts ({@code auth=pass smtp.auth=LOGIN} after SMTP AUTH, {@code auth=none}
 * otherwise) and drops any that a sender wrote, as a real server drops those naming its own
 * authserv-id.
 */
final class DemoAuthResults implements MessageDeliveryHandler {
  /** The authserv-id the demo's server writes, and the demo's configuration trusts. */
  static final String AUTHSERV_ID = "mx.demo.output-intake.invalid";

  private static final String HEADER = "Authentication-Results";
  private final MessageDeliveryHandler delivery;

  private DemoAuthResults(MessageDeliveryHandler delivery) {
    this.delivery = delivery;
  }

  static void install(UserManager users) {
    users.setMessageDeliveryHandler(new DemoAuthResults(users.getMessageDeliveryHandler()));
  }

  @Override
  public GreenMailUser handle(MovingMessage msg, MailAddress to)
      throws MessagingException, UserException {
    String login =
        msg.getAuthenticationState() instanceof UsernameAuthentication u ? u.getUsername() : null;
    stamp(msg.getMessage(), login);
    return delivery.handle(msg, to);
  }

  /** Idempotent: a message delivered to several recipients is stamped once. */
  static void stamp(MimeMessage m, String login) throws MessagingException {
    // the demo's server is the only one on the path: whatever a sender wrote is dropped, not
    // only headers naming our authserv-id (which a sender could spell with quotes or comments)
    m.removeHeader(HEADER);
    m.addHeader(
        HEADER,
        AUTHSERV_ID
            + "; "
            + (login == null || login.isBlank() ? "auth=none" : "auth=pass smtp.auth=" + login));
  }
}

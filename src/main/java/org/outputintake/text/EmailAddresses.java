package org.outputintake.text;

import org.apache.commons.validator.routines.EmailValidator;

/**
 * Whether a value the bot is given (a form field, the registry, the configuration, a cell of a
 * scanned file) is an email address. Whether the bot can <em>send</em> to an address is a stricter,
 * separate question answered by the mail adapter ({@code mail.Addresses}), which knows what the
 * mail library refuses.
 */
public final class EmailAddresses {
  private static final EmailValidator VALIDATOR = EmailValidator.getInstance();

  private EmailAddresses() {}

  public static boolean valid(String value) {
    return value != null && VALIDATOR.isValid(value);
  }
}

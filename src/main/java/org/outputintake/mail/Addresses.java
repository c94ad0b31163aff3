package org.outputintake.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an address can be written into an SMTP envelope and a To header. A hostile or damaged
 * {@code From:} can parse into something the mail library later refuses to send to; deciding that
 * before a reply is queued keeps such a reply from ever reaching the outbox.
 */
public final class Addresses {
  private static final int MAX_LENGTH = 254;
  private static final int MAX_LOCAL = 64;

  private Addresses() {}

  /** Why the bot cannot send to this address, or empty when it can. */
  public static Optional<String> problem(String address) {
    if (address == null || address.isBlank()) return Optional.of("no address");
    for (int i = 0; i < address.length(); i++) {
      char ch = address.charAt(i);
      if (ch < 0x20 || ch == 0x7f) return Optional.of("control character in the address");
    }
    if (address.length() > MAX_LENGTH)
      return Optional.of("address longer than " + MAX_LENGTH + " characters");
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1 || address.indexOf('@') != at) {
      return Optional.of("not a single local@domain address");
    }
    String local = address.substring(0, at);
    if (local.length() > MAX_LOCAL)
      return Optional.of("local part longer than " + MAX_LOCAL + " characters");
    for (int i = 0; i < local.length(); i++) {
      if (local.charAt(i) > 0x7e) return Optional.of("non-ASCII local part (needs SMTPUTF8)");
    }
    String ascii;
    try {
      ascii = toAscii(address);
    } catch (IllegalArgumentException e) {
      return Optional.of("domain is not a valid internationalised name");
    }
    String domain = ascii.substring(ascii.lastIndexOf('@') + 1);
    if (!domain.contains(".")
        || domain.startsWith(".")
        || domain.endsWith(".")
        || domain.contains("..")) {
      return Optional.of("domain '" + domain + "' is not a mail domain");
    }
    try {
      InternetAddress parsed = new InternetAddress(ascii, true);
      parsed.validate();
      if (!parsed.getAddress().equalsIgnoreCase(ascii))
        return Optional.of("address does not parse as itself");
    } catch (AddressException e) {
      return Optional.of("the mail library refuses it: " + e.getMessage());
    }
    return Optional.empty();
  }

  public static boolean usable(String address) {
    return problem(address).isEmpty();
  }

  /**
   * The address with an internationalised domain in its ASCII (punycode) form, as SMTP needs it.
   */
  public static String toAscii(String address) {
    int at = address.lastIndexOf('@');
    String domain = address.substring(at + 1);
    boolean ascii = domain.chars().allMatch(ch -> ch < 0x80);
    String d = ascii ? domain : IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
    return address.substring(0, at + 1) + d.toLowerCase(Locale.ROOT);
  }
}

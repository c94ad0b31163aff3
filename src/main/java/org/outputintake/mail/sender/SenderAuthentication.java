package org.outputintake.mail.sender;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.outputintake.mail.sender.AuthResultsSyntax.Result;

/**
 * Decides whether a staff command really comes from its From address, using the
 * Authentication-Results header (RFC 8601) that our own receiving server added. Anyone can write an
 * Authentication-Results header into a message they send, so only the topmost one whose authserv-id
 * is the trusted one counts; every other is ignored.
 *
 * <p>The sender passes when that header says {@code dmarc=pass} with {@code header.from} the
 * sender's domain, or {@code dkim=pass} with {@code header.d} the sender's domain (or, when a
 * verifier gives no {@code header.d}, as Gmail does, {@code header.i} in that domain), or {@code
 * spf=pass} with {@code smtp.mailfrom} in that domain, or {@code auth=pass} (our own server's SMTP
 * AUTH) with {@code smtp.auth} the whole From address. A header that does not parse strictly is no
 * pass. A {@code dmarc=fail} for the sender's domain fails whatever else the header says.
 *
 * <p>Microsoft 365 writes its header without an authserv-id ({@code spf=pass (sender IP is ...)
 * ...}); such a header is read as coming from {@value #MICROSOFT_365}, the name Microsoft gives its
 * own service elsewhere.
 */
public final class SenderAuthentication {
  /**
   * The authserv-id under which Microsoft 365's id-less Authentication-Results header is trusted.
   */
  public static final String MICROSOFT_365 = "mx.microsoft.com";

  /**
   * @param reason what was checked and what it said, for the audit trail and the officers' alert
   */
  public record Verdict(boolean pass, String reason) {
    public Verdict {
      Objects.requireNonNull(reason, "reason");
    }
  }

  private SenderAuthentication() {}

  /**
   * @param authenticationResults every Authentication-Results header of the message, top-down as in
   *     the message
   * @param fromAddress the From address the command came from
   * @param trustedAuthservId the authserv-id your own receiving server writes
   */
  public static Verdict check(
      List<String> authenticationResults, String fromAddress, String trustedAuthservId) {
    String domain = domainOf(fromAddress);
    if (domain == null) return new Verdict(false, "the sender has no usable From address");
    if (trustedAuthservId == null || trustedAuthservId.isBlank()) {
      return new Verdict(false, "no trusted authserv-id is configured");
    }
    String trusted = trustedAuthservId.strip().toLowerCase(Locale.ROOT);
    List<String> all = authenticationResults == null ? List.of() : authenticationResults;
    Header header = null;
    for (String value : all) {
      try {
        Header h = parse(value);
        if (trusted.equals(h.authservId())) {
          header = h;
          break;
        }
      } catch (AuthResultsSyntax.NotStrict e) {
        String id = AuthResultsSyntax.leadingId(value);
        if (trusted.equals(id != null && id.isEmpty() ? MICROSOFT_365 : id)) {
          // our own server's header, bent by text it copied from the sender: never guess
          return new Verdict(
              false,
              trusted
                  + "'s Authentication-Results header does not parse strictly ("
                  + e.getMessage()
                  + "), so it is not a pass");
        }
      }
    }
    if (header == null) {
      return new Verdict(
          false,
          all.isEmpty()
              ? "the message carries no Authentication-Results header"
              : "none of its "
                  + all.size()
                  + " Authentication-Results headers is from "
                  + trusted
                  + " (others are ignored: a sender can write them)");
    }
    List<String> said = new ArrayList<>();
    for (Result r : header.results()) {
      said.add(describe(r));
      if (r.method().equals("dmarc")
          && r.result().equals("fail")
          && domain.equals(domainOf(r.property("header.from")))) {
        return new Verdict(false, trusted + " says dmarc=fail for " + domain);
      }
    }
    // dmarc first: it is the verdict on the From domain itself; dkim and spf are its ingredients
    List<Result> byStrength =
        header.results().stream()
            .sorted(java.util.Comparator.comparingInt(SenderAuthentication::strength))
            .toList();
    for (Result r : byStrength) {
      if (!r.result().equals("pass")) continue;
      String why =
          switch (r.method()) {
            case "dmarc" ->
                domain.equals(domainOf(r.property("header.from"))) ? "dmarc=pass" : null;
            case "dkim" -> {
              String d = r.property("header.d");
              boolean aligned =
                  d != null
                      ? domain.equals(bare(d))
                      : domain.equals(domainOf(r.property("header.i")));
              yield aligned ? "dkim=pass (" + (d != null ? "header.d" : "header.i") + ")" : null;
            }
            case "spf" ->
                domain.equals(domainOf(r.property("smtp.mailfrom")))
                    ? "spf=pass (smtp.mailfrom)"
                    : null;
            // our own submission server: the login is the whole address, not only its domain
            case "auth" ->
                fromAddress.strip().equalsIgnoreCase(bareAddress(r.property("smtp.auth")))
                    ? "auth=pass (smtp.auth)"
                    : null;
            default -> null;
          };
      if (why != null) return new Verdict(true, trusted + " says " + why + " for " + domain);
    }
    String results = said.isEmpty() ? "no results" : String.join(", ", said);
    return new Verdict(false, trusted + " says " + results + "; none passes for " + domain);
  }

  private static String bareAddress(String value) {
    if (value == null) return null;
    String v = value.strip();
    return v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1) : v;
  }

  private static int strength(Result r) {
    int i = List.of("dmarc", "dkim", "spf", "auth").indexOf(r.method());
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  private static String describe(Result r) {
    String subject =
        r.property("header.from") != null
            ? r.property("header.from")
            : r.property("header.d") != null
                ? r.property("header.d")
                : r.property("smtp.mailfrom") != null
                    ? domainOf(r.property("smtp.mailfrom"))
                    : r.property("header.i") != null
                        ? domainOf(r.property("header.i"))
                        : r.property("smtp.auth");
    return r.method() + "=" + r.result() + (subject == null ? "" : " (" + subject + ")");
  }

  /**
   * The domain of an address, {@code @domain} or bare domain, lower-case; null when there is none.
   */
  static String domainOf(String value) {
    if (value == null) return null;
    String v = value.strip();
    if (v.startsWith("<") && v.endsWith(">")) v = v.substring(1, v.length() - 1);
    int at = v.lastIndexOf('@');
    String d = bare(at >= 0 ? v.substring(at + 1) : v);
    return d.isEmpty() || !d.contains(".") ? null : d;
  }

  private static String bare(String domain) {
    String d = domain.strip().toLowerCase(Locale.ROOT);
    return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
  }

  /**
   * Parses one header value strictly; its authserv-id is {@value #MICROSOFT_365} for Microsoft's
   * id-less form.
   *
   * @throws AuthResultsSyntax.NotStrict when it is not RFC 8601
   */
  static Header parse(String value) throws AuthResultsSyntax.NotStrict {
    AuthResultsSyntax.Header h = AuthResultsSyntax.parse(value);
    return new Header(h.authservId() == null ? MICROSOFT_365 : h.authservId(), h.results());
  }

  record Header(String authservId, List<Result> results) {}
}

package org.outputintake.demo;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.outputintake.app.IntakeApp;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.Ticket;
import org.outputintake.workflow.FindingsAnswered;

/**
 * The demo's two officers working the complete sample request to release, by real email through the
 * embedded server: both take it, both pass it (blind), one releases it. Each step waits for the bot
 * to apply the last.
 */
public final class DemoOfficers {
  private static final long STEP_TIMEOUT_MS = 30_000;
  private final IntakeApp app;
  private final Session session;
  private final PrintWriter out;

  public DemoOfficers(IntakeApp app, Session session, PrintWriter out) {
    this.app = app;
    this.session = session;
    this.out = out;
  }

  /**
   * Works the ticket opened by {@code requestMessageId}; returns false (and says why) if a step did
   * not happen.
   */
  public boolean workToRelease(String requestMessageId)
      throws MessagingException, InterruptedException {
    List<String> officers = app.context().config().staff().officers();
    if (officers.size() < 2) {
      say("(no two officers in staff.officers: the officers' walk-through is skipped)");
      return false;
    }
    Optional<Ticket> ticket = waitForTicket(requestMessageId);
    if (ticket.isEmpty()) {
      say(
          "(the sample request's ticket did not appear in time: the officers' walk-through is skipped)");
      return false;
    }
    Ticket t = ticket.get();
    String a = officers.get(0);
    String b = officers.get(1);
    say(
        "-> the researcher %s forges a reply from %s in the thread of %s: #release",
        t.researcher(), a, t.idText());
    long beforeForgery = commands(t);
    sendAs(null, a, t, "#release");
    if (!waitFor(() -> commands(t) > beforeForgery)) {
      say("(the bot did not answer the forged #release in time)");
      return false;
    }
    say(
        "<- refused: the demo's mail server did not vouch for %s (no SMTP login), so nothing was"
            + " done and the officers were alerted",
        a);
    String[][] steps = {
      {a, "#take"},
      {b, "#take"},
      {a, passAnswering(t, "Checked table1 and model.R against the form.")},
      {b, passAnswering(t, "Agree after my own check; no hidden content.")},
      {a, "#release"}
    };
    for (String[] step : steps) {
      say(
          "-> officer %s replies in the thread of %s: %s",
          step[0], t.idText(), step[1].lines().findFirst().orElse(""));
      long before = commands(t);
      send(step[0], t, step[1]);
      if (!waitFor(() -> commands(t) > before)) {
        say("(the bot did not answer %s in time)", step[1]);
        return false;
      }
    }
    return true;
  }

  /**
   * A pass that answers each of the scanners' blockers with its reason, as a pass must
   * (FindingsAnswered): the demo teaches officers to say why a flagged cell is acceptable, never
   * "counts are above the threshold" over a LOW_COUNT.
   */
  private String passAnswering(Ticket t, String opening) {
    java.util.Set<String> codes = app.db().read(c -> FindingsAnswered.blockers(c, t.idText()));
    StringBuilder b = new StringBuilder("#pass " + opening);
    for (String code : codes) {
      b.append('\n')
          .append(code)
          .append(": ")
          .append(
              // the sample's tables have no small cell: a blocker here means the demo's data was
              // edited, and the officer says what they checked rather than explain it away
              "checked by hand in the stored file");
    }
    return b.toString();
  }

  private void send(String officer, Ticket t, String body) throws MessagingException {
    sendAs(officer, officer, t, body);
  }

  /**
   * @param login the SMTP login (the demo's server vouches for it), or null to send without one, as
   *     a forger would
   */
  private void sendAs(String login, String from, Ticket t, String body) throws MessagingException {
    java.util.Properties p = new java.util.Properties();
    p.putAll(session.getProperties());
    p.put("mail.smtp.auth", String.valueOf(login != null));
    MimeMessage m = new MimeMessage(Session.getInstance(p));
    m.setFrom(new InternetAddress(from));
    m.setRecipient(
        jakarta.mail.Message.RecipientType.TO,
        new InternetAddress(app.context().config().mailbox().address()));
    m.setSubject("Re: [" + t.idText() + "] " + t.subject(), "UTF-8");
    // as a mail client replies: to the bot's latest email about the ticket this officer has, so a
    // decision is bound to the round that email showed
    String answered = latestMailTo(from, t);
    if (answered != null) m.setHeader("In-Reply-To", answered);
    m.setText(body + "\n\n-- \n" + from + "\nOutput checking officer\n", "UTF-8");
    if (login == null) Transport.send(m);
    else Transport.send(m, login, login); // the demo's logins and passwords are the addresses
  }

  private String latestMailTo(String officer, Ticket t) {
    String list = app.context().config().staff().officersList();
    List<org.outputintake.reply.Outbox.Entry> mine =
        app.db().read(c -> org.outputintake.reply.Outbox.forTicket(c, t.idText())).stream()
            .filter(
                e ->
                    e.mail().to().equalsIgnoreCase(officer)
                        || (list != null && e.mail().to().equalsIgnoreCase(list)))
            .toList();
    return mine.isEmpty() ? null : mine.get(mine.size() - 1).mail().messageId();
  }

  private long commands(Ticket t) {
    return app.db().read(c -> AuditLog.forTicket(c, t.idText())).stream()
        .filter(e -> e.type().equals("command") || e.type().equals("command-refused"))
        .count();
  }

  private Optional<Ticket> waitForTicket(String messageId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      Optional<Ticket> t =
          app.db().read(c -> app.context().tickets().list(c)).stream()
              .filter(x -> messageId.equals(x.rootMessageId()))
              .findFirst();
      if (t.isPresent()) return t;
      Thread.sleep(200);
    }
    return Optional.empty();
  }

  private static boolean waitFor(java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      if (done.getAsBoolean()) return true;
      Thread.sleep(200);
    }
    return false;
  }

  private synchronized void say(String format, Object... args) {
    out.printf(format + "%n", args);
    out.flush();
  }
}

package org.outputintake.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.outputintake.form.FormFixtures;
import org.outputintake.ticket.Ticket;
import org.outputintake.workflow.WorkflowStore;

/**
 * The output-checking desk as people use it, for the officers' tests: researchers send requests,
 * officers and data owners reply in the ticket's thread, and every step is one real email through
 * GreenMail and one bot cycle.
 */
public final class Desk {
  private final TestBot bot;
  private final Path dir;
  private int serial;

  public Desk(TestBot bot, Path dir) {
    this.bot = bot;
    this.dir = dir;
  }

  /** The ticket as the bot's database holds it now. */
  public Ticket ticket(String id) {
    return bot.tickets().stream().filter(t -> t.idText().equals(id)).findFirst().orElseThrow();
  }

  /**
   * Makes a ticket the intake opened as an output an ingest or a transfer (to {@code destination}):
   * its files stay exactly as the intake stored them. Stands in for the subjects and forms of each
   * kind (issue 23, the mail side) until they open such tickets themselves.
   */
  public void asKind(String id, org.outputintake.ticket.RequestKind kind, String destination) {
    bot.app()
        .db()
        .inTransaction(
            c -> {
              try (var ps =
                  c.prepareStatement(
                      "UPDATE ticket SET kind = ?, destination_project = ? WHERE id = ?")) {
                ps.setString(1, kind.code());
                ps.setString(2, destination);
                ps.setString(3, id);
                return ps.executeUpdate();
              }
            });
  }

  /** Who holds the ticket as its checkers, in the order they took it. */
  public List<String> checkers(String id) {
    return bot.app().db().read(c -> WorkflowStore.checkers(c, id));
  }

  /**
   * A complete request (form + the CSV tables) from Ada for {@code project}; returns the new
   * ticket's id.
   */
  public String request(String project, String... tables) throws Exception {
    return requestFrom(TestBot.ADA, project, tables);
  }

  /**
   * The same from a {@code From:} header of one's own, e.g. {@code Ada Lovelace
   * <ada.lovelace@uni.example.ac.uk>}.
   */
  public String requestFrom(String from, String project, String... tables) throws Exception {
    return requestFrom(from, project, java.util.Map.of(), tables);
  }

  /** The same with extra headers, e.g. the Authentication-Results a receiving MTA adds. */
  public String requestFrom(
      String from, String project, java.util.Map<String, String> headers, String... tables)
      throws Exception {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < tables.length; i++) names.add("table" + (i + 1) + ".csv");
    Path form =
        FormFixtures.completeDocx(
            dir.resolve("form" + (serial++) + ".docx"),
            f -> f.project(project).files(names.toArray(String[]::new)));
    Mails m =
        Mails.request()
            .from(from)
            .subject("16/01/24 Output request for Project " + project)
            .messageId("<req" + (serial++) + "@uni.example.ac.uk>")
            .attach("request-form.docx", Files.readAllBytes(form), "application/octet-stream");
    for (int i = 0; i < tables.length; i++) m.attachCsv(names.get(i), tables[i]);
    headers.forEach(m::header);
    bot.deliver(m.build(bot.session()));
    bot.cycle();
    List<org.outputintake.ticket.Ticket> all = bot.tickets();
    return all.isEmpty() ? null : all.get(all.size() - 1).idText();
  }

  /**
   * A reply from {@code from} in the ticket's thread, answering the last email the bot sent them
   * about it.
   */
  public void say(String from, String ticketId, String body) throws Exception {
    say(from, ticketId, body, null);
  }

  /** The same with files attached (name, CSV text pairs). */
  public void say(String from, String ticketId, String body, String[][] files) throws Exception {
    say(from, ticketId, body, files, java.util.Map.of());
  }

  /** The same with extra headers, e.g. the Authentication-Results a receiving MTA adds. */
  public void say(
      String from,
      String ticketId,
      String body,
      String[][] files,
      java.util.Map<String, String> headers)
      throws Exception {
    MimeMessage last = lastTo(from, ticketId);
    if (last == null)
      last =
          lastTo(TestBot.OFFICERS_LIST, ticketId); // an officer answering the list's notification
    Mails m =
        Mails.request()
            .from(from)
            .body(body)
            .subject("Re: " + (last != null ? last.getSubject() : "[" + ticketId + "] request"))
            .messageId("<say" + (serial++) + "." + System.nanoTime() + "@example.org>");
    if (last != null) m.inReplyTo(last.getMessageID());
    if (files != null) for (String[] f : files) m.attachCsv(f[0], f[1]);
    headers.forEach(m::header);
    bot.deliver(m.build(bot.session()));
    bot.cycle();
  }

  /**
   * A reply from {@code from} to one particular email of the bot's (an old notification, say), as a
   * mail client writes it: In-Reply-To that email, References its thread.
   */
  public void answer(String from, MimeMessage answered, String body) throws Exception {
    Mails m =
        Mails.request()
            .from(from)
            .body(body)
            .subject("Re: " + answered.getSubject())
            .inReplyTo(answered.getMessageID())
            .messageId("<ans" + (serial++) + "." + System.nanoTime() + "@example.org>");
    bot.deliver(m.build(bot.session()));
    bot.cycle();
  }

  /** A new email (no In-Reply-To, no References) with only the ticket's tag in its subject. */
  public void newMail(String from, String ticketId, String body) throws Exception {
    bot.deliver(
        Mails.request()
            .from(from)
            .body(body)
            .subject("[" + ticketId + "] about this one")
            .messageId("<new" + (serial++) + "." + System.nanoTime() + "@example.org>")
            .build(bot.session()));
    bot.cycle();
  }

  /** Alice and Bob take the ticket and both pass it: the two independent checks. */
  public void twoPasses(String ticketId) throws Exception {
    say(TestBot.ALICE, ticketId, "#take");
    say(TestBot.BOB, ticketId, "#take");
    say(TestBot.ALICE, ticketId, "#pass ok");
    say(TestBot.BOB, ticketId, "#pass ok");
  }

  /**
   * Ada sends revised tables with an updated form (folder version {@code version}) in the ticket's
   * thread.
   */
  public void revision(String ticketId, String project, int version, String... tables)
      throws Exception {
    revisionSaying("Revised files attached.", ticketId, project, version, tables);
  }

  /** The same with the email text of one's own (a quoted history under it, say). */
  public void revisionSaying(
      String body, String ticketId, String project, int version, String... tables)
      throws Exception {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < tables.length; i++) names.add("table" + (i + 1) + ".csv");
    Path form =
        FormFixtures.completeDocx(
            dir.resolve("form" + (serial++) + ".docx"),
            f ->
                f.project(project)
                    .folder("2024_01_16_EnergyUseModel_v" + version)
                    .files(names.toArray(String[]::new)));
    MimeMessage last = lastTo(TestBot.ADA, ticketId);
    Mails m =
        Mails.request()
            .body(body)
            .subject("Re: " + last.getSubject())
            .inReplyTo(last.getMessageID())
            .messageId("<rev" + (serial++) + "@uni.example.ac.uk>")
            .attach("request-form.docx", Files.readAllBytes(form), "application/octet-stream");
    for (int i = 0; i < tables.length; i++) m.attachCsv(names.get(i), tables[i]);
    bot.deliver(m.build(bot.session()));
    bot.cycle();
  }

  /** Every email the bot sent to this address about this ticket, oldest first. */
  public List<MimeMessage> mailTo(String address, String ticketId) {
    return bot.receivedBy(address).stream()
        .filter(m -> subject(m).contains("[" + ticketId + "]"))
        .toList();
  }

  public MimeMessage lastTo(String address, String ticketId) {
    List<MimeMessage> all = mailTo(address, ticketId);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  public String lastBodyTo(String address, String ticketId) {
    MimeMessage m = lastTo(address, ticketId);
    if (m == null) throw new AssertionError("no mail to " + address + " about " + ticketId);
    return TestBot.body(m);
  }

  /** Everything every mailbox received, as text: for proving that something was never sent. */
  public String allMailText() {
    StringBuilder b = new StringBuilder();
    for (MimeMessage m : bot.receivedAll())
      b.append(subject(m)).append('\n').append(TestBot.body(m)).append('\n');
    return b.toString();
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject() == null ? "" : m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.outputintake.reply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.outputintake.config.DeskAddresses;
import org.outputintake.scan.Finding;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.Ticket;

/**
 * Turns decisions into emails: picks the template, fills it, and threads the reply under the
 * message it answers. The words live in the templates; this class only supplies the facts.
 */
public final class ReplyComposer {
  /** The greeting's word when the researcher's name is not known: "Dear researcher,". */
  public static final String NO_NAME = "researcher";

  private final Templates templates;
  private final String ownAddress;
  private final String subjectFormat;
  private final boolean staffMailUnauthenticated;
  private final DeskAddresses desk;

  public ReplyComposer(Templates templates, String ownAddress, String subjectFormat) {
    this(templates, ownAddress, subjectFormat, false);
  }

  public ReplyComposer(
      Templates templates,
      String ownAddress,
      String subjectFormat,
      boolean staffMailUnauthenticated) {
    this(
        templates,
        ownAddress,
        subjectFormat,
        staffMailUnauthenticated,
        new DeskAddresses(List.of(ownAddress)));
  }

  /**
   * @param staffMailUnauthenticated the operator turned {@code
   *     security.require-authenticated-sender} off: every staff mail says that forged staff mail is
   *     obeyed ({@code staffMailUnauthenticated} in the templates)
   * @param desk every mailbox of the bot: mail about a ticket leaves from the one its request came
   *     to ({@link Ticket#mailbox()}), whichever mailbox's composer writes it
   */
  public ReplyComposer(
      Templates templates,
      String ownAddress,
      String subjectFormat,
      boolean staffMailUnauthenticated,
      DeskAddresses desk) {
    this.templates = templates;
    this.ownAddress = ownAddress;
    this.subjectFormat = subjectFormat;
    this.staffMailUnauthenticated = staffMailUnauthenticated;
    this.desk = desk;
  }

  /** The mailbox mail about {@code ticket} leaves from. */
  private String fromFor(Ticket ticket) {
    return desk.sendingFor(ticket.mailbox(), ownAddress);
  }

  /** A reply on a ticket: subject starts with the bracketed ticket id. */
  public OutgoingMail ticketReply(
      String kind,
      Ticket ticket,
      Answering answering,
      Map<String, Object> facts,
      List<OutgoingMail.FileRef> attachments) {
    Map<String, Object> ctx = ticketContext(facts, ticket);
    String subject =
        templates.renderInline(
            subjectFormat, Map.of("ticketId", ticket.id().toString(), "subject", ticket.subject()));
    return build(
        fromFor(ticket),
        kind,
        ticket.id().toString(),
        answering == null ? ticket.researcher() : answering.from(),
        subject,
        templates.render(kind, ctx),
        answering,
        ticket.rootMessageId(),
        attachments);
  }

  /**
   * Mail on a ticket to anyone the workflow names (an officer, the officers' list, data owners, the
   * researcher): the subject still starts with the bracketed ticket id, so every answer threads
   * back to the ticket.
   *
   * @param topic the subject after the ticket id; null for the ticket's own subject
   * @param answering the message this answers (threaded under it), or null to thread under the
   *     ticket's root
   */
  public OutgoingMail ticketMail(
      String kind,
      Ticket ticket,
      String to,
      List<String> bcc,
      String topic,
      Map<String, Object> facts,
      List<OutgoingMail.FileRef> attachments,
      Answering answering) {
    Map<String, Object> ctx = ticketContext(facts, ticket);
    String subject =
        templates.renderInline(
            subjectFormat,
            Map.of(
                "ticketId",
                ticket.id().toString(),
                "subject",
                topic == null ? ticket.subject() : topic));
    OutgoingMail m =
        build(
            fromFor(ticket),
            kind,
            ticket.id().toString(),
            to,
            subject,
            templates.render(kind, ctx),
            answering,
            ticket.rootMessageId(),
            attachments);
    return m.withBcc(bcc);
  }

  /** A reply that opens no ticket (a subject we could not read, a refused request). */
  public OutgoingMail plainReply(
      String kind,
      Answering answering,
      Map<String, Object> facts,
      List<OutgoingMail.FileRef> attachments) {
    Map<String, Object> ctx = baseContext(facts, ownAddress);
    ctx.put("subject", answering.subject());
    String subject =
        answering.subject().toLowerCase(Locale.ROOT).startsWith("re:")
            ? answering.subject()
            : "Re: " + answering.subject();
    return build(
        ownAddress,
        kind,
        null,
        answering.from(),
        subject,
        templates.render(kind, ctx),
        answering,
        null,
        attachments);
  }

  /**
   * What every mail on a ticket may say about it: its id, project and subject, and which kind of
   * request it is ({@code requestName}: "output request", "ingest request", "transfer request"),
   * with a transfer's destination project.
   */
  private Map<String, Object> ticketContext(Map<String, Object> facts, Ticket ticket) {
    Map<String, Object> ctx = baseContext(facts, fromFor(ticket));
    ctx.put("ticketId", ticket.id().toString());
    ctx.put("projectNumber", ticket.projectNumber());
    ctx.put("subject", ticket.subject());
    ctx.put("requestName", ticket.kind().displayName());
    ctx.put("requestDone", ticket.kind() == RequestKind.OUTPUT ? "released" : "copied");
    if (ticket.destinationProject() != null)
      ctx.put("destinationProject", ticket.destinationProject());
    return ctx;
  }

  private Map<String, Object> baseContext(Map<String, Object> facts, String from) {
    Map<String, Object> ctx = new HashMap<>(facts);
    ctx.put("supportAddress", from);
    ctx.put("staffMailUnauthenticated", staffMailUnauthenticated);
    // "Dear researcher," when no name is known: the ticket keeps none, and a sender's header may
    // give none fit to greet by
    ctx.putIfAbsent("researcherName", NO_NAME);
    return ctx;
  }

  private OutgoingMail build(
      String from,
      String kind,
      String ticketId,
      String to,
      String subject,
      String body,
      Answering answering,
      String rootMessageId,
      List<OutgoingMail.FileRef> attachments) {
    List<String> refs = new ArrayList<>();
    if (rootMessageId != null) refs.add(rootMessageId);
    if (answering != null) {
      for (String r : answering.references()) if (!refs.contains(r)) refs.add(r);
      if (answering.messageId() != null && !refs.contains(answering.messageId()))
        refs.add(answering.messageId());
    }
    // mail clients cope with long chains, but headers have limits: keep the root and the most
    // recent
    if (refs.size() > 12) {
      List<String> trimmed = new ArrayList<>(List.of(refs.get(0)));
      trimmed.addAll(refs.subList(refs.size() - 11, refs.size()));
      refs = trimmed;
    }
    return new OutgoingMail(
            newMessageId(ticketId, kind),
            ticketId,
            kind,
            to,
            List.of(),
            subject,
            body,
            answering == null ? rootMessageId : answering.messageId(),
            refs,
            attachments)
        .withFrom(from);
  }

  public String newMessageId(String ticketId, String kind) {
    String domain = ownAddress.substring(ownAddress.indexOf('@') + 1);
    return "<"
        + (ticketId == null ? "intake" : ticketId)
        + "."
        + kind
        + "."
        + UUID.randomUUID()
        + "@"
        + domain
        + ">";
  }

  /** Findings as template rows: code, message, and where (file and location) when known. */
  public static List<Map<String, Object>> rows(List<Finding> findings, String file) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Finding f : findings) {
      Map<String, Object> row = new HashMap<>();
      row.put("code", f.code());
      row.put("severity", f.severity().label());
      row.put("message", f.message());
      String where =
          file == null ? f.location() : f.location().isEmpty() ? file : file + ", " + f.location();
      row.put("where", where == null ? "" : where);
      row.put("hasWhere", where != null && !where.isEmpty());
      row.put("evidence", f.evidence());
      out.add(row);
    }
    return out;
  }

  public static String humanSize(long bytes) {
    if (bytes < 1024) return bytes + " bytes";
    if (bytes < 1024 * 1024) return String.format(Locale.UK, "%.1f KB", bytes / 1024.0);
    return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024));
  }
}

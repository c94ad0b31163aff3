package org.outputintake.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outputintake.mail.ReplyMessages;
import org.outputintake.reply.Outbox;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.store.DbTime;
import org.outputintake.store.DeskFiles;
import org.outputintake.store.RawStore;

/**
 * The emails of a ticket in the order they happened: each email in is the raw copy taken from IMAP
 * (checked against its SHA-256), each reply is rebuilt from its outbox row with its fixed
 * Message-ID, as it was sent.
 */
final class ArchiveEmails {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  static final List<String> COLUMNS =
      List.of(
          "number",
          "archived_as",
          "direction",
          "at",
          "message_id",
          "from",
          "to",
          "subject",
          "kind",
          "status",
          "sha256");

  private final RawStore messages;
  private final RawStore files;
  private final String botAddress;

  ArchiveEmails(DeskFiles desk, String botAddress) {
    this.messages = desk.messages();
    this.files = desk.files();
    this.botAddress = botAddress;
  }

  /** One email on the timeline: an inbound row or a reply. */
  private record Item(
      Instant at, int direction, long id, Map<String, Object> in, Outbox.Entry out) {}

  /**
   * Writes {@code emails/NNN-in-<time>.eml} and {@code emails/NNN-out-<time>-<kind>.eml}.
   *
   * @return one index row per email (columns {@link #COLUMNS}), and the archived name of each
   *     inbound message by its message key
   */
  Written write(TicketRecord record, ArchiveFolder folder) throws IOException {
    List<Item> items = new ArrayList<>();
    for (Map<String, Object> row : record.inbound().rows()) {
      items.add(
          new Item(
              DbTime.parse(TicketRecord.text(row, "at")),
              0,
              ((Number) row.get("id")).longValue(),
              row,
              null));
    }
    for (Outbox.Entry e : record.replies()) items.add(new Item(e.createdAt(), 1, e.id(), null, e));
    items.sort(
        Comparator.comparing(Item::at)
            .thenComparingInt(Item::direction)
            .thenComparingLong(Item::id));
    List<Map<String, Object>> index = new ArrayList<>();
    Map<String, String> byKey = new LinkedHashMap<>();
    int n = 0;
    for (Item item : items) {
      n++;
      Map<String, Object> row =
          item.in() != null ? inbound(n, item, folder) : reply(n, item.out(), folder);
      if (item.in() != null)
        byKey.put(TicketRecord.text(item.in(), "message_key"), (String) row.get("archived_as"));
      index.add(row);
    }
    return new Written(index, byKey);
  }

  record Written(List<Map<String, Object>> index, Map<String, String> inboundByKey) {}

  private Map<String, Object> inbound(int n, Item item, ArchiveFolder folder) throws IOException {
    Map<String, Object> m = item.in();
    String name = String.format("emails/%03d-in-%s.eml", n, STAMP.format(item.at()));
    String sha = TicketRecord.text(m, "raw_sha256");
    ArchiveFolder.Entry e = null;
    String purged = TicketRecord.text(m, "raw_purged_at");
    if (purged != null) {
      // removed on purpose with a file it carried (direct identifiers): accounted for, not missing
      return row(
          n,
          "",
          "in",
          item.at(),
          TicketRecord.text(m, "message_id"),
          TicketRecord.text(m, "sender"),
          botAddress,
          TicketRecord.text(m, "subject"),
          TicketRecord.text(m, "classification"),
          "NOT KEPT: raw copy removed " + purged + " with a file refused for direct identifiers",
          "");
    } else if (sha == null) {
      folder.problem(
          new ArchiveResult.Problem(
              "missing", name, "no raw copy was recorded for this email", null, null));
    } else {
      e = folder.copyVerified(messages.located(sha, ".eml", null), name, sha);
    }
    String status =
        TicketRecord.text(m, "classification") + ", " + TicketRecord.text(m, "disposition");
    return row(
        n,
        e == null ? "" : name,
        "in",
        item.at(),
        TicketRecord.text(m, "message_id"),
        TicketRecord.text(m, "sender"),
        botAddress,
        TicketRecord.text(m, "subject"),
        TicketRecord.text(m, "classification"),
        e == null ? "NOT ARCHIVED: see manifest.json problems" : status,
        e == null ? "" : e.sha256());
  }

  private Map<String, Object> reply(int n, Outbox.Entry entry, ArchiveFolder folder)
      throws IOException {
    OutgoingMail mail = entry.mail();
    String name =
        String.format(
            "emails/%03d-out-%s-%s.eml",
            n, STAMP.format(entry.createdAt()), ArchiveNames.safe(mail.kind()));
    List<OutgoingMail.FileRef> present = new ArrayList<>();
    for (OutgoingMail.FileRef stored : mail.attachments()) {
      OutgoingMail.FileRef f =
          new OutgoingMail.FileRef(
              stored.name(), files.located(stored.path()), stored.contentType(), stored.sha256());
      if (Files.isRegularFile(f.path())) {
        present.add(f);
      } else {
        folder.problem(
            new ArchiveResult.Problem(
                "missing",
                name,
                "the reply's attachment "
                    + f.name()
                    + " is no longer at "
                    + f.path()
                    + "; the copy lacks it",
                null,
                null));
      }
    }
    OutgoingMail copy =
        new OutgoingMail(
            mail.messageId(),
            mail.ticketId(),
            mail.kind(),
            mail.to(),
            mail.bcc(),
            mail.subject(),
            mail.body(),
            mail.inReplyTo(),
            mail.references(),
            present);
    Instant date = entry.sentAt() != null ? entry.sentAt() : entry.createdAt();
    ArchiveFolder.Entry e =
        folder.write(name, out -> ReplyMessages.write(copy, botAddress, date, out));
    String status =
        entry.sentAt() != null
            ? "sent " + DbTime.of(entry.sentAt())
            : "waiting to be sent (attempts " + entry.attempts() + ")";
    return row(
        n,
        name,
        "out",
        entry.createdAt(),
        mail.messageId(),
        botAddress,
        mail.to(),
        mail.subject(),
        mail.kind(),
        status,
        e.sha256());
  }

  private static Map<String, Object> row(
      int n,
      String archivedAs,
      String direction,
      Instant at,
      String messageId,
      String from,
      String to,
      String subject,
      String kind,
      String status,
      String sha256) {
    Object[] values = {
      n, archivedAs, direction, DbTime.of(at), messageId, from, to, subject, kind, status, sha256
    };
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < COLUMNS.size(); i++) row.put(COLUMNS.get(i), values[i]);
    return row;
  }
}

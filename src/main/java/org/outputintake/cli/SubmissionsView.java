package org.outputintake.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.outputintake.intake.MailLog;
import org.outputintake.scan.Severity;
import org.outputintake.ticket.PurgedFiles;
import org.outputintake.ticket.TicketFiles;

/**
 * A ticket's submissions as {@code tickets show} prints them: the latest first, each with its own
 * files and findings, and "no findings" said outright when the checks found nothing, so an earlier
 * submission's blockers are never read as the current ones.
 */
final class SubmissionsView {
  /** Blockers and warnings of the latest submission, for {@code tickets list}. */
  record Counts(long blockers, long warnings) {}

  private SubmissionsView() {}

  static Counts latestCounts(Connection c, String ticketId) throws SQLException {
    var findings = TicketFiles.latestFindings(c, ticketId);
    return new Counts(
        findings.stream().filter(f -> f.finding().severity() == Severity.BLOCKER).count(),
        findings.stream().filter(f -> f.finding().severity() == Severity.WARNING).count());
  }

  static void print(PrintWriter out, Connection c, String ticketId) throws SQLException {
    List<String> keys = TicketFiles.submissions(c, ticketId);
    Map<String, MailLog.Entry> mails =
        MailLog.forTicket(c, ticketId).stream()
            .collect(Collectors.toMap(MailLog.Entry::messageKey, Function.identity(), (a, b) -> a));
    out.printf("Submissions (%d, latest first):%n", keys.size());
    for (int i = keys.size() - 1; i >= 0; i--) {
      String key = keys.get(i);
      MailLog.Entry mail = mails.get(key);
      out.printf(
          "  Submission %d%s: %s%n",
          i + 1,
          i == keys.size() - 1 ? " (latest)" : "",
          mail == null
              ? key
              : mail.at() + " from " + mail.sender() + " (" + mail.classification() + ")");
      PurgedFiles.rawRemovedAt(c, ticketId, key)
          .ifPresent(
              at ->
                  out.printf(
                      "    Raw email: removed %s with a file refused for direct identifiers%n",
                      at));
      var removed = PurgedFiles.removedFiles(c, ticketId, key);
      var files = TicketFiles.attachments(c, ticketId, key);
      out.println(files.isEmpty() ? "    Files: none" : "    Files:");
      for (var a : files) {
        out.printf(
            "    - %s (%d bytes, %s, %s) sha256 %s%n",
            a.originalName(), a.size(), a.mediaType(), a.role(), a.sha256());
        for (var r : removed) {
          if (r.originalName().equals(a.originalName()) && r.sha256().equals(a.sha256()))
            out.printf("      bytes removed %s: %s%n", r.at(), r.reason());
        }
      }
      var findings = TicketFiles.findings(c, ticketId, key);
      out.println(findings.isEmpty() ? "    Findings: no findings" : "    Findings:");
      for (var f : findings) {
        out.printf(
            "    - [%s] %s %s%s: %s%n",
            f.finding().code(),
            f.finding().severity().label(),
            f.file() == null ? "" : f.file(),
            f.finding().location().isEmpty() ? "" : " " + f.finding().location(),
            f.finding().message());
      }
    }
  }
}

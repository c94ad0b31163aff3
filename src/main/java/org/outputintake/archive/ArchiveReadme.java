package org.outputintake.archive;

import java.util.List;
import java.util.Map;
import org.outputintake.text.OutsideText;

/** README.txt: what the folder is and how to check it, for someone who opens it in ten years. */
final class ArchiveReadme {
  private ArchiveReadme() {}

  static String text(
      TicketRecord record, List<ArchiveResult.Problem> problems, int emails, int files) {
    Map<String, Object> t = record.ticket();
    StringBuilder b = new StringBuilder();
    b.append("Output Intake - permanent record of ticket ")
        .append(record.ticketId())
        .append("\n\n");
    line(b, "Subject", t.get("subject"));
    line(b, "Project", t.get("project_number"));
    line(b, "Researcher", t.get("researcher"));
    line(b, "Received", t.get("created_at"));
    line(
        b,
        "State",
        t.get("state") + (t.get("state_reason") == null ? "" : " (" + t.get("state_reason") + ")"));
    line(b, "Closed", t.get("closed_at"));
    b.append('\n');
    if (problems.isEmpty()) {
      b.append(
          "COMPLETE: every stored file matched the SHA-256 recorded when it was received.\n\n");
    } else {
      b.append("INCOMPLETE: ")
          .append(problems.size())
          .append(" stored item(s) could not be archived as recorded.\n")
          .append(
              "They were NOT copied; manifest.json lists each with the expected and the found SHA-256:\n");
      for (ArchiveResult.Problem p : problems) b.append("  - ").append(p).append('\n');
      b.append('\n');
    }
    b.append("Contents\n");
    b.append(
            "  emails/       every email in (the raw copy as received) and every reply (rebuilt from the\n")
        .append(
            "                outbox with its original Message-ID), numbered in the order they happened\n")
        .append("                (")
        .append(emails)
        .append(" in all); emails.csv indexes them\n");
    b.append(
            "  files/N/      every file of submission N (each email that brought files is one submission),\n")
        .append("                as the researcher sent it (")
        .append(files)
        .append(" in all); files.csv gives\n")
        .append("                the original names, roles and the email each came with\n");
    for (TicketRecord.Section s : record.sections().keySet()) {
      b.append(String.format("  %-13s %s\n", s.file(), s.description()));
    }
    b.append("  ticket.json   the ticket as the database holds it\n");
    b.append(
        "  manifest.json size and SHA-256 of every file above, and any problem found while exporting\n");
    b.append("  SHA256SUMS    the same hashes, for: sha256sum -c SHA256SUMS\n\n");
    b.append(
            "Text from outside (subjects, names, notes) is shown with control and invisible format\n")
        .append(
            "characters written as \\uXXXX escapes (e.g. \\u202e). In the CSV files a cell that would\n")
        .append(
            "start with =, +, -, @, a tab or a carriage return (and is not a plain number) starts with a\n")
        .append(
            "single quote ('), so no spreadsheet reads it as a formula: remove that one quote to get the\n")
        .append("text as written. The emails/ folder keeps every email exactly as received.\n\n");
    b.append(
            "The export itself is recorded on the ticket's audit trail (event 'archived', with the SHA-256 of\n")
        .append(
            "manifest.json); those events are not in audit.csv, since a file cannot hold its own hash.\n");
    return b.toString();
  }

  private static void line(StringBuilder b, String label, Object value) {
    if (value != null)
      b.append(String.format("%-11s %s\n", label + ":", OutsideText.line(String.valueOf(value))));
  }
}

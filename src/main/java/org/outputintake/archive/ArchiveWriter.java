package org.outputintake.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.outputintake.store.DeskFiles;
import org.outputintake.store.RawStore;
import org.outputintake.text.OutsideText;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.TicketState;

/**
 * Lays out one ticket's export: {@code emails/}, {@code files/<submission>/}, the CSV sections,
 * {@code ticket.json}, {@code README.txt}, and last {@code manifest.json} and {@code SHA256SUMS}
 * over everything before them. Nothing in it depends on when it is written, so exporting the same
 * record twice gives the same bytes.
 */
final class ArchiveWriter {
  static final String FORMAT = "output-intake-archive/1";
  static final List<String> FILE_COLUMNS =
      List.of(
          "submission",
          "archived_as",
          "original_name",
          "role",
          "media_type",
          "size",
          "sha256",
          "message_key",
          "email",
          "status");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final DeskFiles desk;
  private final String botAddress;

  ArchiveWriter(DeskFiles desk, String botAddress) {
    this.desk = desk;
    this.botAddress = botAddress;
  }

  /** Writes the whole export into {@code folder}; returns the SHA-256 of its manifest. */
  String write(TicketRecord record, ArchiveFolder folder) throws IOException {
    ArchiveEmails.Written emails = new ArchiveEmails(desk, botAddress).write(record, folder);
    List<Map<String, Object>> files = files(record, folder, emails.inboundByKey());
    csv(folder, "emails.csv", ArchiveEmails.COLUMNS, emails.index());
    csv(folder, "files.csv", FILE_COLUMNS, files);
    for (var s : record.sections().entrySet())
      csv(folder, s.getKey().file(), s.getValue().columns(), s.getValue().rows());
    json(folder, "ticket.json", ticketJson(record, emails.index().size(), files.size()));
    folder.write(
        "README.txt",
        out ->
            text(
                out,
                ArchiveReadme.text(
                    record, folder.problems(), emails.index().size(), files.size())));
    ArchiveFolder.Entry manifest = json(folder, "manifest.json", manifest(record, folder));
    List<ArchiveFolder.Entry> all = folder.entries();
    folder.write("SHA256SUMS", out -> text(out, sums(all)));
    return manifest.sha256();
  }

  /** Every version of every file, under the number of the submission (email) that brought it. */
  private List<Map<String, Object>> files(
      TicketRecord record, ArchiveFolder folder, Map<String, String> emails) throws IOException {
    RawStore store = desk.files();
    Map<String, Integer> submissions = new LinkedHashMap<>();
    Map<Integer, ArchiveNames> names = new LinkedHashMap<>();
    List<Map<String, Object>> index = new ArrayList<>();
    for (Map<String, Object> a : record.attachments().rows()) {
      String key = TicketRecord.text(a, "message_key");
      int n = submissions.computeIfAbsent(key, k -> submissions.size() + 1);
      String original = TicketRecord.text(a, "original_name");
      String name =
          "files/" + n + "/" + names.computeIfAbsent(n, k -> new ArchiveNames()).unique(original);
      String sha = TicketRecord.text(a, "sha256");
      String purged = TicketRecord.text(a, "purged_at");
      // removed on purpose (direct identifiers): the record accounts for it, nothing is missing
      ArchiveFolder.Entry e =
          purged == null ? folder.copyVerified(source(a, store, sha), name, sha) : null;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("submission", n);
      row.put("archived_as", e == null ? "" : name);
      row.put("original_name", original);
      row.put("role", a.get("role"));
      row.put("media_type", a.get("media_type"));
      row.put("size", a.get("size"));
      row.put("sha256", sha);
      row.put("message_key", key);
      row.put("email", emails.getOrDefault(key, ""));
      row.put(
          "status",
          purged != null
              ? "NOT KEPT: bytes removed " + purged + ", " + TicketRecord.text(a, "purged_reason")
              : e == null ? "NOT ARCHIVED: see manifest.json problems" : "verified");
      index.add(row);
    }
    return index;
  }

  /**
   * The path recorded on the row when on this host, else the same content address in the desk's
   * store (another instance's, or a shared one).
   */
  private static Path source(Map<String, Object> attachment, RawStore store, String sha) {
    String recorded = TicketRecord.text(attachment, "stored_path");
    return store.located(sha == null ? "00" : sha, "", recorded);
  }

  private static Map<String, Object> ticketJson(TicketRecord record, int emails, int files) {
    Map<String, Object> ticket = new LinkedHashMap<>();
    for (var e : record.ticket().entrySet()) ticket.put(e.getKey(), embedJson(e.getValue()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("format", FORMAT);
    out.put("ticket", ticket);
    out.put("states", states(record));
    out.put("emails", emails);
    out.put("files", files);
    Map<String, Object> sections = new LinkedHashMap<>();
    for (var s : record.sections().entrySet())
      sections.put(s.getKey().file(), s.getValue().rows().size());
    out.put("sections", sections);
    return out;
  }

  /**
   * The ticket's states in order, as its audit trail recorded each change ({@code ticket-created},
   * {@code state-*}).
   */
  private static List<Map<String, Object>> states(TicketRecord record) {
    List<Map<String, Object>> states = new ArrayList<>();
    for (var s : record.sections().entrySet()) {
      if (!s.getKey().file().equals(TicketRecord.AUDIT.file())) continue;
      for (Map<String, Object> row : s.getValue().rows()) {
        Optional<TicketState.Kind> entered =
            AuditType.StateEntered.parse(TicketRecord.text(row, "type"));
        if (entered.isEmpty()) continue;
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", entered.get().stored());
        state.put("at", row.get("at"));
        state.put("actor", row.get("actor"));
        state.put("detail", row.get("detail"));
        states.add(state);
      }
    }
    return states;
  }

  /** A JSON column (the folder snapshot) is embedded as JSON rather than as an escaped string. */
  private static Object embedJson(Object value) {
    if (value instanceof String s && (s.startsWith("{") || s.startsWith("["))) {
      try {
        return JSON.readTree(s);
      } catch (IOException e) {
        return s;
      }
    }
    return value;
  }

  private static Map<String, Object> manifest(TicketRecord record, ArchiveFolder folder) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("ticket", record.ticketId());
    m.put("complete", folder.problems().isEmpty());
    List<Map<String, Object>> files = new ArrayList<>();
    for (ArchiveFolder.Entry e : folder.entries()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("path", e.path());
      f.put("size", e.size());
      f.put("sha256", e.sha256());
      files.add(f);
    }
    m.put("files", files);
    List<Map<String, Object>> problems = new ArrayList<>();
    for (ArchiveResult.Problem p : folder.problems()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("kind", p.kind());
      f.put("item", p.item());
      f.put("detail", p.detail());
      f.put("expected_sha256", p.expectedSha256());
      f.put("actual_sha256", p.actualSha256());
      problems.add(f);
    }
    m.put("problems", problems);
    return m;
  }

  /** {@code sha256sum -c SHA256SUMS} checks the folder with standard tools. */
  private static String sums(List<ArchiveFolder.Entry> entries) {
    StringBuilder b = new StringBuilder();
    for (ArchiveFolder.Entry e : entries)
      b.append(e.sha256()).append("  ").append(e.path()).append('\n');
    return b.toString();
  }

  private static void csv(
      ArchiveFolder folder, String name, List<String> columns, List<Map<String, Object>> rows)
      throws IOException {
    folder.write(
        name,
        out -> {
          OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          CSVPrinter p =
              new CSVPrinter(
                  w, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
          for (Map<String, Object> row : rows) {
            List<Object> values = new ArrayList<>();
            for (String c : columns) values.add(cell(c, row.get(c)));
            p.printRecord(values);
          }
          p.flush();
        });
  }

  /** Columns that hold what someone wrote, several lines long; every other cell is one line. */
  private static final java.util.Set<String> TEXT_COLUMNS =
      java.util.Set.of("text", "notes", "reason");

  /**
   * What a CSV cell holds: outside text (subjects, names, notes) with its control and format
   * characters made visible, one line unless it is someone's text, and never a spreadsheet formula.
   */
  private static Object cell(String column, Object value) {
    if (!(value instanceof CharSequence text)) return value;
    String shown =
        TEXT_COLUMNS.contains(column)
            ? OutsideText.block(text.toString())
            : OutsideText.line(text.toString());
    return OutsideText.csvCell(shown);
  }

  private static ArchiveFolder.Entry json(ArchiveFolder folder, String name, Object value)
      throws IOException {
    return folder.write(name, out -> out.write(JSON.writeValueAsBytes(value)));
  }

  private static void text(java.io.OutputStream out, String text) {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.print(text);
    w.flush();
  }
}

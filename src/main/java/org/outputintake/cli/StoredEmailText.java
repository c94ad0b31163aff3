package org.outputintake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.outputintake.mail.InboundMessage;
import org.outputintake.mail.MalformedMessageException;
import org.outputintake.mail.MessageParser;
import org.outputintake.mail.text.ReplyText;
import org.outputintake.store.RawStore;
import org.outputintake.text.OutsideText;
import org.outputintake.workflow.BlindVerdicts;

/**
 * The text of a stored email for {@code tickets show}: what the sender wrote, with the history
 * their client quoted folded to one line. Read again from the raw .eml each time, so it works for
 * every email ever stored and the stored original stays the only record. A line that holds what
 * looks like an identifier is not printed ({@code IdentifierFinder#maskedLine}), and no line
 * carries a control or format character to the terminal.
 */
final class StoredEmailText {
  static final int MAX_LINES = 20;
  static final String HIDDEN =
      "(a verdict: its text is shown once both verdicts of the check round are in)";
  private final RawStore messages;
  private final BlindVerdicts blind;
  private final MessageParser parser = new MessageParser();
  private final org.outputintake.scan.identifier.IdentifierFinder identifiers =
      new org.outputintake.scan.identifier.IdentifierFinder();

  StoredEmailText(RawStore messages, BlindVerdicts blind) {
    this.messages = messages;
    this.blind = blind;
  }

  void print(PrintWriter out, String rawSha256, String indent) {
    if (rawSha256 == null) return;
    Path raw = messages.located(rawSha256, ".eml", null);
    if (!Files.isRegularFile(raw)) {
      out.printf("%s(the stored email is not at %s)%n", indent, raw);
      return;
    }
    Path work = null;
    try {
      work = Files.createTempDirectory("show-");
      InboundMessage m = parser.parse(raw, work);
      ReplyText text = ReplyText.of(m);
      if (blind.hides(text.newText())) {
        out.printf("%s%s%n", indent, HIDDEN);
        return;
      }
      List<String> lines = text.newText().lines().toList();
      if (lines.isEmpty()) out.printf("%s(no new text)%n", indent);
      for (String line : lines.subList(0, Math.min(MAX_LINES, lines.size())))
        out.printf("%s| %s%n", indent, OutsideText.line(blind.mask(identifiers.maskedLine(line))));
      if (lines.size() > MAX_LINES)
        out.printf("%s| [... %d more lines]%n", indent, lines.size() - MAX_LINES);
      if (!text.signature().isEmpty()) {
        out.printf("%s[signature: %d lines]%n", indent, text.signature().lines().count());
      }
      if (text.quotedLineCount() > 0)
        out.printf("%s[quoted history: %d lines]%n", indent, text.quotedLineCount());
    } catch (IOException | MalformedMessageException | RuntimeException e) {
      out.printf("%s(the stored email cannot be read: %s)%n", indent, e.getMessage());
    } finally {
      deleteQuietly(work);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) return;
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a leftover temp folder is harmless; the command's output matters more
    }
  }
}

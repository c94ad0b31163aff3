package org.outputintake.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command read from the first non-blank line of an email's new text ({@code #pass looks fine});
 * the rest of that line and the lines after it are its text.
 */
public record ParsedCommand(String name, String text) {
  private static final Pattern FIRST =
      Pattern.compile("^\\s*#([A-Za-z][A-Za-z-]{0,30})\\b[:\\s]*(.*)$");

  /** {@code # pass}: a command with a space after the mark, as a phone's keyboard writes it. */
  private static final Pattern SPACED =
      Pattern.compile("^\\s*#\\s+([A-Za-z][A-Za-z-]{0,30})\\b[:\\s]*(.*)$");

  /** A second command straight after the first, on its line: {@code #take #pass}. */
  private static final Pattern SECOND_ON_LINE =
      Pattern.compile("^\\s*#[A-Za-z][A-Za-z-]{0,30}[:\\s]+#\\s?([A-Za-z][A-Za-z-]{0,30})\\b.*$");

  private static final Pattern COMMAND_LIST =
      Pattern.compile("^\\s*#[A-Za-z-]+(( [a-z]+)? {2,}\\S|.*\\s#[A-Za-z])");

  public ParsedCommand {
    name = name.toLowerCase(Locale.ROOT);
    text = text == null ? "" : text.strip();
  }

  /**
   * The command in {@code newText}, or empty when its first non-blank line does not start with
   * {@code #}.
   */
  public static Optional<ParsedCommand> parse(String newText) {
    if (newText == null) return Optional.empty();
    String[] lines = newText.replace("\r\n", "\n").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) continue;
      Matcher m = FIRST.matcher(lines[i]);
      if (!m.matches()) return Optional.empty();
      StringBuilder rest = new StringBuilder(m.group(2));
      for (int j = i + 1; j < lines.length; j++) rest.append('\n').append(lines[j]);
      return Optional.of(new ParsedCommand(m.group(1), rest.toString()));
    }
    return Optional.empty();
  }

  /**
   * The command in {@code newText} when its first line has a space after the {@code #} ({@code #
   * pass}) and the word is one of the {@code known} commands: an attempt at that command, read as
   * it. Any other word there is no command ({@code # Summary} stays text).
   */
  public static Optional<ParsedCommand> spaced(String newText, Set<String> known) {
    if (newText == null) return Optional.empty();
    for (String line : newText.replace("\r\n", "\n").split("\n", -1)) {
      if (line.isBlank()) continue;
      Matcher m = SPACED.matcher(line);
      if (!m.matches() || !known.contains(m.group(1).toLowerCase(Locale.ROOT)))
        return Optional.empty();
      String rest = newText.substring(newText.indexOf(line) + line.length());
      return Optional.of(new ParsedCommand(m.group(1), m.group(2) + rest));
    }
    return Optional.empty();
  }

  /**
   * The known commands that start a line of {@code newText} other than its first non-blank one: an
   * officer who writes {@code #take} and then {@code #pass} on the next line, or a greeting and
   * then the command, expects them to count, and only the first line is ever read. Each as {@code
   * #name (line N)}, N counting the new text's lines from 1.
   */
  public static List<String> laterCommands(String newText, Set<String> known) {
    List<String> found = new ArrayList<>();
    if (newText == null) return found;
    String[] lines = newText.replace("\r\n", "\n").split("\n", -1);
    boolean first = true;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) continue;
      if (first) {
        first = false;
        // #take #pass: the second is as much a command as one on the next line
        Matcher second = SECOND_ON_LINE.matcher(lines[i]);
        if (second.matches() && known.contains(second.group(1).toLowerCase(Locale.ROOT)))
          found.add("#" + second.group(1).toLowerCase(Locale.ROOT) + " (line " + (i + 1) + ")");
        continue;
      }
      // the bot's own command lists, should a client quote them without a marker we know: the
      // footer ("#take  #next  #pass ...") and the aligned help lines ("#take            become
      // ...")
      if (COMMAND_LIST.matcher(lines[i]).find()) continue;
      Matcher m = FIRST.matcher(lines[i]);
      if (m.matches() && known.contains(m.group(1).toLowerCase(Locale.ROOT))) {
        found.add("#" + m.group(1).toLowerCase(Locale.ROOT) + " (line " + (i + 1) + ")");
      }
    }
    return found;
  }
}

package org.outputintake.ticket;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket id such as {@code STATS10001}: a prefix of capitals and a number that is never reused.
 */
public record TicketId(String prefix, long number) {
  public TicketId {
    Objects.requireNonNull(prefix, "prefix");
    if (!prefix.matches("[A-Z]{2,10}"))
      throw new IllegalArgumentException("bad ticket prefix " + prefix);
    if (number < 1) throw new IllegalArgumentException("ticket number must be positive");
  }

  public static TicketId parse(String text) {
    Matcher m = Pattern.compile("([A-Z]{2,10})(\\d{1,18})").matcher(text);
    if (!m.matches())
      throw new IllegalArgumentException("'" + text + "' is not a ticket id like STATS10001");
    return new TicketId(m.group(1), Long.parseLong(m.group(2)));
  }

  /** Finds a bracketed id such as {@code [STATS10001]} anywhere in a subject, whatever the case. */
  public static Optional<TicketId> findInSubject(String subject, String prefix) {
    return findInSubject(subject, List.of(prefix));
  }

  /**
   * The first bracketed id with any of these prefixes (each kind of request may have its own, e.g.
   * {@code [INGEST10002]}).
   */
  public static Optional<TicketId> findInSubject(String subject, List<String> prefixes) {
    if (subject == null) return Optional.empty();
    Matcher m =
        Pattern.compile(
                "\\[\\s*(" + alternatives(prefixes) + ")\\s*-?\\s*(\\d{1,18})\\s*]",
                Pattern.CASE_INSENSITIVE)
            .matcher(subject);
    return m.find()
        ? Optional.of(new TicketId(canonical(m.group(1), prefixes), Long.parseLong(m.group(2))))
        : Optional.empty();
  }

  /** Longest first, so that a prefix that begins another never takes its place. */
  private static String alternatives(List<String> prefixes) {
    return prefixes.stream()
        .sorted(java.util.Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote)
        .collect(java.util.stream.Collectors.joining("|"));
  }

  private static String canonical(String written, List<String> prefixes) {
    return prefixes.stream().filter(written::equalsIgnoreCase).findFirst().orElseThrow();
  }

  /**
   * The first ticket id written anywhere in {@code text} ({@code STATS10001}, with or without
   * brackets): enough for an answer to a digest to reach the ticket it is about.
   */
  public static Optional<TicketId> findInText(String text, String prefix) {
    return findInText(text, List.of(prefix));
  }

  /** The first ticket id with any of these prefixes written anywhere in {@code text}. */
  public static Optional<TicketId> findInText(String text, List<String> prefixes) {
    if (text == null) return Optional.empty();
    Matcher m =
        Pattern.compile(
                "(?<![A-Za-z0-9])(" + alternatives(prefixes) + ")\\s?-?(\\d{1,18})(?![0-9])",
                Pattern.CASE_INSENSITIVE)
            .matcher(text);
    return m.find()
        ? Optional.of(new TicketId(canonical(m.group(1), prefixes), Long.parseLong(m.group(2))))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return prefix + number;
  }
}

package org.outputintake.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outputintake.scan.Finding;
import org.outputintake.ticket.RequestKind;

/**
 * Reads {@code [date] Output request for project [number]}, {@code [date] Ingest request for
 * project [number]} and {@code [date] Transfer request from project [number] to project [number]}
 * the way a person would: reply and forward prefixes, gateway tags such as {@code [EXTERNAL]}, any
 * case, extra spaces, {@code Project #1234567}, and UK day-first dates in the common spellings.
 * Returns a value; a subject that is wrong is not an exception.
 */
public final class SubjectParser {
  private static final Pattern PREFIX =
      Pattern.compile(
          "^\\s*(?:(?:re|fw|fwd|aw|wg|tr|sv|vs|antw)\\s*(?:\\[\\d+])?\\s*:|\\[[A-Za-z][A-Za-z0-9 !?._-]{0,30}]|\\((?:external|ext)\\)|external\\s*:)\\s*",
          Pattern.CASE_INSENSITIVE);

  /** "Project", "project #", "Project no." ...: what may stand before a project number. */
  private static final String PROJECT =
      "(?:the\\s+)?project\\s*(?:#|no\\.?|number|num\\.?|id)?\\s*[:.]?\\s*";

  private static final Pattern REQUEST =
      Pattern.compile(
          "^(?<date>.*?)[\\s,:;-]*(?<kind>output|ingest)\\s+request\\s+(?:for|from|to|into)\\s+"
              + PROJECT
              + "(?<num>[^\\s]*?)[\\s.,;:!?]*$",
          Pattern.CASE_INSENSITIVE);

  /** A transfer names two projects: the one the files leave, then the one they go to. */
  private static final Pattern TRANSFER =
      Pattern.compile(
          "^(?<date>.*?)[\\s,:;-]*transfer\\s+request\\s+from\\s+"
              + PROJECT
              + "(?<num>[^\\s]*?)[\\s.,;:]+(?:to|into)\\s+"
              + PROJECT
              + "(?<dest>[^\\s]*?)[\\s.,;:!?]*$",
          Pattern.CASE_INSENSITIVE);

  private static final List<DateTimeFormatter> FORMATS =
      List.of(
          dayFirst("/", true),
          dayFirst("/", false),
          dayFirst(".", true),
          dayFirst(".", false),
          dayFirst("-", false),
          iso(),
          pattern("d MMMM uuuu"),
          pattern("d MMM uuuu"),
          pattern("d MMMM uu"),
          pattern("d MMM uu"),
          pattern("d-MMM-uuuu"),
          pattern("d-MMM-uu"));

  private final int minDigits;
  private final int maxDigits;

  public SubjectParser(int minDigits, int maxDigits) {
    this.minDigits = minDigits;
    this.maxDigits = maxDigits;
  }

  /**
   * The outcome: a valid request subject, or the problems found (with {@code looksLikeRequest} when
   * close).
   */
  public sealed interface Outcome permits Valid, Invalid {}

  /**
   * @param projectNumber the project the request is for: for a transfer, the source project
   * @param subject the subject without reply prefixes and tags, as it goes into the ticket's
   *     subject line
   * @param destinationNumber a transfer's destination project; null for every other kind
   */
  public record Valid(
      LocalDate date,
      String projectNumber,
      String subject,
      RequestKind kind,
      String destinationNumber)
      implements Outcome {
    public Valid(LocalDate date, String projectNumber, String subject) {
      this(date, projectNumber, subject, RequestKind.OUTPUT, null);
    }

    public Valid {
      Objects.requireNonNull(kind, "kind");
      if ((kind == RequestKind.TRANSFER) != (destinationNumber != null))
        throw new IllegalArgumentException("a transfer, and only a transfer, names a destination");
    }
  }

  public record Invalid(List<Finding> problems, String subject) implements Outcome {}

  public Outcome parse(String rawSubject, LocalDate today) {
    String subject = clean(rawSubject);
    Matcher m = TRANSFER.matcher(subject);
    RequestKind kind = RequestKind.TRANSFER;
    if (!m.matches()) {
      m = REQUEST.matcher(subject);
      if (!m.matches()) {
        return new Invalid(
            List.of(
                Finding.blocker(
                    "SUBJECT_FORMAT",
                    "subject",
                    // the reply gives the subject for each kind, with today's date and the
                    // researcher's own number
                    "The subject must read like one of the subjects below, with nothing else "
                        + "before the date or after the project number.")),
            subject);
      }
      kind = RequestKind.fromCode(m.group("kind")).orElseThrow();
    }
    List<Finding> problems = new ArrayList<>();
    String number = m.group("num").replaceFirst("^#", "");
    numberProblem(number, kind).ifPresent(problems::add);
    String destination = null;
    if (kind == RequestKind.TRANSFER) {
      destination = m.group("dest").replaceFirst("^#", "");
      numberProblem(destination, kind).ifPresent(problems::add);
      if (problems.isEmpty() && destination.equals(number)) {
        problems.add(
            Finding.blocker(
                "SUBJECT_PROJECT_NUMBER",
                "subject",
                "A transfer copies files from one project to another, and the subject names project "
                    + number
                    + " twice: name the project the files come from, then the project they go to."));
      }
    }
    String dateText = m.group("date").trim().replaceAll("[\\s,:;-]+$", "");
    LocalDate date = null;
    if (dateText.isEmpty()) {
      problems.add(
          Finding.blocker(
              "SUBJECT_DATE_MISSING",
              "subject",
              "The subject has no request date: start it with the date, e.g. \"16/01/24 "
                  + kind.title()
                  + " "
                  + target(kind, "1234567")
                  + "\"."));
    } else {
      try {
        date = parseDate(dateText);
        if (date.isAfter(today)) {
          problems.add(
              Finding.blocker(
                  "SUBJECT_DATE_FUTURE",
                  "subject",
                  "The date "
                      + dateText
                      + " is in the future: use the date you send the request."));
        }
      } catch (DateTimeException e) {
        problems.add(
            Finding.blocker(
                "SUBJECT_DATE_INVALID",
                "subject",
                "\""
                    + dateText
                    + "\" is not a real date: write the request date day first, e.g. 16/01/24, 16/01/2024, "
                    + "2024-01-16 or 16 January 2024."));
      }
    }
    return problems.isEmpty()
        ? new Valid(date, number, subject, kind, destination)
        : new Invalid(problems, subject);
  }

  private Optional<Finding> numberProblem(String number, RequestKind kind) {
    if (number.isEmpty()) {
      return Optional.of(
          Finding.blocker(
              "SUBJECT_PROJECT_NUMBER",
              "subject",
              "The subject has no project number: end it with your project number, e.g. \""
                  + kind.title()
                  + " "
                  + target(kind, "1234567")
                  + "\"."));
    }
    if (!number.matches("\\d+") || number.length() < minDigits || number.length() > maxDigits) {
      return Optional.of(
          Finding.blocker(
              "SUBJECT_PROJECT_NUMBER",
              "subject",
              "\""
                  + number
                  + "\" is not a project number: project numbers are "
                  + minDigits
                  + " to "
                  + maxDigits
                  + " digits, e.g. 1234567."));
    }
    return Optional.empty();
  }

  /** The words after the kind's title: "for Project 1234567", "from Project … to Project …". */
  private static String target(RequestKind kind, String number) {
    return kind == RequestKind.TRANSFER
        ? "from Project " + number + " to Project 2345678"
        : "for Project " + number;
  }

  /**
   * The subject to write for one kind, as an example for a subject we could not read: today's date
   * and the project numbers the researcher wrote, when there are any (numbers of a project number's
   * length that are not part of a date), so it can be copied as it is; else the guidance's example
   * numbers.
   */
  public String example(String rawSubject, LocalDate today, RequestKind kind) {
    Matcher m =
        Pattern.compile("(?<![\\d/.\\-])#?(\\d{" + minDigits + "," + maxDigits + "})(?![\\d/.\\-])")
            .matcher(clean(rawSubject));
    String number = m.find() ? m.group(1) : "1234567";
    String date = today.format(DateTimeFormatter.ofPattern("dd/MM/yy"));
    if (kind != RequestKind.TRANSFER) return date + " " + kind.title() + " for Project " + number;
    String destination = m.find() ? m.group(1) : number.equals("2345678") ? "1234567" : "2345678";
    return date + " " + kind.title() + " from Project " + number + " to Project " + destination;
  }

  /** The subject's shape for a kind, as the guidance writes it: "[date] Ingest request for …". */
  public static String pattern(RequestKind kind) {
    return "[date] "
        + kind.title()
        + (kind == RequestKind.TRANSFER
            ? " from project [number] to project [number]"
            : " for project [number]");
  }

  /** The output request's example: {@link #example(String, LocalDate, RequestKind)}. */
  public String example(String rawSubject, LocalDate today) {
    return example(rawSubject, today, RequestKind.OUTPUT);
  }

  /** Removes reply/forward prefixes and gateway tags (repeatedly) and collapses white space. */
  public static String clean(String raw) {
    String s = raw == null ? "" : raw.replaceAll("[\\s\\u00A0]+", " ").trim();
    String before;
    do {
      before = s;
      s = PREFIX.matcher(s).replaceFirst("").trim();
    } while (!s.equals(before));
    return s;
  }

  static LocalDate parseDate(String text) {
    String t = text.trim().replaceAll("(?i)(\\d)(st|nd|rd|th)\\b", "$1").replaceAll("\\s+", " ");
    // a weekday in front ("Tue 16 Jan 2024") says nothing the date does not
    t = t.replaceFirst("(?i)^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\\s+", "");
    DateTimeException last = new DateTimeException("no format matched");
    boolean shapeMatched = false;
    for (DateTimeFormatter f : FORMATS) {
      try {
        return LocalDate.parse(t, f);
      } catch (DateTimeException e) {
        last = e;
        shapeMatched |= e.getMessage() != null && e.getMessage().contains("Invalid date");
      }
    }
    throw shapeMatched ? new DateTimeException("not a real date: " + text) : last;
  }

  private static DateTimeFormatter dayFirst(String sep, boolean twoDigitYear) {
    DateTimeFormatterBuilder b =
        new DateTimeFormatterBuilder()
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
            .appendLiteral(sep)
            .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
            .appendLiteral(sep);
    if (twoDigitYear) b.appendValueReduced(ChronoField.YEAR, 2, 2, 2000);
    else b.appendValue(ChronoField.YEAR, 4);
    return b.toFormatter(Locale.UK).withResolverStyle(ResolverStyle.STRICT);
  }

  private static DateTimeFormatter iso() {
    return new DateTimeFormatterBuilder()
        .appendValue(ChronoField.YEAR, 4)
        .appendLiteral('-')
        .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
        .appendLiteral('-')
        .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
        .toFormatter(Locale.UK)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  private static DateTimeFormatter pattern(String p) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(p)
        .toFormatter(Locale.UK)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}

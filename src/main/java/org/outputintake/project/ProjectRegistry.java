package org.outputintake.project;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.outputintake.text.EmailAddresses;

/**
 * The projects the desk serves, read from a CSV with the columns {@code
 * number,title,status,type,researchers,threshold,policy,data_owner_review,data_owners,
 * approved_data,indirect_identifiers}. The last six are optional (defaults 10, ons-srs, none,
 * empty, empty, not-permitted), so a registry written before a column existed keeps working.
 */
public final class ProjectRegistry {
  /** The policy of a row that names none, unless scanning.default-policy says otherwise. */
  public static final String DEFAULT_POLICY = "ons-srs";

  static final List<String> REQUIRED = List.of("number", "title", "status", "type", "researchers");
  private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");
  private final Map<String, Project> projects;

  public ProjectRegistry(Map<String, Project> projects) {
    this.projects = Map.copyOf(projects);
  }

  public Optional<Project> find(String number) {
    return Optional.ofNullable(projects.get(number));
  }

  public Map<String, Project> all() {
    return projects;
  }

  /**
   * Reads the registry, accepting only policies that {@code policies} can load, so a typo such as
   * {@code ons-srz} is refused here with its line number instead of quarantining every request of
   * the project later.
   *
   * @param policies throws IllegalArgumentException (with the reason) for a policy name it cannot
   *     load
   * @throws RegistryException naming the file, the line and the column of every bad row
   */
  public static ProjectRegistry load(Path file, Consumer<String> policies) {
    return load(file, policies, DEFAULT_POLICY);
  }

  /**
   * @param defaultPolicy the policy of a row whose policy column is empty ({@code
   *     scanning.default-policy})
   */
  public static ProjectRegistry load(Path file, Consumer<String> policies, String defaultPolicy) {
    if (!Files.isRegularFile(file)) {
      throw new RegistryException(
          file + " does not exist: set projects.registry to the project registry CSV");
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in, file.toString(), policies, defaultPolicy);
    } catch (IOException e) {
      throw new RegistryException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Without checking policy names (the registry is the ground floor and knows no policies): the bot
   * loads it with {@code load(file, policies)}, which does.
   */
  public static ProjectRegistry load(Path file) {
    return load(file, name -> {});
  }

  static ProjectRegistry parse(Reader in, String source, Consumer<String> policies)
      throws IOException {
    return parse(in, source, policies, DEFAULT_POLICY);
  }

  static ProjectRegistry parse(
      Reader in, String source, Consumer<String> policies, String defaultPolicy)
      throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .setCommentMarker('#')
            .get();
    Map<String, Project> out = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    CSVParser parser;
    try {
      parser = format.parse(skipByteOrderMark(in));
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw new RegistryException(
          source + " line 1: the header cannot be read (" + reason(e) + ")", e);
    }
    List<String> header =
        parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    for (String col : REQUIRED) {
      if (!header.contains(col)) {
        throw new RegistryException(
            source
                + ": the header has no '"
                + col
                + "' column; expected "
                + "number,title,status,type,researchers,threshold,policy,data_owner_review,data_owners,"
                + "approved_data,indirect_identifiers");
      }
    }
    Map<String, String> policyErrors = new HashMap<>();
    Iterator<CSVRecord> rows = parser.iterator();
    while (true) {
      CSVRecord row;
      try {
        if (!rows.hasNext()) break;
        row = rows.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        // a broken quote makes the rest of the file unreadable: say where it starts, not a parser
        // exception
        Matcher start = START_LINE.matcher(reason(e));
        String where =
            start.find() ? "line " + start.group(1) : "after line " + parser.getCurrentLineNumber();
        errors.add(
            source
                + " "
                + where
                + ": a quote (\") opens a value that never closes, so the rest of the file "
                + "cannot be read; check that every \" in the row is paired (a value with a comma or a quote in it is "
                + "written \"like \"\"this\"\", with a comma\")");
        break;
      }
      long line = parser.getCurrentLineNumber();
      try {
        if (row.size() < REQUIRED.size()) {
          throw new IllegalArgumentException(
              "the row has "
                  + row.size()
                  + " field"
                  + (row.size() == 1 ? "" : "s")
                  + " of the "
                  + REQUIRED.size()
                  + " or more expected ("
                  + String.join(",", REQUIRED)
                  + ", then "
                  + "optionally threshold,policy,data_owner_review,data_owners,approved_data,"
                  + "indirect_identifiers)");
        }
        Project p = row(row, defaultPolicy);
        String policyError =
            policyErrors.computeIfAbsent(p.policy(), name -> check(policies, name));
        if (!policyError.isEmpty()) throw new IllegalArgumentException("policy: " + policyError);
        if (out.putIfAbsent(p.number(), p) != null) {
          errors.add(source + " line " + line + ": project " + p.number() + " is listed twice");
        }
      } catch (IllegalArgumentException e) {
        errors.add(source + " line " + line + ": " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) throw new RegistryException(String.join("\n", errors));
    return new ProjectRegistry(out);
  }

  private static String check(Consumer<String> policies, String name) {
    try {
      policies.accept(name);
      return "";
    } catch (RuntimeException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  private static String reason(Exception e) {
    Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.replaceAll("\\s+", " ").trim();
  }

  /**
   * Excel's "CSV UTF-8" starts the file with a byte-order mark, which would otherwise prefix
   * "number".
   */
  private static Reader skipByteOrderMark(Reader in) throws IOException {
    PushbackReader r = new PushbackReader(in, 1);
    int first = r.read();
    if (first != -1 && first != '\uFEFF') r.unread(first);
    return r;
  }

  private static Project row(CSVRecord r, String defaultPolicy) {
    String number = get(r, "number");
    if (!number.matches("\\d+"))
      throw new IllegalArgumentException("number '" + number + "' must be digits");
    String thresholdText = get(r, "threshold");
    int threshold;
    try {
      threshold = thresholdText.isEmpty() ? 10 : Integer.parseInt(thresholdText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "threshold '" + thresholdText + "' must be a whole number");
    }
    String policy = get(r, "policy");
    return new Project(
        number,
        get(r, "title"),
        enumValue(Project.Status.class, "status", get(r, "status"), "live, closed or pending"),
        enumValue(Project.Type.class, "type", get(r, "type"), "full or exploratory"),
        emails(r, "researchers"),
        threshold,
        policy.isEmpty() ? defaultPolicy : policy,
        get(r, "data_owner_review").isEmpty()
            ? Project.DataOwnerReview.NONE
            : enumValue(
                Project.DataOwnerReview.class,
                "data_owner_review",
                get(r, "data_owner_review"),
                "none, for-information or for-approval"),
        emails(r, "data_owners"),
        datasets(r),
        get(r, "indirect_identifiers").isEmpty()
            ? IndirectIdentifiers.NOT_PERMITTED
            : enumValue(
                IndirectIdentifiers.class,
                "indirect_identifiers",
                get(r, "indirect_identifiers"),
                "permitted or not-permitted"));
  }

  /** Dataset names are separated by ';' only: a name may well hold a comma or spaces. */
  private static List<String> datasets(CSVRecord r) {
    String raw = get(r, "approved_data");
    if (raw.isEmpty()) return List.of();
    return Arrays.stream(raw.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> emails(CSVRecord r, String column) {
    String raw = get(r, column);
    if (raw.isEmpty()) return List.of();
    List<String> out = Arrays.stream(raw.split("[;,\\s]+")).filter(s -> !s.isBlank()).toList();
    for (String e : out) {
      if (!EmailAddresses.valid(e)) {
        throw new IllegalArgumentException(
            column
                + " has '"
                + e
                + "', which is not an email address "
                + "(separate addresses with ';')");
      }
    }
    return out;
  }

  private static <E extends Enum<E>> E enumValue(
      Class<E> type, String column, String value, String allowed) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(column + " '" + value + "' must be one of " + allowed);
    }
  }

  private static String get(CSVRecord r, String column) {
    if (!r.isMapped(column) || !r.isSet(column)) return "";
    String v = r.get(column);
    return v == null ? "" : v.trim();
  }

  /** A registry file that cannot be used, with every bad line named. */
  public static class RegistryException extends RuntimeException {
    public RegistryException(String message) {
      super(message);
    }

    public RegistryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

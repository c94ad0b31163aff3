package org.outputintake.project;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * The projects the desk serves, read from a CSV with the columns
 * {@code number,title,status,type,researchers,threshold,policy,data_owner_review,data_owners}.
 * The last four are optional (defaults 10, ons-srs, none, empty).
 */
public final class ProjectRegistry {
  static final List<String> REQUIRED = List.of("number", "title", "status", "type", "researchers");
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

  /** @throws RegistryException naming the file, the line and the column of the first bad row */
  public static ProjectRegistry load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new RegistryException(file + " does not exist: set projects.registry to the project registry CSV");
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new RegistryException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static ProjectRegistry parse(Reader in, String source) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).setCommentMarker('#').get();
    Map<String, Project> out = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    var parser = format.parse(in);
    List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    for (String col : REQUIRED) {
      if (!header.contains(col)) {
        throw new RegistryException(source + ": the header has no '" + col + "' column; expected "
            + "number,title,status,type,researchers,threshold,policy,data_owner_review,data_owners");
      }
    }
    for (CSVRecord row : parser) {
      long line = parser.getCurrentLineNumber();
      try {
        Project p = row(row);
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

  private static Project row(CSVRecord r) {
    String number = get(r, "number");
    if (!number.matches("\\d+")) throw new IllegalArgumentException("number '" + number + "' must be digits");
    String thresholdText = get(r, "threshold");
    int threshold;
    try {
      threshold = thresholdText.isEmpty() ? 10 : Integer.parseInt(thresholdText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("threshold '" + thresholdText + "' must be a whole number");
    }
    String policy = get(r, "policy");
    return new Project(
        number,
        get(r, "title"),
        enumValue(Project.Status.class, "status", get(r, "status"), "live, closed or pending"),
        enumValue(Project.Type.class, "type", get(r, "type"), "full or exploratory"),
        emails(r, "researchers"),
        threshold,
        policy.isEmpty() ? "ons-srs" : policy,
        get(r, "data_owner_review").isEmpty() ? Project.DataOwnerReview.NONE
            : enumValue(Project.DataOwnerReview.class, "data_owner_review", get(r, "data_owner_review"),
                "none, for-information or for-approval"),
        emails(r, "data_owners"));
  }

  private static List<String> emails(CSVRecord r, String column) {
    String raw = get(r, column);
    if (raw.isEmpty()) return List.of();
    List<String> out = Arrays.stream(raw.split("[;,\\s]+")).filter(s -> !s.isBlank()).toList();
    for (String e : out) {
      if (!EmailValidator.getInstance().isValid(e)) {
        throw new IllegalArgumentException(column + " has '" + e + "', which is not an email address "
            + "(separate addresses with ';')");
      }
    }
    return out;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String column, String value, String allowed) {
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

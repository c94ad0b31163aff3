package org.outputintake.form;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed output request form. Text fields are never null (empty when left blank); every
 * declaration has an entry (false when unticked or absent).
 *
 * @param projectNumber as written, e.g. "Project 1234567" or "1234567"
 * @param requestDate as written; dates are not interpreted because researchers use many formats
 * @param folderName the output folder in "Ready for Checking", e.g. {@code
 *     2024_01_16_EnergyUseModel_v1}
 * @param revisionOf the STATS-ID of the earlier request this revises, or empty
 * @param files the file table without its empty spare rows
 */
public record RequestForm(
    String projectNumber,
    String projectTitle,
    String researcherName,
    String researcherEmail,
    String requestDate,
    String folderName,
    String revisionOf,
    List<FileEntry> files,
    Map<Declaration, Boolean> declarations) {

  private static final Pattern VERSION = Pattern.compile("(?i)v(\\d{1,6})$");
  private static final Pattern STATS_ID = Pattern.compile("(?i)STATS[\\s-]?(\\d+)");

  public RequestForm {
    projectNumber = FileEntry.clean(projectNumber);
    projectTitle = FileEntry.clean(projectTitle);
    researcherName = FileEntry.clean(researcherName);
    researcherEmail = FileEntry.clean(researcherEmail);
    requestDate = FileEntry.clean(requestDate);
    folderName = FileEntry.clean(folderName);
    revisionOf = FileEntry.clean(revisionOf);
    files = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
    Map<Declaration, Boolean> all = new EnumMap<>(Declaration.class);
    for (Declaration d : Declaration.values()) {
      all.put(d, declarations != null && Boolean.TRUE.equals(declarations.get(d)));
    }
    declarations = Map.copyOf(all);
  }

  /** A form with every field empty and no declaration ticked: what the blank form reads as. */
  public static RequestForm blank() {
    return new RequestForm("", "", "", "", "", "", "", List.of(), Map.of());
  }

  public boolean isBlank() {
    return projectNumber.isEmpty()
        && projectTitle.isEmpty()
        && researcherName.isEmpty()
        && researcherEmail.isEmpty()
        && requestDate.isEmpty()
        && folderName.isEmpty()
        && revisionOf.isEmpty()
        && files.isEmpty()
        && !declarations.containsValue(true);
  }

  public boolean declared(Declaration d) {
    return declarations.get(d);
  }

  /** The project number's digits ("Project 1234567" gives "1234567"); empty when it has none. */
  public String projectDigits() {
    return digits(projectNumber);
  }

  static String digits(String s) {
    return s == null ? "" : s.replaceAll("\\D", "");
  }

  /** The N of a folder name ending in {@code _vN} (or {@code vN}). */
  public OptionalInt folderVersion() {
    return folderVersion(folderName);
  }

  static OptionalInt folderVersion(String folder) {
    Matcher m = VERSION.matcher(folder.strip());
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /**
   * The earlier request's ID normalised to {@code STATS12345}, when the revision field holds one.
   */
  public Optional<String> revisionStatsId() {
    Matcher m = STATS_ID.matcher(revisionOf);
    return m.find() ? Optional.of("STATS" + m.group(1)) : Optional.empty();
  }

  /**
   * Column headers the researcher declared as counts, over all files, lower-case (for the table
   * scanner).
   */
  public Set<String> declaredCountColumns() {
    Set<String> columns = new LinkedHashSet<>();
    for (FileEntry f : files) {
      f.countColumns().forEach(c -> columns.add(c.toLowerCase(Locale.ROOT)));
    }
    return Set.copyOf(columns);
  }

  /**
   * Whether the form marks the file as supporting material (not for output). Names are compared as
   * the file check does: case-insensitively, without folder parts; an archive entry {@code
   * a.zip!/x.csv} takes the answer given for the entry, or else for the archive.
   */
  public boolean isSupporting(String fileName) {
    return entryFor(fileName).map(f -> f.use() == FileUse.SUPPORTING).orElse(false);
  }

  /** The file table row for an attached file, matched as {@link #isSupporting} describes. */
  public Optional<FileEntry> entryFor(String fileName) {
    List<String> candidates = AttachedName.of(fileName).namesMostSpecificFirst();
    for (String candidate : candidates) {
      for (FileEntry f : files) {
        if (f.baseName().equals(candidate)) return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}

package org.outputintake.form;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed ingest or transfer form. Text fields are never null (empty when left blank); every
 * declaration has an entry.
 *
 * @param project the ingest's project, or the transfer's source project, as written
 * @param destinationProject the transfer's destination project as written; empty on an ingest
 * @param folder the transfer's folder in the source project's Ready for Checking; empty on an
 *     ingest
 * @param files the file table without its empty spare rows
 */
public record DataRequestForm(
    DataFormKind kind,
    String project,
    String destinationProject,
    String researcherName,
    String requestDate,
    String folder,
    List<DataFileEntry> files,
    Map<DataDeclaration, Boolean> declarations) {

  public DataRequestForm {
    Objects.requireNonNull(kind, "kind");
    project = FileEntry.clean(project);
    destinationProject = FileEntry.clean(destinationProject);
    researcherName = FileEntry.clean(researcherName);
    requestDate = FileEntry.clean(requestDate);
    folder = FileEntry.clean(folder);
    files = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
    Map<DataDeclaration, Boolean> all = new EnumMap<>(DataDeclaration.class);
    for (DataDeclaration d : DataDeclaration.values()) {
      all.put(d, declarations != null && Boolean.TRUE.equals(declarations.get(d)));
    }
    declarations = Map.copyOf(all);
  }

  /** The blank form of a kind: what the shipped template reads as. */
  public static DataRequestForm blank(DataFormKind kind) {
    return new DataRequestForm(kind, "", "", "", "", "", List.of(), Map.of());
  }

  public boolean declared(DataDeclaration d) {
    return declarations.get(d);
  }

  /** The digits of the ingest's project or the transfer's source ("Project 1234567" gives them). */
  public String projectDigits() {
    return RequestForm.digits(project);
  }

  public String destinationDigits() {
    return RequestForm.digits(destinationProject);
  }

  /** The row for a file, matched by its name without folder parts, ignoring case. */
  public Optional<DataFileEntry> entryFor(String fileName) {
    List<String> candidates = AttachedName.of(fileName).namesMostSpecificFirst();
    for (String candidate : candidates) {
      for (DataFileEntry f : files) {
        if (f.baseName().equals(candidate)) return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}

package org.outputintake.form;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the form is checked against.
 *
 * @param subjectProjectNumber the project number in the email subject; empty when the subject had
 *     none
 * @param attachedFileNames display names of the attached (or snapshotted) files, not the form
 *     itself; archive entries may be included as {@code a.zip!/x.csv}
 * @param lastFolderVersion for a revision, the highest folder version already submitted on the
 *     ticket
 * @param registryProjectNumber the project's number in the project registry; empty when not known
 */
public record FormExpectations(
    String subjectProjectNumber,
    List<String> attachedFileNames,
    OptionalInt lastFolderVersion,
    String registryProjectNumber) {

  public FormExpectations {
    subjectProjectNumber = subjectProjectNumber == null ? "" : subjectProjectNumber.strip();
    registryProjectNumber = registryProjectNumber == null ? "" : registryProjectNumber.strip();
    attachedFileNames = List.copyOf(Objects.requireNonNull(attachedFileNames, "attachedFileNames"));
    lastFolderVersion = lastFolderVersion == null ? OptionalInt.empty() : lastFolderVersion;
    if (lastFolderVersion.isPresent() && lastFolderVersion.getAsInt() < 0) {
      throw new IllegalArgumentException("lastFolderVersion must not be negative");
    }
  }

  /** A first request: no earlier folder version, no registry number. */
  public static FormExpectations firstRequest(
      String subjectProjectNumber, List<String> attachedFileNames) {
    return new FormExpectations(subjectProjectNumber, attachedFileNames, OptionalInt.empty(), "");
  }

  public FormExpectations withLastFolderVersion(int version) {
    return new FormExpectations(
        subjectProjectNumber, attachedFileNames, OptionalInt.of(version), registryProjectNumber);
  }

  public FormExpectations withRegistryProjectNumber(String number) {
    return new FormExpectations(subjectProjectNumber, attachedFileNames, lastFolderVersion, number);
  }
}

package org.outputintake.project;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of the project registry.
 *
 * @param researchers lower-case email addresses of the researchers named on the project
 * @param threshold the minimum underlying count for this project's outputs
 * @param policy the file policy name ({@code ons-srs}, {@code opensafely}) or a policy file path
 * @param approvedData the datasets approved for the project in its application and addenda, as
 *     written in the registry (compared case-insensitively by {@link #approves})
 * @param indirectIdentifiers whether the project may hold indirect identifiers
 */
public record Project(
    String number,
    String title,
    Status status,
    Type type,
    List<String> researchers,
    int threshold,
    String policy,
    DataOwnerReview dataOwnerReview,
    List<String> dataOwners,
    List<String> approvedData,
    IndirectIdentifiers indirectIdentifiers) {

  public enum Status {
    LIVE,
    CLOSED,
    PENDING
  }

  public enum Type {
    FULL,
    EXPLORATORY
  }

  public enum DataOwnerReview {
    NONE,
    FOR_INFORMATION,
    FOR_APPROVAL
  }

  public Project {
    Objects.requireNonNull(number, "number");
    if (!number.matches("\\d+"))
      throw new IllegalArgumentException("project number must be digits: " + number);
    title = title == null ? "" : title;
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(type, "type");
    researchers = researchers.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).toList();
    if (threshold < 1) throw new IllegalArgumentException("threshold must be at least 1");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(dataOwnerReview, "dataOwnerReview");
    dataOwners = dataOwners.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).toList();
    if (dataOwnerReview != DataOwnerReview.NONE && dataOwners.isEmpty()) {
      throw new IllegalArgumentException(
          "data_owner_review is "
              + dataOwnerReview.name().toLowerCase(Locale.ROOT).replace('_', '-')
              + " but no data_owners are listed");
    }
    approvedData =
        approvedData == null
            ? List.of()
            : approvedData.stream().map(String::strip).filter(d -> !d.isEmpty()).toList();
    Objects.requireNonNull(indirectIdentifiers, "indirectIdentifiers");
  }

  /** A project without approved datasets on record and no permission for indirect identifiers. */
  public Project(
      String number,
      String title,
      Status status,
      Type type,
      List<String> researchers,
      int threshold,
      String policy,
      DataOwnerReview dataOwnerReview,
      List<String> dataOwners) {
    this(
        number,
        title,
        status,
        type,
        researchers,
        threshold,
        policy,
        dataOwnerReview,
        dataOwners,
        List.of(),
        IndirectIdentifiers.NOT_PERMITTED);
  }

  /**
   * Whether the dataset is approved for the project: the same name, ignoring case and spacing, as
   * one in {@code approved_data}.
   */
  public boolean approves(String dataset) {
    String wanted = datasetKey(dataset);
    return !wanted.isEmpty() && approvedData.stream().anyMatch(d -> datasetKey(d).equals(wanted));
  }

  private static String datasetKey(String name) {
    return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  public boolean names(String email) {
    return email != null && researchers.contains(email.trim().toLowerCase(Locale.ROOT));
  }
}

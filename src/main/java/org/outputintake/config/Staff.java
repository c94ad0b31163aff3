package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.addresses;
import static org.outputintake.config.ConfigChecks.isAddress;
import static org.outputintake.config.ConfigChecks.lower;
import static org.outputintake.config.ConfigChecks.require;

/**
 * Who works the tickets. Addresses are lower-case.
 *
 * @param officersList where new-ticket notifications go (a distribution list); null: no
 *     notifications
 * @param officers who may give commands in a ticket's thread
 * @param managers who receive digests and service-level alerts
 * @param attachLimitBytes {@code staff.attach-limit}: the largest total of a submission's files
 *     attached to the officers' new-ticket notification (a {@code #take} confirmation always
 *     carries them)
 * @param lists {@code staff.lists}: by request kind code ({@code ingest}, {@code transfer}), the
 *     officers who work tickets of that kind instead of {@code staff.officers}, read from the file
 *     the key names; a kind not listed is worked by {@code staff.officers}
 */
public record Staff(
    String officersList,
    java.util.List<String> officers,
    java.util.List<String> managers,
    long attachLimitBytes,
    java.util.Map<String, java.util.List<String>> lists) {
  /** {@code staff.attach-limit}'s default: 20 MB. */
  public static final long DEFAULT_ATTACH_LIMIT = 20L * 1024 * 1024;

  public static final Staff NONE = of(null, java.util.List.of(), java.util.List.of());

  /**
   * One desk: these officers work every kind of ticket, and notifications attach up to {@link
   * #DEFAULT_ATTACH_LIMIT}.
   */
  public static Staff of(
      String officersList, java.util.List<String> officers, java.util.List<String> managers) {
    return new Staff(officersList, officers, managers, DEFAULT_ATTACH_LIMIT, java.util.Map.of());
  }

  /** The same staff with another {@code staff.attach-limit}. */
  public Staff withAttachLimit(long bytes) {
    return new Staff(officersList, officers, managers, bytes, lists);
  }

  /** The same staff with these {@code staff.lists}: officers by request kind code. */
  public Staff withLists(java.util.Map<String, java.util.List<String>> byKind) {
    return new Staff(officersList, officers, managers, attachLimitBytes, byKind);
  }

  public Staff {
    require(
        attachLimitBytes >= 0,
        "staff.attach-limit is " + attachLimitBytes + " bytes: write a size such as 20MB, or 0");
    officersList =
        officersList == null || officersList.isBlank() ? null : lower(officersList.trim());
    require(
        officersList == null || isAddress(officersList),
        "staff.officers-list is '"
            + officersList
            + "', not an email address: write e.g. srs-officers@example.org");
    officers = addresses("staff.officers", officers);
    managers = addresses("staff.managers", managers);
    java.util.Map<String, java.util.List<String>> read = new java.util.TreeMap<>();
    for (var e :
        (lists == null ? java.util.Map.<String, java.util.List<String>>of() : lists).entrySet()) {
      java.util.List<String> members = addresses("staff.lists." + e.getKey(), e.getValue());
      require(
          !members.isEmpty(),
          "staff.lists." + e.getKey() + " names no officer: list one address per line");
      read.put(e.getKey(), members);
    }
    lists = java.util.Collections.unmodifiableMap(read);
  }

  /** An officer of any kind of ticket: may give the commands that belong to no ticket. */
  public boolean isOfficer(String address) {
    return address != null
        && (officers.contains(lower(address))
            || lists.values().stream().anyMatch(l -> l.contains(lower(address))));
  }

  /**
   * The officers who work tickets of the kind whose code is {@code kindCode}: its {@code
   * staff.lists} entry, else {@code staff.officers}.
   */
  public java.util.List<String> officersFor(String kindCode) {
    return lists.getOrDefault(kindCode, officers);
  }

  public boolean isOfficerFor(String address, String kindCode) {
    return address != null && officersFor(kindCode).contains(lower(address));
  }

  public boolean isManager(String address) {
    return address != null && managers.contains(lower(address));
  }
}

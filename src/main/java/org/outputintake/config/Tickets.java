package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.require;

import java.util.Map;

/**
 * @param subjectFormat Mustache for reply subjects; must start with the bracketed ticket id
 * @param prefixes the prefix of each kind's ticket ids by the kind's code ({@code tickets.prefixes:
 *     { ingest: INGEST }}); a kind not named uses {@code prefix}. All kinds share one numbering.
 */
public record Tickets(
    String prefix, long firstNumber, String subjectFormat, Map<String, String> prefixes) {
  /** Every kind's ticket ids under one prefix (no {@code tickets.prefixes}). */
  public static Tickets onePrefix(String prefix, long firstNumber, String subjectFormat) {
    return new Tickets(prefix, firstNumber, subjectFormat, Map.of());
  }

  public Tickets {
    require(
        prefix != null && prefix.matches("[A-Z]{2,10}"),
        "tickets.prefix must be 2-10 capital letters, e.g. STATS");
    prefixes = prefixes == null ? Map.of() : Map.copyOf(prefixes);
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(prefixes).entrySet()) {
      require(
          e.getValue().matches("[A-Z]{2,10}"),
          "tickets.prefixes."
              + e.getKey()
              + " is '"
              + e.getValue()
              + "': write 2-10 capital letters, e.g. "
              + e.getKey().toUpperCase(java.util.Locale.ROOT)
              + ", or leave it out to number these tickets with tickets.prefix ("
              + prefix
              + ")");
    }
    require(firstNumber > 0, "tickets.first-number must be positive, e.g. 10001");
    subjectFormat = subjectFormat == null ? "[{{ticketId}}] {{subject}}" : subjectFormat;
    require(
        subjectFormat.startsWith("[{{ticketId}}]"),
        "tickets.subject-format must start with [{{ticketId}}] so every reply threads to its ticket");
  }

  /** The prefix of a new ticket of this kind (by its code: output, ingest, transfer). */
  public String prefix(String kindCode) {
    return prefixes.getOrDefault(kindCode, prefix);
  }

  /** Every prefix a ticket id of this desk may carry: a subject's tag is looked for with each. */
  public java.util.List<String> allPrefixes() {
    java.util.Set<String> all = new java.util.LinkedHashSet<>();
    all.add(prefix);
    all.addAll(new java.util.TreeMap<>(prefixes).values());
    return java.util.List.copyOf(all);
  }
}

package org.outputintake.ticket;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A count split by {@link RequestKind}, as the digests, the daily summary and the service-level
 * figures show it: "12 (output 9, ingest 2, transfer 1)". The split is shown only once the desk has
 * held a ticket of another kind than output ({@link TicketRepository#holdsOtherKinds}), so a desk
 * that only checks outputs reads as it did before ingests and transfers existed.
 */
public record KindCounts(Map<RequestKind, Integer> byKind) {
  public KindCounts {
    for (Map.Entry<RequestKind, Integer> e : byKind.entrySet()) {
      if (e.getValue() == null || e.getValue() < 0) {
        throw new IllegalArgumentException("a negative count for " + e.getKey().code());
      }
    }
    EnumMap<RequestKind, Integer> copy = new EnumMap<>(RequestKind.class);
    copy.putAll(byKind);
    byKind = Collections.unmodifiableMap(copy);
  }

  public static KindCounts none() {
    return new KindCounts(Map.of());
  }

  /** This count with one more (or {@code n} more) of {@code kind}. */
  public KindCounts plus(RequestKind kind, int n) {
    EnumMap<RequestKind, Integer> copy = new EnumMap<>(RequestKind.class);
    copy.putAll(byKind);
    copy.merge(kind, n, Integer::sum);
    return new KindCounts(copy);
  }

  public int total() {
    return byKind.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int of(RequestKind kind) {
    return byKind.getOrDefault(kind, 0);
  }

  /**
   * " (output 9, ingest 2, transfer 1)" with every kind counted so far, in the order of {@link
   * RequestKind}; empty when {@code show} is false.
   */
  public String split(boolean show) {
    if (!show) return "";
    return byKind.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .map(e -> e.getKey().code() + " " + e.getValue())
        .collect(Collectors.joining(", ", " (", ")"))
        .replace(" ()", "");
  }

  /** "12 (output 9, ingest 2, transfer 1)", or "12" on an output-only desk. */
  public String text(boolean show) {
    return total() + split(show);
  }
}

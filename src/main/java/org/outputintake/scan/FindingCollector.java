package org.outputintake.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a file's findings, keeping the first {@code cap} of each code with their locations and
 * folding the rest into one "and N more" finding: one finding per low cell of a large table would
 * flood an officer.
 */
public final class FindingCollector {
  public static final int DEFAULT_CAP = 20;

  private final int cap;
  private final List<Finding> kept = new ArrayList<>();
  private final Map<String, int[]> overflow = new LinkedHashMap<>();
  private final Map<String, Finding> firstOverflow = new LinkedHashMap<>();
  private final Map<String, Integer> perCode = new LinkedHashMap<>();

  public FindingCollector() {
    this(DEFAULT_CAP);
  }

  public FindingCollector(int cap) {
    if (cap < 1) throw new IllegalArgumentException("cap must be >= 1");
    this.cap = cap;
  }

  public void add(Finding finding) {
    int seen = perCode.merge(finding.code(), 1, Integer::sum);
    if (seen <= cap) {
      kept.add(finding);
    } else {
      overflow.computeIfAbsent(finding.code(), c -> new int[1])[0]++;
      firstOverflow.putIfAbsent(finding.code(), finding);
    }
  }

  /**
   * Counts {@code n} more findings like {@code example} without their own locations (they were
   * never built).
   */
  public void addMore(Finding example, long n) {
    if (n <= 0) return;
    int add = (int) Math.min(n, Integer.MAX_VALUE / 2);
    int before = perCode.getOrDefault(example.code(), 0);
    perCode.put(example.code(), before + add);
    overflow.computeIfAbsent(example.code(), c -> new int[1])[0] += add;
    firstOverflow.putIfAbsent(example.code(), example);
  }

  public void addAll(List<Finding> findings) {
    findings.forEach(this::add);
  }

  /** How many findings of this code were added, including those folded into the summary. */
  public int count(String code) {
    return perCode.getOrDefault(code, 0);
  }

  public boolean isEmpty() {
    return kept.isEmpty();
  }

  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>(kept);
    overflow.forEach(
        (code, n) -> {
          Finding first = firstOverflow.get(code);
          out.add(
              new Finding(
                  code,
                  first.severity(),
                  "",
                  "and "
                      + n[0]
                      + " more "
                      + code
                      + " finding"
                      + (n[0] == 1 ? "" : "s")
                      + " like those above, first at "
                      + (first.location().isEmpty() ? "the same place" : first.location())
                      + ".",
                  "",
                  first.scope()));
        });
    return out;
  }
}

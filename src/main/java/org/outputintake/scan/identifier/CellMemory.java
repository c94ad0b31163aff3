package org.outputintake.scan.identifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each distinct cell value yielded, per column (keyed by the column's hint). Columns repeat
 * their values (regions, categories, standard notes), so a repeat costs a hash lookup instead of a
 * scan; the result is the same as scanning, since a cell's hits depend only on its text and hint. A
 * column whose values hardly ever repeat (free text) stops being remembered, so it pays for no
 * lookups. Bounded for memory; one per finder.
 */
final class CellMemory {
  /** Distinct values remembered per table: enough for categories and standard notes. */
  private static final int MAX_ENTRIES = 8192;

  private static final int MAX_LENGTH = 200;
  private static final Object[] NO_HITS = new Object[0];

  private final IdentifierFinder finder;
  private final Map<String, Column> columns = new HashMap<>();
  private int size;

  CellMemory(IdentifierFinder finder) {
    this.finder = finder;
  }

  void scan(String cell, String hint, IdentifierFinder.Sink sink) {
    if (cell == null || cell.isEmpty()) return;
    Column column =
        cell.length() > MAX_LENGTH
            ? null
            : columns.computeIfAbsent(hint == null ? "" : hint, k -> new Column());
    Object[] hits = column == null ? null : column.get(cell);
    if (hits != null) {
      for (int i = 0; i < hits.length; i += 2)
        sink.hit((IdentifierKind) hits[i], (String) hits[i + 1]);
      return;
    }
    if (column == null || !column.on || size >= MAX_ENTRIES) {
      finder.scanLine(cell, hint, sink);
      return;
    }
    List<Object> found = new ArrayList<>(2);
    finder.scanLine(
        cell,
        hint,
        (kind, masked) -> {
          found.add(kind);
          found.add(masked);
          sink.hit(kind, masked);
        });
    column.values.put(cell, found.isEmpty() ? NO_HITS : found.toArray());
    size++;
  }

  /** One column's remembered values, switched off when they do not repeat. */
  private static final class Column {
    private static final int TRIAL = 2048;
    private Map<String, Object[]> values = new HashMap<>();
    private int lookups;
    private int hits;
    private boolean on = true;

    Object[] get(String cell) {
      if (!on) return null;
      Object[] found = values.get(cell);
      if (found != null) hits++;
      if (++lookups == TRIAL && hits * 4 < lookups) {
        on = false;
        values = Map.of();
      }
      return found;
    }
  }
}

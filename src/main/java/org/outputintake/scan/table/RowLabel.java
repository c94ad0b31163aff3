package org.outputintake.scan.table;

import java.util.HashMap;
import java.util.Map;
import org.outputintake.scan.identifier.ColumnNames;

/**
 * What a row's label says about the row: a total, a minimum or maximum, or residual degrees of freedom.
 *
 * @param norm the label normalised for matching, empty for no label
 */
record RowLabel(String norm, boolean total, boolean extreme, boolean degreesOfFreedom) {
  static final RowLabel NONE = new RowLabel("", false, false, false);

  static RowLabel of(String label) {
    String norm = ColumnNames.normalize(label);
    return new RowLabel(norm, ColumnRole.isTotalLabel(norm), ColumnRole.isExtremeLabel(norm),
        ColumnRole.isDegreesOfFreedomLabel(norm));
  }

  /**
   * Labels judged once per table: a table repeats its category labels on every block of rows, and normalising and
   * matching each one again would cost more than the rest of the row.
   */
  static final class Memo {
    private static final int MAX_ENTRIES = 4096;
    private final Map<String, RowLabel> known = new HashMap<>();

    RowLabel of(String label) {
      RowLabel r = known.get(label);
      if (r != null) return r;
      r = RowLabel.of(label);
      if (known.size() < MAX_ENTRIES) known.put(label, r);
      return r;
    }
  }
}

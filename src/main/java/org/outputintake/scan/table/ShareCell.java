package org.outputintake.scan.table;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A count written with its share in one cell, as "Table 1" packages print them: gtsummary's {@code
 * 12 (3.4%)} and {@code 12/240 (5.0%)}, tableone's {@code 5 ( 1.8)} under a label saying {@code
 * (%)}. The count is a count like any other; a suppressed count beside its percentage ({@code <5
 * (1.2%)}, {@code [REDACTED] (3%)}) is given back by the percentage and the column's total.
 */
final class ShareCell {
  /** The cell's count is suppressed but its percentage is shown. */
  static final long HIDDEN = Long.MIN_VALUE + 2;

  private static final Pattern SHARE =
      Pattern.compile(
          "(\\S+(?:\\s*/\\s*[\\d,]+)?)\\s*\\(\\s*(<|≤)?\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*(%?)\\s*\\)");

  private ShareCell() {}

  /**
   * The count of a "count (percent)" cell, {@link #HIDDEN} when the count is a suppression marker,
   * else {@link Cells#NOT_INTEGER}. Without a percent sign the cell is a share only where the row
   * says so ({@code percentContext}): {@code 62 (11)} is also how a mean and its SD are printed.
   */
  static long count(String v, boolean percentContext) {
    int n = v.length();
    if (n < 4 || n > 40 || v.charAt(n - 1) != ')') return Cells.NOT_INTEGER;
    Matcher m = SHARE.matcher(v);
    if (!m.matches()) return Cells.NOT_INTEGER;
    boolean percent = !m.group(4).isEmpty();
    if (!percent && !percentContext) return Cells.NOT_INTEGER;
    if (Double.parseDouble(m.group(3)) > 100) return Cells.NOT_INTEGER;
    String lead = m.group(1);
    int slash = lead.indexOf('/');
    String count = slash < 0 ? lead : lead.substring(0, slash).strip();
    long c = Cells.parse(count);
    if (c >= 0) return c;
    // a bounded percentage (<2%) gives back no more than the marker does
    if (Cells.suppressed(count) && m.group(2) == null) return HIDDEN;
    return Cells.NOT_INTEGER;
  }
}

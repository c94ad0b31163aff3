package org.outputintake.scan.table;

import java.util.Set;
import org.outputintake.scan.identifier.ColumnNames;

/** What a table column holds, judged from its header. */
enum ColumnRole {
  /**
   * Announced counts: n, count, frequency, total, numerator, ... (all of them are checked against
   * the threshold).
   */
  COUNT,
  /**
   * Sums, means, medians or totals of a continuous variable (income, cost...): never counts,
   * dominance applies.
   */
  MAGNITUDE,
  /** A statistic other than a count: rates, percentages, standard errors, coefficients. */
  STATISTIC,
  /** A minimum, maximum or range: one unit's value. */
  EXTREME,
  /** Degrees of freedom of a model. */
  DEGREES_OF_FREEDOM,
  /** Not a count although it often holds integers: years, ages, codes, identifiers, dates. */
  NOT_COUNT,
  /** Nothing said by the header; in a cross-tabulation these cells are counts. */
  OTHER;

  static ColumnRole of(String normalized, Set<String> declaredCounts, String raw) {
    String n = normalized;
    if (n.isEmpty()) return OTHER;
    if (declaredCounts.contains(n)
        || declaredCounts.contains(raw.strip().toLowerCase(java.util.Locale.ROOT))) {
      return COUNT;
    }
    if (ColumnWords.DF_NAMES.contains(n)) return DEGREES_OF_FREEDOM;
    String[] words = n.split("_");
    for (String w : words) {
      if (ColumnWords.EXTREME_WORDS.contains(w)) return EXTREME;
    }
    if (!isRateLikeOnly(words) && isMagnitude(n, words)) return MAGNITUDE;
    for (String w : words) {
      if (ColumnWords.STATISTIC_WORDS.contains(w)) return STATISTIC;
    }
    if (ColumnWords.COUNT_NAMES.contains(n)) return COUNT;
    for (String p : ColumnWords.COUNT_PREFIXES) {
      if (n.startsWith(p)) return COUNT;
    }
    for (String s : ColumnWords.COUNT_SUFFIXES) {
      if (n.endsWith(s)) return COUNT;
    }
    for (String w : words) {
      if (ColumnWords.NOT_COUNT_WORDS.contains(w)) return NOT_COUNT;
    }
    if (n.endsWith("id")
        && n.length() <= 12
        && (n.length() == 2 || n.charAt(n.length() - 3) == '_')) {
      return NOT_COUNT;
    }
    return OTHER;
  }

  private static boolean isMagnitude(String n, String[] words) {
    if (ColumnWords.MAGNITUDE_WORDS.contains(n)) return true;
    for (String w : words) {
      if (ColumnWords.MAGNITUDE_WORDS.contains(w)) return true;
    }
    return false;
  }

  /**
   * A rate or percentage of something ("mean_rate", "pct_income"): derived from counts, not a
   * magnitude.
   */
  private static boolean isRateLikeOnly(String[] words) {
    for (String w : words) {
      if (w.equals("rate")
          || w.equals("rates")
          || w.equals("pct")
          || w.equals("percent")
          || w.equals("percentage")
          || w.equals("%")
          || w.equals("proportion")
          || w.equals("prop")
          || w.equals("ratio")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A magnitude to which the p% and NK rules apply: money, a sum or total, or a mean of an
   * unbounded amount.
   */
  static boolean dominanceApplies(String normalized) {
    for (String w : normalized.split("_")) {
      if (ColumnWords.BOUNDED_WORDS.contains(w)) return false;
    }
    return true;
  }

  /**
   * A model's coefficient or its standard error: the table is a model whose degrees of freedom
   * matter.
   */
  static boolean isCoefficient(String normalized) {
    if (ColumnWords.COEFFICIENT_WORDS.contains(normalized)) return true;
    for (String w : normalized.split("_")) {
      if (ColumnWords.COEFFICIENT_WORDS.contains(w)) return true;
    }
    return normalized.equals("std_err") || normalized.equals("p_z") || normalized.equals("p_t");
  }

  /**
   * A survival or life table ({@code summary(survfit)}, broom's {@code tidy(survfit)}, lifelines):
   * its numbers at risk name it, and no model coefficient table has them.
   */
  static boolean lifeTable(ColumnStats[] columns) {
    for (ColumnStats col : columns) {
      String n = col.normalized;
      if (n.equals("n_risk") || n.equals("nrisk") || n.equals("at_risk") || n.endsWith("_at_risk"))
        return true;
    }
    return false;
  }

  /** Whether the header names a rate, percentage or mean, whose underlying counts must be shown. */
  static boolean isRateLike(String normalized) {
    for (String w : normalized.split("_")) {
      if (ColumnWords.RATE_WORDS.contains(w)) return true;
    }
    return false;
  }

  /**
   * A percentage, proportion or rate: beside a suppressed count, with the total or the population,
   * it gives the count back. (A mean does not.)
   */
  static boolean revealsCounts(String normalized) {
    for (String w : normalized.split("_")) {
      if (ColumnWords.RATE_WORDS.contains(w)
          && !w.equals("mean")
          && !w.equals("average")
          && !w.equals("avg")
          && !w.equals("ratio")) return true;
    }
    return false;
  }

  /** A histogram's bin edge ({@code bin_left}, {@code bin_edge}, {@code breaks}). */
  static boolean isBinEdge(String normalized) {
    for (String w : normalized.split("_")) {
      if (w.equals("bin") || w.equals("bins") || w.equals("edge") || w.equals("edges")) return true;
      if (w.equals("break") || w.equals("breaks")) return true;
    }
    return false;
  }

  /**
   * A spread or a percentile of the records behind a cell ({@code sd_age}, {@code iqr}, {@code q1},
   * {@code p90}): whole numbers beside it count those records.
   */
  static boolean isSpreadOrQuantile(String normalized) {
    if (isQuantile(normalized)) return true;
    for (String w : normalized.split("_")) {
      if (ColumnWords.SPREAD_WORDS.contains(w)) return true;
    }
    return false;
  }

  /** A percentile or quartile ({@code p10}, {@code q1}, {@code pctl_90}): a value, not a count. */
  static boolean isQuantile(String normalized) {
    return normalized.matches("(p|q|pctl|pc|centile|percentile)_?\\d{1,2}");
  }

  /** A row label that marks a total row or column. */
  static boolean isTotalLabel(String normalized) {
    return normalized.startsWith("total")
        || normalized.equals("all")
        || normalized.equals("overall")
        || normalized.equals("grand_total")
        || normalized.startsWith("all_");
  }

  static boolean isExtremeLabel(String normalized) {
    return ColumnWords.EXTREME_WORDS.contains(normalized);
  }

  /**
   * A note above a table that states the degrees of freedom ("Df Residuals: 480", "on 52 degrees of
   * freedom").
   */
  static boolean isDegreesOfFreedomText(String text) {
    String n = ColumnNames.normalize(text);
    return n.contains("degrees_of_freedom")
        || n.startsWith("df_resid")
        || n.contains("residual_df");
  }

  static boolean isDegreesOfFreedomLabel(String normalized) {
    return ColumnWords.DF_NAMES.contains(normalized)
        || ColumnNames.hasWord(normalized, "degrees_of_freedom")
        || normalized.startsWith("df_resid")
        || normalized.equals("residual_degrees_of_freedom");
  }
}

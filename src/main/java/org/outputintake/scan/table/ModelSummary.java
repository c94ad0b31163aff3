package org.outputintake.scan.table;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a model's summary by the words the statistics packages print in it: statsmodels'
 * {@code summary()} (its header block, {@code Dep. Variable:}, {@code Df Residuals:}, and its
 * diagnostics block, {@code Omnibus:}, {@code Durbin-Watson:}), R's {@code summary()} and broom's
 * {@code glance()}, Stata's {@code regress} header and ANOVA block and esttab's statistics rows,
 * SAS {@code PROC REG}'s fit statistics and analysis of variance. Such numbers are a model's
 * statistics, not the cells of a magnitude or count table: asking for their counts or largest
 * contributions is noise an officer has to read past. Only a model's size (its residual degrees of
 * freedom) is checked there.
 */
public final class ModelSummary {
  /** How many data rows are looked at: a model summary is short, a table may have millions. */
  private static final int ROWS_LOOKED_AT = 60;

  /** Two distinct words of a summary make it one (one could be a column of another table). */
  private static final int WORDS_NEEDED = 2;

  private static final Set<String> WORDS =
      Set.of(
          // statsmodels summary(): header and diagnostics blocks
          "dep. variable",
          "no. observations",
          "df residuals",
          "df model",
          "covariance type",
          "r-squared",
          "adj. r-squared",
          "f-statistic",
          "prob (f-statistic)",
          "log-likelihood",
          "omnibus",
          "prob(omnibus)",
          "durbin-watson",
          "jarque-bera (jb)",
          "prob(jb)",
          "cond. no.",
          "pseudo r-squ.",
          "llr p-value",
          "ll-null",
          "converged",
          // R summary() as exported, broom::glance()
          "residual standard error",
          "residual degrees of freedom",
          "multiple r-squared",
          "adjusted r-squared",
          "r.squared",
          "adj.r.squared",
          "loglik",
          "df.residual",
          "null.deviance",
          "df.null",
          "nobs",
          // Stata regress and esttab
          "number of obs",
          "prob > f",
          "prob > chi2",
          "adj r-squared",
          "root mse",
          "pseudo r2",
          "log likelihood",
          "df_r",
          "df_m",
          "r2_a",
          // SAS PROC REG
          "number of observations read",
          "number of observations used",
          "dependent mean",
          "coeff var",
          "r-square",
          "adj r-sq",
          "sum of squares",
          "mean square",
          "f value",
          "pr > f",
          "corrected total");

  /** Rows of an analysis of variance that are not the residual: their df is the model's. */
  private static final Set<String> OTHER_SOURCES =
      Set.of(
          "model",
          "regression",
          "total",
          "corrected total",
          "uncorrected total",
          "c total",
          "between groups");

  private final Set<String> seen = new HashSet<>();

  ModelSummary() {}

  private int rows;

  /** A row of the table, header and notes above it included. */
  void row(String[] cells, int width) {
    if (rows++ > ROWS_LOOKED_AT || seen.size() >= WORDS_NEEDED) return;
    for (int c = 0; c < width; c++) {
      String v = cells[c];
      if (v == null || v.length() < 2 || v.length() > 40) continue;
      char first = v.charAt(0);
      // a summary's words start with a letter; numbers, the most common cells, stop here
      if (!Character.isLetter(first)) continue;
      String w = words(v);
      if (WORDS.contains(w)) seen.add(w);
    }
  }

  /** Whether the table is a model's summary rather than a table of counts or magnitudes. */
  boolean recognised() {
    return seen.size() >= WORDS_NEEDED;
  }

  /**
   * Whether a row of an analysis of variance gives the residual's degrees of freedom ({@code
   * Residual}, {@code Residuals}, {@code Error}), which are the ones that must reach 10.
   */
  public static boolean residualSource(String label) {
    String w = words(label);
    return w.equals("residual") || w.equals("residuals") || w.equals("error");
  }

  /**
   * Whether a row of an analysis of variance gives the model's or the total's degrees of freedom.
   */
  public static boolean otherSource(String label) {
    return OTHER_SOURCES.contains(words(label));
  }

  private static String words(String v) {
    String w = v.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return w.endsWith(":") ? w.substring(0, w.length() - 1).strip() : w;
  }
}

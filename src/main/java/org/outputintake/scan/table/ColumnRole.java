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

  private static final Set<String> COUNT_NAMES =
      Set.of(
          "n",
          "count",
          "counts",
          "freq",
          "frequency",
          "number",
          "total",
          "totals",
          "numerator",
          "denominator",
          "population",
          "num",
          "no",
          "cases",
          "persons",
          "people",
          "patients",
          "individuals",
          "households",
          "respondents",
          "obs",
          "observations",
          "nobs",
          "n_obs",
          "size",
          "sample_size",
          "grand_total",
          "all");
  private static final String[] COUNT_PREFIXES = {
    "num_", "n_", "number_of_", "no_of_", "count_", "total_", "freq_", "nb_"
  };
  private static final String[] COUNT_SUFFIXES = {
    "_count",
    "_counts",
    "_n",
    "_total",
    "_freq",
    "_frequency",
    "_numerator",
    "_denominator",
    "_population",
    "_num",
    "_cases"
  };
  private static final Set<String> STATISTIC_WORDS =
      Set.of(
          "mean",
          "median",
          "rate",
          "rates",
          "pct",
          "percent",
          "percentage",
          "%",
          "proportion",
          "prop",
          "se",
          "sd",
          "sem",
          "std",
          "stdev",
          "stddev",
          "ci",
          "lci",
          "uci",
          "lower",
          "upper",
          "lcl",
          "ucl",
          "estimate",
          "est",
          "p",
          "pval",
          "pvalue",
          "coef",
          "coefficient",
          "beta",
          "or",
          "hr",
          "rr",
          "irr",
          "ratio",
          "variance",
          "var",
          "iqr",
          "q1",
          "q3",
          "z",
          "t",
          "avg",
          "average",
          "weighted",
          "weight",
          "prevalence",
          "incidence",
          "score",
          "index",
          "share",
          "mode",
          "quantile",
          "percentile",
          "p25",
          "p75",
          "error",
          "stat",
          "statistic",
          "chi2",
          "aic",
          "bic",
          "r2",
          "rsq",
          "odds");
  private static final Set<String> RATE_WORDS =
      Set.of(
          "rate",
          "rates",
          "pct",
          "percent",
          "percentage",
          "%",
          "proportion",
          "prop",
          "mean",
          "average",
          "avg",
          "prevalence",
          "incidence",
          "ratio",
          "share");
  private static final Set<String> EXTREME_WORDS =
      Set.of("min", "max", "minimum", "maximum", "range");
  private static final Set<String> NOT_COUNT_WORDS =
      Set.of(
          "year",
          "years",
          "yr",
          "age",
          "ages",
          "id",
          "code",
          "codes",
          "urn",
          "uprn",
          "date",
          "month",
          "day",
          "week",
          "quarter",
          "period",
          "time",
          "postcode",
          "nhs",
          "rank",
          "order",
          "sex",
          "gender",
          "group",
          "band",
          "decile",
          "quintile",
          "imd",
          "lsoa",
          "msoa",
          "oa",
          "ward",
          "ukprn",
          "laestab",
          "ruref",
          "entref",
          "luref",
          "version",
          "wave",
          "sic",
          "soc",
          "phone",
          "ref",
          "reference",
          "key",
          "identifier",
          "level",
          "category",
          "cat",
          "type",
          "flag",
          "label",
          "dob",
          "unit",
          "practice",
          "area",
          "site",
          "trust",
          "hospital",
          "district",
          "region",
          "county",
          "country",
          "school",
          "gp",
          "ccg",
          "icb",
          "stp",
          "la",
          "lad",
          "utla",
          "ltla",
          "sequence",
          "seq",
          "row",
          "index_no",
          "cohort",
          "stratum");

  /** Words that make a column a magnitude: a statistic of amounts, or an amount of money. */
  private static final Set<String> MAGNITUDE_WORDS =
      Set.of(
          "sum",
          "sums",
          "mean",
          "means",
          "median",
          "medians",
          "avg",
          "average",
          "amount",
          "income",
          "spend",
          "spending",
          "cost",
          "costs",
          "turnover",
          "salary",
          "salaries",
          "wage",
          "wages",
          "pay",
          "earnings",
          "revenue",
          "price",
          "expenditure",
          "gva",
          "profit",
          "£",
          "gbp",
          "bmi",
          "los",
          "duration");

  private static final Set<String> COEFFICIENT_WORDS =
      Set.of(
          "coef",
          "coefficient",
          "coefficients",
          "estimate",
          "estimates",
          "beta",
          "std_err",
          "stderr",
          "log_odds",
          "exp_b");
  private static final Set<String> DF_NAMES =
      Set.of(
          "df",
          "dof",
          "degrees_of_freedom",
          "residual_df",
          "df_residual",
          "df_residuals",
          "df_resid",
          "resid_df",
          "res_df",
          "df_res",
          "degrees_freedom");

  static ColumnRole of(String normalized, Set<String> declaredCounts, String raw) {
    String n = normalized;
    if (n.isEmpty()) return OTHER;
    if (declaredCounts.contains(n)
        || declaredCounts.contains(raw.strip().toLowerCase(java.util.Locale.ROOT))) {
      return COUNT;
    }
    if (DF_NAMES.contains(n)) return DEGREES_OF_FREEDOM;
    String[] words = n.split("_");
    for (String w : words) {
      if (EXTREME_WORDS.contains(w)) return EXTREME;
    }
    if (!isRateLikeOnly(words) && isMagnitude(n, words)) return MAGNITUDE;
    for (String w : words) {
      if (STATISTIC_WORDS.contains(w)) return STATISTIC;
    }
    if (COUNT_NAMES.contains(n)) return COUNT;
    for (String p : COUNT_PREFIXES) {
      if (n.startsWith(p)) return COUNT;
    }
    for (String s : COUNT_SUFFIXES) {
      if (n.endsWith(s)) return COUNT;
    }
    for (String w : words) {
      if (NOT_COUNT_WORDS.contains(w)) return NOT_COUNT;
    }
    if (n.endsWith("id")
        && n.length() <= 12
        && (n.length() == 2 || n.charAt(n.length() - 3) == '_')) {
      return NOT_COUNT;
    }
    return OTHER;
  }

  private static boolean isMagnitude(String n, String[] words) {
    if (MAGNITUDE_WORDS.contains(n)) return true;
    for (String w : words) {
      if (MAGNITUDE_WORDS.contains(w)) return true;
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
   * Variables whose means or medians no single contributor can dominate (an age, a score): no
   * dominance rule.
   */
  private static final Set<String> BOUNDED_WORDS =
      Set.of(
          "age",
          "ages",
          "bmi",
          "height",
          "weight",
          "score",
          "los",
          "duration",
          "days",
          "years",
          "months",
          "weeks",
          "hours",
          "stay");

  /**
   * A magnitude to which the p% and NK rules apply: money, a sum or total, or a mean of an
   * unbounded amount.
   */
  static boolean dominanceApplies(String normalized) {
    for (String w : normalized.split("_")) {
      if (BOUNDED_WORDS.contains(w)) return false;
    }
    return true;
  }

  /**
   * A model's coefficient or its standard error: the table is a model whose degrees of freedom
   * matter.
   */
  static boolean isCoefficient(String normalized) {
    if (COEFFICIENT_WORDS.contains(normalized)) return true;
    for (String w : normalized.split("_")) {
      if (COEFFICIENT_WORDS.contains(w)) return true;
    }
    return normalized.equals("std_err") || normalized.equals("p_z") || normalized.equals("p_t");
  }

  /** Whether the header names a rate, percentage or mean, whose underlying counts must be shown. */
  static boolean isRateLike(String normalized) {
    for (String w : normalized.split("_")) {
      if (RATE_WORDS.contains(w)) return true;
    }
    return false;
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
    return EXTREME_WORDS.contains(normalized);
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
    return DF_NAMES.contains(normalized)
        || ColumnNames.hasWord(normalized, "degrees_of_freedom")
        || normalized.startsWith("df_resid")
        || normalized.equals("residual_degrees_of_freedom");
  }
}

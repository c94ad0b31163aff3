package org.outputintake.config;

/**
 * The checks the configuration records share, each failing with a message that says what to write.
 */
final class ConfigChecks {
  private ConfigChecks() {}

  static boolean isAddress(String s) {
    return org.outputintake.text.EmailAddresses.valid(s);
  }

  static String lower(String s) {
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  static void require(boolean ok, String message) {
    if (!ok) throw new ConfigException(message);
  }

  /** A list of email addresses under {@code key}: lower-cased, blanks and repeats dropped. */
  static java.util.List<String> addresses(String key, java.util.List<String> in) {
    if (in == null) return java.util.List.of();
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String a : in) {
      if (a == null || a.isBlank()) continue;
      String t = lower(a.trim());
      require(
          isAddress(t),
          key + " holds '" + a + "', not an email address: write e.g. [alice@example.org]");
      if (!out.contains(t)) out.add(t);
    }
    return java.util.List.copyOf(out);
  }

  /** Why Quartz cannot read a cron expression, in its own words, or null when it can. */
  static String cronProblem(String cron) {
    int fields = cron.trim().isEmpty() ? 0 : cron.trim().split("\\s+").length;
    if (fields < 6)
      return fields
          + " field"
          + (fields == 1 ? "" : "s")
          + ", where Quartz needs 6 or 7, seconds first";
    try {
      new org.quartz.CronExpression(cron);
      return null;
    } catch (java.text.ParseException e) {
      return e.getMessage().replaceAll("[.\\s]+$", "");
    }
  }
}

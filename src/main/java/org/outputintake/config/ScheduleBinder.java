package org.outputintake.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Binds what is reckoned in working time or on a calendar: {@code sla}, {@code workflow} and {@code
 * digests}.
 */
final class ScheduleBinder {
  private final ConfigTree tree;

  ScheduleBinder(ConfigTree tree) {
    this.tree = tree;
  }

  Sla sla() {
    String hours = tree.text("sla.working-hours");
    java.time.LocalTime start = null;
    java.time.LocalTime end = null;
    if (hours != null && !hours.isBlank()) {
      String[] parts = hours.trim().split("\\s*-\\s*");
      try {
        if (parts.length != 2) throw new IllegalArgumentException();
        start = java.time.LocalTime.parse(parts[0]);
        end = java.time.LocalTime.parse(parts[1]);
      } catch (RuntimeException e) {
        throw new ConfigException("sla.working-hours is '" + hours + "': write e.g. 09:00-17:00");
      }
    }
    java.time.ZoneId zone = null;
    String z = tree.text("sla.zone");
    if (z != null && !z.isBlank()) {
      try {
        zone = java.time.ZoneId.of(z.trim());
      } catch (RuntimeException e) {
        throw new ConfigException(
            "sla.zone is '" + z + "', not a time zone: write e.g. Europe/London");
      }
      String region = tree.text("sla.region");
      boolean uk =
          region == null
              || java.util.Set.of("england-and-wales", "scotland", "northern-ireland")
                  .contains(region.trim());
      // GMT or UTC would put the working day an hour late all summer, when the office is on BST
      if (uk && zone.getRules().isFixedOffset()) {
        throw new ConfigException(
            "sla.zone is '"
                + z
                + "', a fixed offset, but offices in the UK move to BST in summer, so the working"
                + " day would be counted an hour late from March to October: write Europe/London"
                + " (or remove the key)");
      }
    }
    Sla base =
        new Sla(
            tree.text("sla.region"),
            tree.path("sla.bank-holidays"),
            zone,
            start,
            end,
            tree.integer("sla.days", 5),
            null);
    Sla sla =
        new Sla(
            base.region(),
            base.bankHolidays(),
            base.zone(),
            base.dayStart(),
            base.dayEnd(),
            base.days(),
            workingTime("sla.reminder-before", base.workingDay()));
    // the region must exist in the holidays file now, not when the first clock is read
    BankHolidays.load(sla.bankHolidays(), sla.region());
    return sla;
  }

  WorkflowSettings workflow() {
    return new WorkflowSettings(
        tree.integer("workflow.chase-after", WorkflowSettings.DEFAULT_CHASE_AFTER),
        tree.integer("workflow.withdraw-after", WorkflowSettings.DEFAULT_WITHDRAW_AFTER),
        timeOfDay("workflow.daily-summary"),
        new WorkflowSettings.Checkers(
            tree.integer("workflow.checkers.output", WorkflowSettings.Checkers.DEFAULT.output()),
            tree.integer("workflow.checkers.ingest", WorkflowSettings.Checkers.DEFAULT.ingest()),
            tree.integer(
                "workflow.checkers.transfer", WorkflowSettings.Checkers.DEFAULT.transfer())));
  }

  /** A time such as {@code "08:30"}; {@code off} (or nothing) for none. */
  private java.time.LocalTime timeOfDay(String key) {
    JsonNode n = tree.node(key);
    if (n == null) return null;
    // YAML 1.1 reads an unquoted 8:30 as the number 510 (base 60), and off as false
    if (n.isNumber())
      throw new ConfigException(
          key
              + " is "
              + n.asText()
              + ", read as a number: write the time in quotes, e.g. \"08:30\"");
    String t = tree.text(key);
    if (t == null || t.isBlank()) return null;
    String v = t.trim().toLowerCase(Locale.ROOT);
    if (v.equals("off") || v.equals("false") || v.equals("no")) return null;
    try {
      return java.time.LocalTime.parse(v.length() == 4 ? "0" + v : v);
    } catch (RuntimeException e) {
      throw new ConfigException(
          key
              + " is '"
              + t.trim()
              + "': write a time of day in quotes, e.g. \"08:30\" (in sla.zone, sent on working"
              + " days), or off");
    }
  }

  /** {@code 1d} is one working day (not 24 hours); {@code 4h}, {@code 30m} are working time. */
  private java.time.Duration workingTime(String key, java.time.Duration workingDay) {
    String t = tree.text(key);
    if (t == null || t.isBlank()) return null;
    String v = t.trim().toLowerCase(Locale.ROOT);
    if (v.matches("\\d+(\\.\\d+)?\\s*d")) {
      double days = Double.parseDouble(v.substring(0, v.length() - 1).trim());
      return java.time.Duration.ofSeconds(Math.round(days * workingDay.toSeconds()));
    }
    // elsewhere a bare number is seconds; here '1' is far likelier to mean a day than a second
    if (v.matches("[0-9.]+") && !v.matches("0+"))
      throw new ConfigException(
          key + " is '" + t.trim() + "', with no unit: write e.g. 1d (one working day) or 4h");
    return ConfigLoader.parseDuration(key, t);
  }

  java.util.List<Digest> digests() {
    JsonNode n = tree.node("digests");
    if (n == null) return java.util.List.of();
    if (!n.isArray())
      throw new ConfigException(
          "digests must be a list, e.g. - { name: daily, cron: \"0 0 8 ? * MON-FRI\", period: 1d }");
    java.util.List<Digest> out = new java.util.ArrayList<>();
    int i = 0;
    for (JsonNode d : n) {
      String where = "digests[" + i++ + "]";
      if (!d.isObject())
        throw new ConfigException(where + " must be a mapping with name, cron and period");
      String name = tree.value(d, "name");
      String key = "digests." + (name == null ? where : name);
      String period = tree.value(d, "period");
      java.util.List<String> to = new java.util.ArrayList<>();
      JsonNode toNode = d.get("to");
      if (toNode != null && !toNode.isNull()) {
        if (toNode.isArray())
          toNode.forEach(
              x -> to.addAll(java.util.Arrays.asList(tree.resolve(x.asText()).split("[,;\\s]+"))));
        else
          to.addAll(
              java.util.Arrays.asList(
                  String.valueOf(tree.resolve(toNode.asText())).split("[,;\\s]+")));
      }
      String skip = tree.value(d, "skip-if-empty");
      Digest.WhenEmpty whenEmpty =
          switch (skip == null ? "false" : skip.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Digest.WhenEmpty.SKIP;
            case "false", "no", "off", "0", "" -> Digest.WhenEmpty.SEND;
            default ->
                throw new ConfigException(
                    key + ".skip-if-empty is '" + skip + "': write true or false");
          };
      for (java.util.Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!java.util.Set.of("name", "cron", "period", "to", "skip-if-empty").contains(f)) {
          throw new ConfigException(
              key + "." + f + " is not a digest key: use name, cron, period, to, skip-if-empty");
        }
      }
      out.add(
          new Digest(
              name,
              tree.value(d, "cron"),
              period == null || period.isBlank()
                  ? null
                  : ConfigLoader.parseDuration(key + ".period", period),
              to,
              whenEmpty));
    }
    return out;
  }
}

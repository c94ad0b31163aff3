package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.require;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The service level (seed 001: up to five working days, not counting time waiting for the
 * researcher).
 *
 * @param region which set of {@code bankHolidays} applies: england-and-wales, scotland or
 *     northern-ireland
 * @param bankHolidays the editable holidays file; the bundled copy is used when it does not exist
 * @param reminderBefore working time before the due time at which the checkers are reminded
 */
public record Sla(
    String region,
    Path bankHolidays,
    java.time.ZoneId zone,
    java.time.LocalTime dayStart,
    java.time.LocalTime dayEnd,
    int days,
    Duration reminderBefore) {
  public static final Sla DEFAULT = new Sla(null, null, null, null, null, 5, null);

  public Sla {
    region = region == null || region.isBlank() ? "england-and-wales" : region.trim();
    require(
        region.matches("[a-z][a-z-]*"),
        "sla.region is '" + region + "': write england-and-wales, scotland or northern-ireland");
    bankHolidays = bankHolidays == null ? Path.of("config", "bank-holidays.yaml") : bankHolidays;
    zone = zone == null ? java.time.ZoneId.of("Europe/London") : zone;
    dayStart = dayStart == null ? java.time.LocalTime.of(9, 0) : dayStart;
    dayEnd = dayEnd == null ? java.time.LocalTime.of(17, 0) : dayEnd;
    require(
        dayStart.isBefore(dayEnd), "sla.working-hours must be like 09:00-17:00 (start before end)");
    require(
        days >= 1 && days <= 100,
        "sla.days must be a number of working days between 1 and 100, e.g. 5");
    Duration day = Duration.between(dayStart, dayEnd);
    reminderBefore = reminderBefore == null ? day : reminderBefore;
    require(
        !reminderBefore.isNegative() && reminderBefore.compareTo(day.multipliedBy(days)) < 0,
        "sla.reminder-before must be less than the service level, e.g. 1d (one working day) or 4h");
  }

  /** The length of one working day. */
  public Duration workingDay() {
    return Duration.between(dayStart, dayEnd);
  }

  /** The service level as working time. */
  public Duration target() {
    return workingDay().multipliedBy(days);
  }
}

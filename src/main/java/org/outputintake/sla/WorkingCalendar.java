package org.outputintake.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Working time: Monday to Friday except bank holidays, between the day's start and end in the
 * service's time zone. Everything is worked out on local dates and times, so a clock change (the
 * March and October Sundays) never adds or removes an hour of work.
 */
public record WorkingCalendar(
    ZoneId zone, LocalTime dayStart, LocalTime dayEnd, Set<LocalDate> holidays) {
  public WorkingCalendar {
    Objects.requireNonNull(zone, "zone");
    if (!dayStart.isBefore(dayEnd))
      throw new IllegalArgumentException("the working day must start before it ends");
    holidays = Set.copyOf(holidays);
  }

  public Duration workingDay() {
    return Duration.between(dayStart, dayEnd);
  }

  public boolean isWorkingDay(LocalDate d) {
    return d.getDayOfWeek() != DayOfWeek.SATURDAY
        && d.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.contains(d);
  }

  /** Whether any holiday is known in {@code year}: none means the holidays file has run out. */
  public boolean hasHolidaysIn(int year) {
    return holidays.stream().anyMatch(d -> d.getYear() == year);
  }

  /** Working time between two instants (zero when {@code to} is not after {@code from}). */
  public Duration between(Instant from, Instant to) {
    if (!to.isAfter(from)) return Duration.ZERO;
    ZonedDateTime a = from.atZone(zone);
    ZonedDateTime b = to.atZone(zone);
    LocalDate first = a.toLocalDate();
    LocalDate last = b.toLocalDate();
    if (first.equals(last)) return within(first, a.toLocalTime(), b.toLocalTime());
    Duration total =
        within(first, a.toLocalTime(), LocalTime.MAX)
            .plus(within(last, LocalTime.MIN, b.toLocalTime()));
    long full = workingDaysStrictlyBetween(first, last);
    return total.plus(workingDay().multipliedBy(full));
  }

  /** The instant at which {@code amount} of working time has passed since {@code from}. */
  public Instant plus(Instant from, Duration amount) {
    ZonedDateTime z = from.atZone(zone);
    LocalDate day = z.toLocalDate();
    LocalTime time = z.toLocalTime();
    Duration left = amount;
    while (true) {
      if (isWorkingDay(day)) {
        LocalTime start = time.isBefore(dayStart) ? dayStart : time;
        if (start.isBefore(dayEnd)) {
          Duration today = Duration.between(start, dayEnd);
          if (left.compareTo(today) <= 0)
            return day.atTime(start.plus(left)).atZone(zone).toInstant();
          left = left.minus(today);
        }
      }
      day = day.plusDays(1);
      time = LocalTime.MIN;
    }
  }

  /** Working time as days of the working day's length, e.g. 2.5. */
  public double days(Duration working) {
    return working.toSeconds() / (double) workingDay().toSeconds();
  }

  /**
   * The working days up to and including {@code last}, the most recent last, {@code count} of them.
   */
  public java.util.List<LocalDate> lastWorkingDays(LocalDate last, int count) {
    java.util.ArrayDeque<LocalDate> out = new java.util.ArrayDeque<>();
    LocalDate d = last;
    while (out.size() < count) {
      if (isWorkingDay(d)) out.addFirst(d);
      d = d.minusDays(1);
    }
    return new java.util.ArrayList<>(out);
  }

  private Duration within(LocalDate day, LocalTime from, LocalTime to) {
    if (!isWorkingDay(day)) return Duration.ZERO;
    LocalTime s = from.isBefore(dayStart) ? dayStart : from;
    LocalTime e = to.isAfter(dayEnd) ? dayEnd : to;
    return e.isAfter(s) ? Duration.between(s, e) : Duration.ZERO;
  }

  /**
   * Working days after {@code first} and before {@code last}: whole weeks at once, then the rest
   * day by day.
   */
  private long workingDaysStrictlyBetween(LocalDate first, LocalDate last) {
    LocalDate d = first.plusDays(1);
    long days = java.time.temporal.ChronoUnit.DAYS.between(d, last);
    if (days <= 0) return 0;
    long weeks = days / 7;
    long count = weeks * 5;
    LocalDate rest = d.plusWeeks(weeks);
    for (LocalDate x = rest; x.isBefore(last); x = x.plusDays(1)) {
      if (x.getDayOfWeek() != DayOfWeek.SATURDAY && x.getDayOfWeek() != DayOfWeek.SUNDAY) count++;
    }
    for (LocalDate h : holidays) {
      if (h.isAfter(first) && h.isBefore(last) && h.getDayOfWeek().getValue() <= 5) count--;
    }
    return count;
  }
}

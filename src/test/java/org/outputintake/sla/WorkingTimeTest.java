package org.outputintake.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outputintake.config.BankHolidays;
import org.outputintake.config.ConfigException;
import org.outputintake.config.Sla;
import org.outputintake.ticket.TicketState;

class WorkingTimeTest {
  private final ServiceLevel sla = new ServiceLevel(Sla.DEFAULT);
  private final WorkingCalendar cal = sla.calendar();

  private static Instant at(String s) {
    return Instant.parse(s);
  }

  @Test
  void weekendsDoNotCount() {
    assertEquals(
        at("2024-01-22T10:00:00Z"), cal.plus(at("2024-01-19T16:00:00Z"), Duration.ofHours(2)));
    assertEquals(
        Duration.ofHours(2), cal.between(at("2024-01-19T16:00:00Z"), at("2024-01-22T10:00:00Z")));
    assertEquals(
        Duration.ZERO, cal.between(at("2024-01-20T09:00:00Z"), at("2024-01-21T17:00:00Z")));
  }

  @Test
  void bankHolidaysDoNotCountAndTheRegionPicksThem() {
    // Good Friday and Easter Monday 2024 in England and Wales
    assertEquals(
        at("2024-04-02T09:00:00Z"), cal.plus(at("2024-03-28T16:00:00Z"), Duration.ofHours(2)));
    assertFalse(cal.isWorkingDay(LocalDate.parse("2026-12-28")), "Boxing Day's substitute");
    WorkingCalendar scotland =
        new ServiceLevel(new Sla("scotland", null, null, null, null, 5, null)).calendar();
    assertFalse(scotland.isWorkingDay(LocalDate.parse("2024-01-02")));
    assertTrue(cal.isWorkingDay(LocalDate.parse("2024-01-02")));
    assertTrue(
        scotland.isWorkingDay(LocalDate.parse("2024-04-01")), "no Easter Monday in Scotland");
    WorkingCalendar ni =
        new ServiceLevel(new Sla("northern-ireland", null, null, null, null, 5, null)).calendar();
    assertFalse(ni.isWorkingDay(LocalDate.parse("2025-07-14")), "the Boyne's substitute day");
  }

  @Test
  void anUnknownRegionIsAConfigurationError() {
    ConfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ConfigException.class,
            () -> BankHolidays.load(Path.of("config", "bank-holidays.yaml"), "wales-only"));
    assertTrue(e.getMessage().contains("sla.region"), e.getMessage());
  }

  @Test
  void theMarchClockChangeNeitherAddsNorLosesAnHour() {
    // Mon 25 March 2024 09:00 GMT; clocks go forward on Sunday 31 March; Good Friday and Easter
    // Monday in between
    Instant start = at("2024-03-25T09:00:00Z");
    Instant due = cal.plus(start, Duration.ofHours(40));
    assertEquals(at("2024-04-02T16:00:00Z"), due, "Tuesday 2 April 17:00 BST");
    assertEquals(Duration.ofHours(40), cal.between(start, due));
  }

  @Test
  void theOctoberClockChangeNeitherAddsNorLosesAnHour() {
    // Fri 25 October 2024 09:00 BST; clocks go back on Sunday 27 October
    Instant start = at("2024-10-25T08:00:00Z");
    Instant due = cal.plus(start, Duration.ofHours(16));
    assertEquals(at("2024-10-28T17:00:00Z"), due, "Monday 28 October 17:00 GMT");
    assertEquals(Duration.ofHours(16), cal.between(start, due));
  }

  @Test
  void aRequestArrivingOutOfHoursStartsTheClockAtTheNextWorkingMorning() {
    Instant saturdayNight = at("2024-01-20T22:00:00Z");
    ServiceClock.Status s =
        sla.clock()
            .status(
                saturdayNight,
                List.of(new ServiceClock.Change(saturdayNight, TicketState.Kind.QUEUED)),
                at("2024-01-22T10:00:00Z"));
    assertEquals(Duration.ofHours(1), s.used());
    assertEquals(at("2024-01-26T17:00:00Z"), s.due(), "five working days from Monday 09:00");
    assertEquals(
        Duration.ZERO, cal.between(at("2024-01-16T17:30:00Z"), at("2024-01-17T08:59:00Z")));
  }

  @Test
  void aTicketBlockedAcrossTheHolidaysResumesWhereItStopped() {
    Instant received = at("2024-12-19T09:00:00Z");
    List<ServiceClock.Change> changes =
        List.of(
            new ServiceClock.Change(received, TicketState.Kind.QUEUED),
            new ServiceClock.Change(at("2024-12-20T09:00:00Z"), TicketState.Kind.BLOCKED),
            new ServiceClock.Change(at("2025-01-03T09:00:00Z"), TicketState.Kind.QUEUED));
    ServiceClock.Status blocked =
        sla.clock().status(received, changes.subList(0, 2), at("2025-01-02T12:00:00Z"));
    assertFalse(blocked.running());
    assertNull(blocked.due(), "no date is promised while blocked");
    assertEquals(Duration.ofHours(8), blocked.used());
    ServiceClock.Status back = sla.clock().status(received, changes, at("2025-01-03T13:00:00Z"));
    assertEquals(Duration.ofHours(12), back.used());
    assertEquals(at("2025-01-08T17:00:00Z"), back.due());
    assertFalse(back.breached());
  }

  @Test
  void withADataOwnerTheClockStopsAndABreachIsDatedWhenItHappened() {
    Instant received = at("2024-01-15T09:00:00Z");
    List<ServiceClock.Change> changes =
        List.of(
            new ServiceClock.Change(received, TicketState.Kind.QUEUED),
            new ServiceClock.Change(at("2024-01-15T12:00:00Z"), TicketState.Kind.WITH_DATA_OWNER),
            new ServiceClock.Change(at("2024-01-29T09:00:00Z"), TicketState.Kind.APPROVED));
    ServiceClock.Status owner =
        sla.clock().status(received, changes.subList(0, 2), at("2024-01-26T09:00:00Z"));
    assertEquals(Duration.ofHours(3), owner.used());
    ServiceClock.Status late = sla.clock().status(received, changes, at("2024-02-06T09:00:00Z"));
    assertTrue(late.breached());
    // 3 h before the owner, then 37 h from Monday 29 January 09:00: Friday 2 February 14:00
    assertEquals(at("2024-02-02T14:00:00Z"), late.due());
  }

  /**
   * The clock's stopped states come from the states themselves: every one of them, none forgotten.
   */
  @Test
  void theClockRunsOnlyInTheStatesWhereTheOfficersHaveTheNextMove() {
    Instant received = at("2024-01-15T09:00:00Z");
    Set<TicketState.Kind> running = EnumSet.noneOf(TicketState.Kind.class);
    for (TicketState.Kind kind : TicketState.Kind.values()) {
      ServiceClock.Status s =
          sla.clock()
              .status(
                  received,
                  List.of(new ServiceClock.Change(at("2024-01-15T10:00:00Z"), kind)),
                  at("2024-01-15T12:00:00Z"));
      assertEquals(kind, s.state());
      if (s.running()) running.add(kind);
      assertEquals(s.running() ? Duration.ofHours(3) : Duration.ofHours(1), s.used(), kind.name());
    }
    assertEquals(
        EnumSet.of(
            TicketState.Kind.QUEUED,
            TicketState.Kind.CHECKING,
            TicketState.Kind.CHECKED,
            TicketState.Kind.APPROVED),
        running);
  }
}

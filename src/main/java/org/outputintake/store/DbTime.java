package org.outputintake.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the database stores them: UTC, always with six fractional digits ({@code
 * 2024-01-16T10:00:00.000000Z}). The columns are text and are compared and ordered as text (queue
 * order, outbox due times, the per-sender reply cap), which is only right when every value has the
 * same width: {@link Instant#toString()} drops zero fractions, and "10:00:00.5Z" would sort before
 * "10:00:00Z".
 */
public final class DbTime {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private DbTime() {}

  public static String of(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  /** Reads both this form and the variable-width form older rows may hold. */
  public static Instant parse(String text) {
    return text == null ? null : Instant.parse(text);
  }
}

package org.outputintake.scan;

import java.util.Locale;

/** How much a finding matters. Only {@link #BLOCKER} makes {@code check} exit 1. */
public enum Severity {
  BLOCKER,
  WARNING,
  INFO;

  /** The lower-case name used in JSON, templates and text reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package org.outputintake.project;

import java.util.Locale;

/**
 * Whether a project has the special permission to hold indirect identifiers (seed 002: generally
 * not permitted in the SRS, sometimes permissible with special permission). Registry column {@code
 * indirect_identifiers}; a row that leaves it empty has no such permission.
 */
public enum IndirectIdentifiers {
  PERMITTED,
  NOT_PERMITTED;

  /** The registry's spelling: {@code permitted} or {@code not-permitted}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

package org.outputintake.form;

import java.util.Locale;

/** A yes/no answer on the form; {@link #UNANSWERED} when the cell is empty or not understood. */
public enum Answer {
  YES,
  NO,
  NOT_APPLICABLE,
  UNANSWERED;

  public static Answer parse(String raw) {
    if (raw == null) return UNANSWERED;
    String s = raw.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) return UNANSWERED;
    if (Ticks.isTicked(s)) return YES;
    if (s.matches("n/?a|not applicable|none")) return NOT_APPLICABLE;
    if (s.matches("(no|n|false|0)\\b.*|☐|□|\\[\\s*]")) return NO;
    return UNANSWERED;
  }

  public boolean isAnswered() {
    return this != UNANSWERED;
  }

  /** The words the form uses for this answer; empty when unanswered. */
  public String formText() {
    return switch (this) {
      case YES -> "Yes";
      case NO -> "No";
      case NOT_APPLICABLE -> "N/A";
      case UNANSWERED -> "";
    };
  }
}

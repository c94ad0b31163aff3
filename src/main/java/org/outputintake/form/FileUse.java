package org.outputintake.form;

import java.util.Locale;

/** Whether a listed file is for output or supporting material that stays in the TRE. */
public enum FileUse {
  OUTPUT,
  SUPPORTING,
  UNANSWERED;

  public static FileUse parse(String raw) {
    if (raw == null) return UNANSWERED;
    String s = raw.strip().toLowerCase(Locale.ROOT);
    // "not for output" names the word output, so supporting is decided first
    if (s.contains("support") || s.contains("not for output") || s.contains("reference only"))
      return SUPPORTING;
    if (s.contains("output") || s.equals("release")) return OUTPUT;
    return UNANSWERED;
  }

  public String formText() {
    return switch (this) {
      case OUTPUT -> "Output";
      case SUPPORTING -> "Supporting";
      case UNANSWERED -> "";
    };
  }
}

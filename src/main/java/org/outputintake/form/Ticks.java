package org.outputintake.form;

import java.util.regex.Pattern;

/**
 * How a tick box on a form reads: ☒, [X], X, Yes, TRUE... count as ticked; anything else does not.
 */
final class Ticks {
  static final String TICKED = "☒";
  static final String UNTICKED = "☐";
  private static final Pattern TICKED_VALUE =
      Pattern.compile("(?i)[☒☑✓✔✅]|\\[\\s*[x✓✔]\\s*]|x|y|yes|true|1|ticked|agreed?|confirmed?");
  private static final Pattern LEADING_BOX =
      Pattern.compile("^\\s*([☒☑✓✔✅☐□]|\\[\\s*[xX✓✔]?\\s*])\\s*");

  private Ticks() {}

  static boolean isTicked(String value) {
    return value != null && TICKED_VALUE.matcher(value.strip()).matches();
  }

  /**
   * A box written in front of the text ("☒ I confirm..."): ticked, unticked, or null when there is
   * none.
   */
  static Boolean leadingBox(String text) {
    var m = LEADING_BOX.matcher(text);
    if (!m.find()) return null;
    return isTicked(m.group(1));
  }

  static String withoutLeadingBox(String text) {
    return LEADING_BOX.matcher(text).replaceFirst("");
  }
}

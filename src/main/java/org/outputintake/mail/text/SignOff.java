package org.outputintake.mail.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A sign-off written without the {@code -- } marker, as Outlook users write it: a closing line
 * ("Kind regards,", "Many thanks", "Diolch") followed by a short block of name, role, phone and
 * disclaimer lines. Researchers and data owners are sent an officer's words, never her direct line,
 * so the block is recognised and kept with the signature.
 *
 * <p>Only the end of the new text is read, and only a closing on a line of its own: "Thanks for the
 * files" opens a sentence, and a message that is nothing but "Thanks!" stays what was written.
 */
final class SignOff {
  private static final String CLOSINGS =
      "(kind|warm|warmest|best|with best|with kind)\\s+regards|regards|many thanks|thanks( again)?"
          + "|thank you|with thanks|best wishes|with best wishes|all the best|best|cheers"
          + "|yours (sincerely|faithfully)|sincerely|speak soon"
          + "|diolch( yn fawr( iawn)?)?|cofion( gorau| cynnes)?|(yr eiddoch )?yn gywir|hwyl( fawr)?";
  // "Kind regards," / "Many thanks!" / "Kind regards, Alice Officer": a name after the comma is
  // capitalised, so "Thanks, will do." stays a sentence
  private static final Pattern CLOSING_LINE =
      Pattern.compile(
          "^(?i:"
              + CLOSINGS
              + ")\\s*[!.]*\\s*(,\\s*(\\p{Lu}[\\p{L}'.-]*(\\s\\p{Lu}[\\p{L}'.-]*){0,3})?)?\\s*[!.]*$");
  private static final Pattern DISCLAIMER =
      Pattern.compile(
          "(?i).*(confidential|intended recipient|disclaimer|privileged|cyfrinachol|virus|"
              + "please consider the environment|this e-?mail).*");
  private static final int MAX_BLOCK_LINES = 15;
  private static final int MAX_SHORT_LINE = 80;

  private SignOff() {}

  /**
   * Where the sign-off starts among {@code lines} (the sender's own text, in order), or -1 when the
   * text does not end with one.
   */
  static int start(List<String> lines) {
    int firstText = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        firstText = i;
        break;
      }
    }
    for (int i = lines.size() - 1; i > firstText && firstText >= 0; i--) {
      String t = lines.get(i).strip();
      if (t.isEmpty()) continue;
      if (isClosing(t) && blockAfter(lines.subList(i + 1, lines.size()))) return i;
    }
    return -1;
  }

  static boolean isClosing(String strippedLine) {
    return CLOSING_LINE.matcher(strippedLine).matches();
  }

  /** Name, role, phone and disclaimer lines: few, short or plainly a disclaimer, no command. */
  private static boolean blockAfter(List<String> block) {
    List<String> text = block.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (text.size() > MAX_BLOCK_LINES) return false;
    for (String l : text) {
      if (l.startsWith("#")) return false;
      if (l.length() > MAX_SHORT_LINE && !DISCLAIMER.matcher(l).matches()) return false;
    }
    return true;
  }
}

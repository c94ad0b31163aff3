package org.outputintake.text;

import java.util.Objects;

/**
 * A template fact that is several lines of text, such as what a researcher or an officer wrote. A
 * mail template shows it with its line breaks ({@link OutsideText#block}); every other fact is one
 * line ({@link OutsideText#line}), so a value that arrives with line breaks in it (a file name, a
 * subject) cannot add lines of its own to a mail.
 */
public record TextBlock(String text) {
  public TextBlock {
    Objects.requireNonNull(text, "text");
  }

  public static TextBlock of(String text) {
    return new TextBlock(text == null ? "" : text);
  }

  public boolean isBlank() {
    return text.isBlank();
  }

  @Override
  public String toString() {
    return OutsideText.block(text);
  }
}

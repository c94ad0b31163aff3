package org.outputintake.form;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The declarations of the ingest and transfer forms (seed 002 section 2: no direct identifiers
 * ever, indirect ones only with special permission, nothing superfluous). Recognised by key words,
 * as the output form's are.
 */
public enum DataDeclaration {
  NO_DIRECT_IDENTIFIERS(
      "The files contain no direct identifiers (names, addresses, NHS or National Insurance numbers,"
          + " email addresses, phone numbers or the like).",
      "the files contain no direct identifiers",
      "\\bdirect identif"),
  INDIRECT_ONLY_WITH_PERMISSION(
      "The files contain indirect identifiers (postcodes, dates of birth and the like) only where"
          + " the project has special permission for them.",
      "indirect identifiers only with the project's special permission",
      "\\bindirect\\b"),
  ONLY_WHAT_IS_NEEDED(
      "The files hold only the files, data and variables the project needs: nothing superfluous.",
      "only the files, data and variables the project needs",
      "\\b(superfluous|needs|minimisation)\\b");

  /** The indirect declaration mentions "identifiers" too, so it is looked for first. */
  private static final DataDeclaration[] MATCH_ORDER = {
    INDIRECT_ONLY_WITH_PERMISSION, NO_DIRECT_IDENTIFIERS, ONLY_WHAT_IS_NEEDED
  };

  private final String text;
  private final String plainWords;
  private final Pattern keyWords;

  DataDeclaration(String text, String plainWords, String keyWords) {
    this.text = text;
    this.plainWords = plainWords;
    this.keyWords = Pattern.compile(keyWords);
  }

  public String text() {
    return text;
  }

  public String plainWords() {
    return plainWords;
  }

  /** The declaration a sentence states; headers and short texts are never declarations. */
  static Optional<DataDeclaration> recognise(String text) {
    if (text == null || text.strip().split("\\s+").length < 5) return Optional.empty();
    String words = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    for (DataDeclaration d : MATCH_ORDER) {
      if (d.keyWords.matcher(words).find()) return Optional.of(d);
    }
    return Optional.empty();
  }
}

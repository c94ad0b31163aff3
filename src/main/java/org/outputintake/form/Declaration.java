package org.outputintake.form;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The declarations a researcher ticks on the output request form. {@link #text()} is the wording
 * printed on the blank form; {@link #plainWords()} is used in messages. Recognition is by key
 * words, because researchers and older form versions word the declarations slightly differently.
 */
public enum Declaration {
  IN_SCOPE(
      "The outputs are within the scope and permissions of the project.",
      "the outputs are within the project's scope and permissions",
      "\\b(scope|permissions?|permitted)\\b"),
  UNDERLYING_COUNTS(
      "All underlying unweighted counts are provided with the outputs.",
      "all underlying unweighted counts are provided",
      "\\b(underlying|unweighted)\\b"),
  NO_HIDDEN_CONTENT(
      "There are no hidden rows, columns, sheets or other hidden content.",
      "there are no hidden rows, columns, sheets or other hidden content",
      "\\bhidden\\b"),
  NO_DIRECT_IDENTIFIERS(
      "The outputs contain no direct identifiers.",
      "the outputs contain no direct identifiers",
      "\\bidentif(y|iers?|ying|iable)\\b"),
  CODE_CLEAN(
      "Code files are annotated and contain no data, identifiers or server names.",
      "code files are annotated and free of data, identifiers and server names",
      "\\bcode\\b"),
  NO_AI_ML(
      "The outputs are not AI or machine learning models or model outputs.",
      "the outputs are not AI or machine learning models or their outputs",
      "\\b(ai|ml|machine learning|artificial intelligence)\\b");

  /**
   * Checked in this order: a code declaration mentions identifiers, a counts one may mention scope.
   */
  private static final Declaration[] MATCH_ORDER = {
    CODE_CLEAN, NO_AI_ML, NO_HIDDEN_CONTENT, UNDERLYING_COUNTS, NO_DIRECT_IDENTIFIERS, IN_SCOPE
  };

  private final String text;
  private final String plainWords;
  private final Pattern keyWords;

  Declaration(String text, String plainWords, String keyWords) {
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

  /**
   * The declaration a piece of form text states, if any. Short texts are ignored so a column header
   * such as "Code" or "Hidden" is not taken for a declaration.
   */
  public static java.util.Optional<Declaration> recognise(String text) {
    if (text == null) return java.util.Optional.empty();
    String words = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    // a sentence, not a header or a file name such as code_for_hidden_rows.R
    if (words.length() < 20 || text.strip().split("\\s+").length < 4)
      return java.util.Optional.empty();
    for (Declaration d : MATCH_ORDER) {
      if (d.keyWords.matcher(words).find()) return java.util.Optional.of(d);
    }
    return java.util.Optional.empty();
  }
}

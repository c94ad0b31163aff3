package org.outputintake.scan.code;

import java.util.Locale;

/**
 * How a language writes comments and strings, which is all the code checks need to know about it.
 */
// the arrays are set once in the constructor and never handed out
@SuppressWarnings("ImmutableEnumChecker")
enum Language {
  HASH(new String[] {"#"}, false, true),
  C_LIKE(new String[] {"//"}, true, true),
  STATA(new String[] {"*", "//"}, true, false),
  SAS(new String[] {"*"}, true, false),
  SPSS(new String[] {"*", "comment"}, false, false),
  SQL(new String[] {"--"}, true, false),
  MATLAB(new String[] {"%"}, false, true),
  LUA(new String[] {"--"}, false, true),
  BASIC(new String[] {"'", "rem "}, false, false),
  BATCH(new String[] {"rem ", "::"}, false, false);

  final String[] lineComments;
  final boolean blockComments;

  /**
   * Whether a backslash escapes in strings, so that a UNC path is written with four backslashes.
   */
  final boolean escapes;

  Language(String[] lineComments, boolean blockComments, boolean escapes) {
    this.lineComments = lineComments;
    this.blockComments = blockComments;
    this.escapes = escapes;
  }

  static Language of(String extension) {
    return switch (extension.toLowerCase(Locale.ROOT)) {
      case "js",
          "ts",
          "jsx",
          "tsx",
          "java",
          "c",
          "cpp",
          "h",
          "go",
          "rs",
          "kt",
          "scala",
          "php",
          "stan" ->
          C_LIKE;
      case "do", "ado" -> STATA;
      case "sas" -> SAS;
      case "sps" -> SPSS;
      case "sql" -> SQL;
      case "m" -> MATLAB;
      case "lua" -> LUA;
      case "vb", "vba", "bas" -> BASIC;
      case "bat", "cmd" -> BATCH;
      default -> HASH;
    };
  }

  /** Whether a trimmed line starts with a line comment. */
  boolean isLineComment(String trimmed) {
    for (String marker : lineComments) {
      if (trimmed.regionMatches(true, 0, marker, 0, marker.length())) return true;
    }
    return false;
  }

  /** Whether a code line also carries a trailing comment, which counts as annotation. */
  boolean hasTrailingComment(String line) {
    for (String marker : lineComments) {
      if (marker.length() >= 2 || this == HASH || this == MATLAB) {
        if (line.contains(marker)) return true;
      }
    }
    return blockComments && line.contains("/*");
  }
}

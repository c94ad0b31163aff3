package org.outputintake.scan.code;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outputintake.scan.Finding;
import org.outputintake.scan.FindingCollector;
import org.outputintake.scan.Severity;
import org.outputintake.scan.identifier.IdentifierFinder;
import org.outputintake.scan.identifier.Mask;

/**
 * The SRS rules for code files (seed 002): no server names, no searches for one person or business,
 * no data, and enough comments to follow. One instance reads one file line by line.
 */
final class CodeRules {
  static final int MAX_LINE_FOR_PATTERNS = 4_000;
  static final int VECTOR_LIMIT = 20;
  private static final Pattern UNC =
      Pattern.compile("(\\\\{2,}+)([A-Za-z0-9][A-Za-z0-9_.$-]{0,62}+)\\\\");
  private static final Pattern UNC_SLASH =
      Pattern.compile("[\"'](?://|\\\\\\\\)([A-Za-z0-9][A-Za-z0-9_.$-]{1,62}+)/");
  private static final Pattern DRIVE =
      Pattern.compile("(?<![A-Za-z0-9_])([D-Zd-z]):(?:\\\\{1,2}+|/)[A-Za-z0-9_$]");
  private static final Pattern COMPARE =
      Pattern.compile(
          "([A-Za-z_][A-Za-z0-9_.]{0,80}+)['\"]?\\]?\\s*+(==|%in%|\\beq\\b|=)\\s*+(?:c\\(\\s*+|\\[\\s*+)?"
              + "(\"[^\"\\n]{1,60}+\"|'[^'\\n]{1,60}+'|-?\\d{1,18}+\\b)");
  private static final Pattern ENTITY =
      Pattern.compile(
          "(?i)(?:id|pid|patid|nhs\\w*|nino|ni_?num\\w*|ni_?no|upn|uprn"
              + "|ruref|entref|luref|crn|company_?(?:num\\w*|no|reg\\w*)|postcode|post_code|surname|forename|first_?name"
              + "|last_?name|full_?name|name|(?:[a-z0-9]+_)?(?:person|patient|pat|pupil|child|student|hh|household"
              + "|respondent|individual|resident|member|client|customer|employee|claimant|firm|company|business|enterprise"
              + "|pseudo|encrypted|hashed|unique)_?id)");
  private static final Pattern SQL_CONTEXT = Pattern.compile("(?i)\\b(where|and|or|if)\\b");
  private static final Pattern READ_TEXT =
      Pattern.compile(
          "(?i)\\b(?:read\\.(?:table|csv2?|delim2?)|fread|read_csv2?|read_delim|read_table|read_tsv)\\s*+\\(\\s*+text\\s*+=");
  private static final Pattern STRING_IO =
      Pattern.compile("\\b(?:StringIO|textConnection)\\s*+\\(");
  private static final Pattern DATA_BLOCK =
      Pattern.compile(
          "(?i)^\\s*+(?:datalines4?|cards4?|lines4?|parmcards)\\s*+;|^\\s*+begin\\s++data\\b|^\\s*+input\\s++[A-Za-z_]");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

  private final Language language;
  private final FindingCollector out;
  private final IdentifierFinder finder = new IdentifierFinder();
  private boolean inBlockComment;
  private int numericRun;
  private String numericRunStart;
  private boolean numericRunReported;
  long codeLines;
  long commentLines;

  CodeRules(Language language, FindingCollector out) {
    this.language = language;
    this.out = out;
  }

  /** One line of code; {@code where} locates it ("line 12" or "cell 3, line 2"). */
  void line(String line, String where) {
    String t = line.strip();
    if (t.isEmpty()) return;
    identifiers(line, where);
    if (comment(t)) {
      commentLines++;
      return;
    }
    codeLines++;
    if (language.hasTrailingComment(line)) commentLines++;
    if (line.length() > MAX_LINE_FOR_PATTERNS) {
      embeddedVector(line.substring(0, MAX_LINE_FOR_PATTERNS), where);
      return;
    }
    serverPaths(line, where);
    entitySearch(line, where);
    embeddedData(line, where);
    embeddedVector(line, where);
  }

  /** Markdown in a notebook documents the code as comments do. */
  void documentation(String line, String where) {
    if (line.isBlank()) return;
    commentLines++;
    identifiers(line, where);
  }

  private boolean comment(String t) {
    if (language.blockComments) {
      if (inBlockComment) {
        if (t.contains("*/")) inBlockComment = false;
        return true;
      }
      if (t.startsWith("/*")) {
        inBlockComment = !t.contains("*/");
        return true;
      }
    }
    return language.isLineComment(t);
  }

  private void identifiers(String line, String where) {
    finder.scanLine(
        line, null, (kind, masked) -> out.add(IdentifierFinder.finding(kind, where, masked)));
  }

  private void serverPaths(String line, String where) {
    if (line.indexOf('\\') >= 0) {
      Matcher m = UNC.matcher(line);
      while (m.find()) {
        int slashes = m.group(1).length();
        boolean raw =
            m.start() >= 2
                && (line.charAt(m.start() - 2) == 'r' || line.charAt(m.start() - 2) == 'R')
                && (line.charAt(m.start() - 1) == '"' || line.charAt(m.start() - 1) == '\'');
        int needed = language.escapes && !raw ? 4 : 2;
        String server = m.group(2);
        if (slashes >= needed
            && server.length() >= (slashes >= 4 ? 1 : 2)
            && !server.equalsIgnoreCase("P")) {
          serverPath(where, server);
        }
      }
    }
    if (line.contains("//") || line.contains("\\\\")) {
      Matcher m = UNC_SLASH.matcher(line);
      while (m.find()) {
        if (!m.group(1).equalsIgnoreCase("P")) serverPath(where, m.group(1));
      }
    }
    if (line.indexOf(':') > 0) {
      Matcher m = DRIVE.matcher(line);
      while (m.find()) {
        out.add(
            new Finding(
                "CODE_SERVER_PATH",
                Severity.BLOCKER,
                where,
                "A path on mapped network drive "
                    + m.group(1).toUpperCase(Locale.ROOT)
                    + ": reveals the SRS file "
                    + "layout. Use a relative path or the proxy \\\\P\\ instead.",
                m.group(1) + ":\\..."));
      }
    }
  }

  private void serverPath(String where, String server) {
    out.add(
        new Finding(
            "CODE_SERVER_PATH",
            Severity.BLOCKER,
            where,
            "A network path names a server. Remove the server name or use the proxy \\\\P\\ "
                + "(for example \\\\P\\Ready for checking).",
            "\\\\" + Mask.generic(server) + "\\..."));
  }

  private void entitySearch(String line, String where) {
    boolean eq = line.contains("==") || line.contains("%in%") || line.contains(" eq ");
    boolean sql = line.indexOf('=') >= 0 && SQL_CONTEXT.matcher(line).find();
    if (!eq && !sql) return;
    Matcher m = COMPARE.matcher(line);
    while (m.find()) {
      String name = m.group(1);
      int dot = name.lastIndexOf('.');
      if (dot >= 0) name = name.substring(dot + 1);
      if (m.group(2).equals("=")
          && (!sql || m.start(2) > 0 && "!<>:=".indexOf(line.charAt(m.start(2) - 1)) >= 0)) {
        continue;
      }
      if (ENTITY.matcher(name).matches()) {
        out.add(
            new Finding(
                "CODE_ENTITY_SEARCH",
                Severity.BLOCKER,
                where,
                "The code selects a single "
                    + (name.toLowerCase(Locale.ROOT).contains("name") ? "named " : "")
                    + "person or business by its identifier ('"
                    + name
                    + "'). Code must not search for "
                    + "individual entities: remove this selection.",
                name + " " + m.group(2) + " " + mask(m.group(3))));
      }
    }
  }

  private static String mask(String literal) {
    String inner = literal.replaceAll("^['\"]|['\"]$", "");
    return Mask.generic(inner);
  }

  private void embeddedData(String line, String where) {
    if (READ_TEXT.matcher(line).find()
        || STRING_IO.matcher(line).find()
        || DATA_BLOCK.matcher(line).find()) {
      out.add(
          new Finding(
              "CODE_EMBEDDED_DATA",
              Severity.BLOCKER,
              where,
              "The code carries a dataset in its text (read from a string, datalines/cards, BEGIN DATA or an input "
                  + "block). Code files must not contain data: read it from the project's data instead.",
              ""));
    }
  }

  /**
   * Long runs of numeric literals, across lines: data typed into the code rather than parameters.
   */
  private void embeddedVector(String line, String where) {
    int numbers = 0;
    int commas = 0;
    boolean other = false;
    Matcher m = NUMBER.matcher(line);
    int last = 0;
    while (m.find()) {
      numbers++;
      if (!separatorsOnly(line, last, m.start(), numbers == 1)) other = true;
      last = m.end();
    }
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ',') commas++;
    }
    if (numbers >= 2 && commas >= numbers - 1 && !other) {
      if (numericRun == 0) numericRunStart = where;
      numericRun += numbers;
    } else if (numbers >= 2 && commas >= numbers - 1 && numbers >= VECTOR_LIMIT) {
      numericRun = numbers;
      numericRunStart = where;
    } else {
      numericRun = 0;
      numericRunReported = false;
      return;
    }
    if (numericRun >= VECTOR_LIMIT && !numericRunReported) {
      numericRunReported = true;
      out.add(
          new Finding(
              "CODE_EMBEDDED_DATA",
              Severity.WARNING,
              numericRunStart,
              "A list of "
                  + VECTOR_LIMIT
                  + " or more numbers is typed into the code. If these are data (values, "
                  + "counts, results) remove them; if they are parameters such as cut-points, say so in a comment.",
              ""));
    }
  }

  /**
   * Whether only list punctuation lies between two numbers; before the first number anything may
   * come as long as it opens a list ({@code x <- c(}, {@code v = [}, {@code np.array([}).
   */
  private static boolean separatorsOnly(String line, int from, int to, boolean first) {
    if (first) {
      String head = line.substring(from, to).stripTrailing();
      return head.isEmpty()
          || head.endsWith("(")
          || head.endsWith("[")
          || head.endsWith("{")
          || head.endsWith(",");
    }
    for (int i = from; i < to; i++) {
      if (" \t,[](){}".indexOf(line.charAt(i)) < 0) return false;
    }
    return true;
  }

  /** The annotation finding, if the file is long and has too few comments. */
  void finish() {
    if (codeLines > 20 && commentLines * 20 < codeLines) {
      out.add(
          new Finding(
              "CODE_NOT_ANNOTATED",
              Severity.WARNING,
              "",
              "The code has "
                  + codeLines
                  + " lines but only "
                  + commentLines
                  + " comment line"
                  + (commentLines == 1 ? "" : "s")
                  + ". Add comments that describe what each step does and its "
                  + "intended outcome (at least one per 20 lines of code).",
              ""));
    }
  }
}

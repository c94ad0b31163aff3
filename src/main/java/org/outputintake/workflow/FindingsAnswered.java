package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outputintake.scan.Severity;
import org.outputintake.ticket.TicketFiles;

/**
 * A pass on a submission the scanners blocked must say why each blocker is acceptable: a line
 * starting with the finding's code and a reason ({@code LOW_COUNT: the cell is a total published by
 * ONS}), or an explicit override on the first line ({@code #pass override: <reason>}). The reasons
 * are the verdict's notes, so they are recorded with it and shown to the other checker only when
 * both verdicts are in (blind checks).
 */
public final class FindingsAnswered {
  /** The word that passes whatever the findings, with a reason after it. */
  public static final String OVERRIDE = "override";

  private static final Pattern OVERRIDE_LINE =
      Pattern.compile("(?i)^\\s*" + OVERRIDE + "\\s*[:\\-]?\\s*(\\S.*)$");
  private static final Pattern CODE_LINE =
      Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9_]*)\\s*[:\\-]\\s*(\\S.*)$");

  private FindingsAnswered() {}

  /** The blocker codes of the ticket's latest submission, in the order found. */
  public static Set<String> blockers(Connection c, String ticketId) throws SQLException {
    Set<String> codes = new LinkedHashSet<>();
    for (TicketFiles.StoredFinding f : TicketFiles.latestFindings(c, ticketId)) {
      if (f.finding().severity() == Severity.BLOCKER) codes.add(f.finding().code());
    }
    return codes;
  }

  /**
   * @throws Refused naming every blocker the verdict's text leaves unanswered, and how to answer
   */
  public static void require(Set<String> blockers, String text) {
    if (blockers.isEmpty()) return;
    List<String> lines = (text == null ? "" : text).lines().toList();
    if (!lines.isEmpty() && OVERRIDE_LINE.matcher(lines.get(0)).matches()) return;
    Set<String> answered = new LinkedHashSet<>();
    for (String line : lines) {
      Matcher m = CODE_LINE.matcher(line);
      if (m.matches()) answered.add(m.group(1).toUpperCase(Locale.ROOT));
    }
    List<String> missing = new ArrayList<>();
    for (String code : blockers) if (!answered.contains(code)) missing.add(code);
    if (missing.isEmpty()) return;
    throw new Refused(
        "the automatic checks found blockers in this submission ("
            + String.join(", ", blockers)
            + "), and your verdict does not say why "
            + (missing.size() == 1 ? "this one is" : "these are")
            + " acceptable: "
            + String.join(", ", missing)
            + ". Nothing was recorded. Reply with #pass and, on the lines below it, one line per"
            + " finding code with your reason, e.g.\n\n#pass\n"
            + missing.get(0)
            + ": <why it is not disclosive>\n\nor, to pass whatever the findings, #pass "
            + OVERRIDE
            + ": <your reason>. Your reasons are shown to the other checker once both verdicts are"
            + " in.");
  }
}

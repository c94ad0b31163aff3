package org.outputintake.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.outputintake.intake.PollStatus;
import org.outputintake.mail.oauth2.OAuth2Status;
import org.outputintake.store.Database;
import org.outputintake.text.OutsideText;

/**
 * What {@code GET /health} answers: healthy while the database answers, the last inbox poll
 * succeeded (on the instance holding a mailbox lease; a standby's polls do not count) and no OAuth2
 * login is refused. Each line says one part's state; a failing part says why and since when, never
 * a secret, a token or a server's own words that might carry them.
 *
 * @param lines one per part, in a fixed order
 */
record Health(Verdict verdict, List<String> lines) {
  enum Verdict {
    HEALTHY,
    UNHEALTHY
  }

  Health {
    Objects.requireNonNull(verdict, "verdict");
    lines = List.copyOf(lines);
  }

  /** Whether this instance reads a mailbox now or waits to take one over. */
  enum Role {
    HOLDER,
    STANDBY
  }

  static Health check(Database db, PollStatus poll, Map<String, OAuth2Status> oauth2) {
    return check(db, Map.of("", poll), oauth2);
  }

  /** A standby's polls do not count: its readiness is the database's (it takes over through it). */
  static Health check(Database db, PollStatus poll, Role role, Map<String, OAuth2Status> oauth2) {
    return check(db, role == Role.HOLDER ? Map.of("", poll) : Map.of(), oauth2);
  }

  /**
   * @param polls the polls of each mailbox this instance holds, by its key: the health fails when
   *     any of them fails, and its line names the mailbox (one mailbox alone is not named); none
   *     held is a standby, whose readiness is the database's
   */
  static Health check(
      Database db, Map<String, PollStatus> polls, Map<String, OAuth2Status> oauth2) {
    List<String> lines = new ArrayList<>();
    boolean ok = database(db, lines);
    for (Map.Entry<String, PollStatus> p : polls.entrySet())
      ok &= poll(polls.size() == 1 ? "" : " " + p.getKey(), p.getValue().current(), lines);
    if (polls.isEmpty())
      lines.add("inbox poll: standby (another instance holds the mailbox lease)");
    for (Map.Entry<String, OAuth2Status> e : oauth2.entrySet()) {
      OAuth2Status s = e.getValue();
      if (s.healthy()) {
        lines.add(
            "oauth2 " + e.getKey() + ": " + s.state().name().toLowerCase(java.util.Locale.ROOT));
      } else {
        ok = false;
        lines.add(
            "oauth2 "
                + e.getKey()
                + ": "
                + s.state().name().toLowerCase(java.util.Locale.ROOT)
                + s.problem().map(p -> " (" + OutsideText.line(p) + ")").orElse("")
                + "; check the keys under "
                + s.section());
      }
    }
    return new Health(ok ? Verdict.HEALTHY : Verdict.UNHEALTHY, lines);
  }

  private static boolean database(Database db, List<String> lines) {
    try {
      db.read(c -> c.isValid(5));
      lines.add("database: answering");
      return true;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      lines.add("database: not answering (" + cause.getClass().getSimpleName() + ")");
      return false;
    }
  }

  private static boolean poll(String mailbox, PollStatus.State state, List<String> lines) {
    String name = "inbox poll" + mailbox + ": ";
    if (state instanceof PollStatus.Succeeded s) {
      lines.add(name + "last succeeded at " + s.at());
      return true;
    }
    if (state instanceof PollStatus.Failing f) {
      lines.add(name + "failing since " + f.since() + " (" + f.errorClass() + ")");
    } else {
      lines.add(name + "none finished yet since the start");
    }
    return false;
  }

  String body() {
    return (verdict == Verdict.HEALTHY ? "ok" : "unhealthy")
        + "\n"
        + String.join("\n", lines)
        + "\n";
  }
}

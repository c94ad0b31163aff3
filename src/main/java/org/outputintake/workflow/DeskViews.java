package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.outputintake.config.WorkflowSettings;
import org.outputintake.scan.identifier.IdentifierFinder;
import org.outputintake.sla.ServiceLevel;
import org.outputintake.ticket.KindCounts;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.ticket.TicketState;

/**
 * What the desk looks at, as lines of text: the queue, a ticket's summary, an officer's tickets, a
 * search. One home for the terminal ({@code tickets list --queue}, {@code tickets show}, {@code
 * tickets search}) and the mail ({@code #queue}, {@code #show}, {@code #mine}, {@code #find}), so
 * both say the same and both keep verdicts blind. Outside text is neutralised where it is shown
 * (the terminal's writer, the mail's templates); identifier values in subjects are masked here.
 */
public final class DeskViews {
  private static final String ROW = "%-4s %-12s %-10s %-6s %-34s %-30s %s";
  // the ticket column widened for "STATS10002 [transfer]" where kinds are named
  private static final String ROW_KINDS = "%-4s %-23s %-10s %-6s %-34s %-30s %s";
  private static final String FOUND = "%-12s %-16s %-10s %-34s %s";
  private final Connection c;
  private final TicketRepository tickets;
  private final IdentifierFinder identifiers = new IdentifierFinder();

  private final WorkflowSettings.Checkers counts;

  public DeskViews(Connection c, TicketRepository tickets, WorkflowSettings.Checkers counts) {
    this.c = c;
    this.tickets = tickets;
    this.counts = counts;
  }

  /**
   * Queued tickets in order of receipt, with position, age and who holds them; then the tickets
   * being checked that need a checker (one slot free), oldest first.
   */
  public List<String> queue(Instant now) throws SQLException {
    List<Ticket> open = tickets.list(c);
    List<Ticket> queued =
        open.stream()
            .filter(t -> t.state() instanceof TicketState.Queued)
            .sorted(
                Comparator.comparing((Ticket t) -> t.state().since())
                    .thenComparing(t -> t.id().number()))
            .toList();
    List<Ticket> halfHeld = new ArrayList<>();
    for (String id : WorkflowStore.needingChecker(c, Integer.MAX_VALUE, counts)) {
      open.stream()
          .filter(t -> t.idText().equals(id) && !(t.state() instanceof TicketState.Queued))
          .forEach(halfHeld::add);
    }
    List<String> out = new ArrayList<>();
    if (queued.isEmpty()) out.add("The queue is empty.");
    else out.addAll(rows(queued, true, now));
    if (!halfHeld.isEmpty()) {
      out.add("");
      out.add("Being checked, needing a checker (one slot free; #next offers them, oldest first):");
      out.addAll(rows(halfHeld, false, now));
    }
    return out;
  }

  private List<String> rows(List<Ticket> list, boolean positions, Instant now) throws SQLException {
    boolean kinds = TicketRepository.holdsOtherKinds(c);
    String row = kinds ? ROW_KINDS : ROW;
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            row,
            "POS",
            "TICKET",
            "PROJECT",
            "AGE",
            "RESEARCHER",
            "CHECKERS",
            "SUBJECT"));
    int pos = 1;
    for (Ticket t : list) {
      List<String> checkers = WorkflowStore.checkers(c, t.idText());
      Instant since =
          positions
              ? t.state().since()
              : WorkflowStore.queuedAt(c, t.idText()).orElse(t.createdAt());
      out.add(
          String.format(
              Locale.ROOT,
              row,
              positions ? String.valueOf(pos++) : "-",
              t.id() + kindTag(t, kinds),
              t.projectNumber(),
              age(Duration.between(since, now)),
              t.researcher(),
              checkers.isEmpty() ? "-" : String.join(",", checkers),
              subject(t)));
    }
    return out;
  }

  /**
   * A ticket's head as {@code tickets show} begins: subject, state, project, researcher, dates, the
   * mailbox it came to, folder, service level, then its checks ({@link #checks}).
   */
  public List<String> summary(Ticket t, ServiceLevel sla, Instant now) throws SQLException {
    List<String> out = new ArrayList<>();
    out.add(t.id() + "  " + subject(t));
    out.add("  state:      " + t.state().name() + reason(t) + " (since " + t.state().since() + ")");
    out.add("  project:    " + t.projectNumber() + "   policy: " + t.policy());
    out.add("  researcher: " + t.researcher());
    out.add("  requested:  " + t.requestDate() + "   received: " + t.createdAt());
    // with several mailboxes, which one the request came to (and its staff mail leaves from)
    if (t.mailbox() != null) out.add("  mailbox:    " + t.mailbox());
    if (t.folderName() != null) out.add("  folder:     " + t.folderName());
    out.add("  service:    " + sla.line(sla.status(c, t, now)));
    out.addAll(checks(t));
    return out;
  }

  /**
   * Checkers and verdicts: a round's verdicts only once both are in, the same blindness as the
   * mail.
   */
  public List<String> checks(Ticket t) throws SQLException {
    String id = t.idText();
    List<String> checkers = WorkflowStore.checkers(c, id);
    int count = WorkflowStore.verdictCount(c, id, t.round());
    int expected = WorkflowStore.verdictsExpected(c, t, counts);
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "Checks (round %d): checkers %s; verdicts this round: %d of %d%s",
            t.round(),
            checkers.isEmpty() ? "none yet" : String.join(", ", checkers),
            count,
            expected,
            count > 0 && count < WorkflowStore.checksNeeded(counts, t)
                ? " (hidden until both are in)"
                : ""));
    for (WorkflowStore.Verdict v : WorkflowStore.revealedHistory(c, t, counts)) {
      out.add(
          String.format(
              Locale.ROOT,
              "  - round %d %s %s: %s",
              v.round(),
              v.pass() ? "PASS" : "FAIL",
              v.officer(),
              v.notes() == null || v.notes().isBlank()
                  ? "(no notes)"
                  : oneLine(identifiers.maskedText(v.notes()))));
    }
    return out;
  }

  /** How many open tickets {@code officer} holds. */
  public int heldCount(String officer) throws SQLException {
    return DeskQuery.heldBy(c, officer).size();
  }

  /** The open tickets {@code officer} holds, counted by kind. */
  public KindCounts heldByKind(String officer) throws SQLException {
    KindCounts n = KindCounts.none();
    for (String id : DeskQuery.heldBy(c, officer)) {
      n = n.plus(tickets.find(c, id).orElseThrow().kind(), 1);
    }
    return n;
  }

  /**
   * Whether these views name each ticket's kind: once the desk has held a ticket of another kind
   * than output.
   */
  public boolean namesKinds() throws SQLException {
    return TicketRepository.holdsOtherKinds(c);
  }

  /** The open tickets {@code officer} holds, each with what it waits for. */
  public List<String> heldBy(String officer) throws SQLException {
    boolean kinds = TicketRepository.holdsOtherKinds(c);
    List<String> out = new ArrayList<>();
    for (String id : DeskQuery.heldBy(c, officer)) {
      Ticket t = tickets.find(c, id).orElseThrow();
      out.add(
          t.id()
              + kindTag(t, kinds)
              + "  "
              + t.state().name()
              + "  "
              + t.projectNumber()
              + "  "
              + subject(t));
      out.add("    next: " + nextStep(t, officer));
    }
    if (out.isEmpty()) out.add("You hold no open ticket.");
    return out;
  }

  /** " [ingest]" beside an id where the desk names kinds ({@link #namesKinds}), else nothing. */
  static String kindTag(Ticket t, boolean kinds) {
    return kinds ? " [" + t.kind().code() + "]" : "";
  }

  /** What a checker's ticket waits for; their own verdict is theirs to know. */
  private String nextStep(Ticket t, String officer) throws SQLException {
    TicketState s = t.state();
    if (s instanceof TicketState.Queued) return "your verdict: #pass or #fail with your notes";
    if (s instanceof TicketState.Checking) {
      if (WorkflowStore.ownVerdict(c, t.idText(), t.round(), officer).isPresent())
        return "your verdict is in; waiting for the other checker";
      return WorkflowStore.checkers(c, t.idText()).size() < WorkflowStore.checksNeeded(counts, t)
          ? "your verdict (#pass or #fail); a second checker is still needed"
          : "your verdict: #pass or #fail with your notes";
    }
    if (s instanceof TicketState.Checked)
      return "#release, or #owner when a data owner must approve";
    if (s instanceof TicketState.WithDataOwner)
      return "waiting for the data owner's #approve or #deny";
    if (s instanceof TicketState.Approved) return "#release";
    return "waiting for the researcher" + reason(t);
  }

  /**
   * Tickets in which every word appears (id, researcher, project, folder, subject, a file's name,
   * or a note's text), newest first. A note that is a verdict still hidden is not searched: that a
   * ticket matched "#fail" would say what the verdict was.
   */
  public List<String> search(List<String> words, int limit) throws SQLException {
    Set<String> found = null;
    for (String word : words) {
      Set<String> hits = new LinkedHashSet<>(DeskQuery.matching(c, word));
      for (String[] note : DeskQuery.notesMatching(c, word)) {
        if (hits.contains(note[0])) continue;
        Optional<Ticket> t = tickets.find(c, note[0]);
        if (t.isEmpty()) continue;
        BlindVerdicts blind = BlindVerdicts.of(c, t.get(), counts);
        if (!blind.hides(note[1]) && blind.mask(note[1]).equals(note[1])) hits.add(note[0]);
      }
      if (found == null) found = hits;
      else found.retainAll(hits);
    }
    List<Ticket> list = new ArrayList<>();
    for (String id : found == null ? Set.<String>of() : found)
      tickets.find(c, id).ifPresent(list::add);
    list.sort(Comparator.comparing((Ticket t) -> t.id().number()).reversed());
    List<String> out = new ArrayList<>();
    if (list.isEmpty()) {
      out.add("No ticket matches " + String.join(" ", words) + ".");
      return out;
    }
    out.add(
        String.format(Locale.ROOT, FOUND, "TICKET", "STATE", "PROJECT", "RESEARCHER", "SUBJECT"));
    for (Ticket t : list.subList(0, Math.min(limit, list.size()))) {
      out.add(
          String.format(
              Locale.ROOT,
              FOUND,
              t.id(),
              t.state().name(),
              t.projectNumber(),
              t.researcher(),
              subject(t)));
    }
    if (list.size() > limit)
      out.add("(" + (list.size() - limit) + " more: add a word to narrow the search)");
    return out;
  }

  /** A subject as shown: identifier values masked, as in the emails' text. */
  private String subject(Ticket t) {
    return oneLine(identifiers.maskedText(t.subject()));
  }

  private static String reason(Ticket t) {
    String r =
        t.state() instanceof TicketState.Blocked b
            ? b.reason()
            : t.state() instanceof TicketState.Closed cl ? cl.reason() : "";
    return r.isEmpty() ? "" : " - " + r;
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() > 300 ? t.substring(0, 300) + "…" : t;
  }

  private static String age(Duration d) {
    long h = d.toHours();
    return h >= 48 ? d.toDays() + "d" : h >= 1 ? h + "h" : d.toMinutes() + "m";
  }
}

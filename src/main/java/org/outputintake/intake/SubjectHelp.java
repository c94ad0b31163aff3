package org.outputintake.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.outputintake.mail.InboundMessage;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.RequestKind;

/**
 * The answer to a subject we could not read: what was wrong, and for every kind of request the
 * mailbox accepts the subject to write, ready to copy with today's date and the researcher's own
 * project number.
 */
final class SubjectHelp {
  private SubjectHelp() {}

  static IntakeService.Outcome answer(
      IntakeContext ctx,
      InboundMessage m,
      String key,
      RawStore.Stored raw,
      SubjectParser.Invalid invalid,
      List<RequestKind> accepts,
      Instant now) {
    String codes = IntakeService.codes(invalid.problems());
    LocalDate today = LocalDate.ofInstant(now, ctx.config().sla().zone());
    IntakeService.Outcome o =
        new Receipt(
                null,
                "not-a-request",
                "processed",
                codes,
                AuditType.Action.SUBJECT_REJECTED,
                codes + " " + key,
                Optional.of(
                    ctx.composer()
                        .plainReply(
                            "subject-help",
                            m.answering(),
                            facts(ctx.subjects(), invalid, m.subject(), today, accepts),
                            List.of())),
                "subject not understood: " + codes)
            .settle(ctx, m, key, raw, now);
    ctx.events().notARequest(m.from(), m.subject());
    return o;
  }

  static Map<String, Object> facts(
      SubjectParser subjects,
      SubjectParser.Invalid invalid,
      String rawSubject,
      LocalDate today,
      List<RequestKind> accepts) {
    List<Map<String, Object>> kinds = new ArrayList<>();
    for (RequestKind k : accepts) {
      kinds.add(
          Map.of(
              "title",
              k.title(),
              "purpose",
              purpose(k),
              "pattern",
              SubjectParser.pattern(k),
              "example",
              subjects.example(rawSubject, today, k)));
    }
    Map<String, Object> facts = new HashMap<>();
    facts.put("problems", ReplyComposer.rows(invalid.problems(), null));
    facts.put("kinds", kinds);
    facts.put("kindList", kindList(accepts));
    return facts;
  }

  /** "output requests", "ingest requests and transfer requests", ... */
  private static String kindList(List<RequestKind> accepts) {
    List<String> names =
        accepts.stream().map(k -> k.displayName() + "s").collect(Collectors.toList());
    if (names.size() == 1) return names.get(0);
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  /** What each kind is for, in the seeds' words, so a researcher can tell which one they need. */
  private static String purpose(RequestKind kind) {
    return switch (kind) {
      case OUTPUT -> "to take results out of your project";
      case INGEST -> "to bring files into your project from outside the SRS";
      case TRANSFER -> "to copy files from one SRS project to another";
    };
  }
}

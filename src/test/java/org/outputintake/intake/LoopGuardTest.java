package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.outputintake.mail.InboundMessage;

class LoopGuardTest {
  private static final String OWN = "Statistical.Support@example.org";
  private static final String RESEARCHER = "ada.lovelace@uni.example.ac.uk";
  private final LoopGuard guard = new LoopGuard(OWN);

  private static InboundMessage message(String from, Map<String, String> headers) {
    return new InboundMessage(
        "<m1@uni.example.ac.uk>",
        null,
        List.of(),
        from,
        "Ada",
        "16/01/24 Output request",
        Instant.parse("2024-01-16T10:00:00Z"),
        headers,
        "body",
        List.of(),
        List.of());
  }

  @Test
  void normalMessageFromAResearcherMayBeAnswered() {
    assertEquals(
        Optional.empty(),
        guard.reasonNotToReply(
            message(
                RESEARCHER,
                Map.of(
                    "from",
                    "Ada <" + RESEARCHER + ">",
                    "subject",
                    "x",
                    "return-path",
                    "<" + RESEARCHER + ">"))));
  }

  @ParameterizedTest(name = "Auto-Submitted: {0} may be answered")
  @ValueSource(strings = {"no", "No", " NO "})
  void autoSubmittedNoMayBeAnswered(String value) {
    assertEquals(
        Optional.empty(),
        guard.reasonNotToReply(message(RESEARCHER, Map.of("auto-submitted", value))));
  }

  @ParameterizedTest(name = "Auto-Submitted: {0} is not answered")
  @ValueSource(
      strings = {
        "auto-replied",
        "auto-generated",
        "Auto-Replied",
        "auto-notified; owner-email=x@y.org"
      })
  void autoSubmittedMessageIsNotAnswered(String value) {
    Optional<String> reason =
        guard.reasonNotToReply(message(RESEARCHER, Map.of("auto-submitted", value)));
    assertTrue(reason.orElseThrow().startsWith("Auto-Submitted"), reason.toString());
  }

  @ParameterizedTest(name = "Precedence: {0} is not answered")
  @ValueSource(strings = {"bulk", "junk", "list", "Bulk", " auto_reply "})
  void bulkJunkOrListPrecedenceIsNotAnswered(String value) {
    Optional<String> reason =
        guard.reasonNotToReply(message(RESEARCHER, Map.of("precedence", value)));
    assertTrue(reason.orElseThrow().startsWith("Precedence"), reason.toString());
  }

  @Test
  void ordinaryPrecedenceMayBeAnswered() {
    assertEquals(
        Optional.empty(),
        guard.reasonNotToReply(message(RESEARCHER, Map.of("precedence", "first-class"))));
  }

  @Test
  void autoResponseSuppressIsNotAnswered() {
    assertTrue(
        guard
            .reasonNotToReply(message(RESEARCHER, Map.of("x-auto-response-suppress", "All")))
            .orElseThrow()
            .contains("X-Auto-Response-Suppress"));
  }

  @Test
  void mailingListMessageIsNotAnswered() {
    assertTrue(
        guard
            .reasonNotToReply(
                message(RESEARCHER, Map.of("list-id", "<researchers.lists.example.org>")))
            .orElseThrow()
            .contains("List-Id"));
  }

  @ParameterizedTest(name = "Return-Path \"{0}\" is a bounce")
  @ValueSource(strings = {"<>", " <> ", "< >"})
  void emptyReturnPathIsABounce(String value) {
    assertTrue(
        guard
            .reasonNotToReply(message(RESEARCHER, Map.of("return-path", value)))
            .orElseThrow()
            .contains("Return-Path"));
  }

  @ParameterizedTest(name = "{0} is an automatic mailbox")
  @ValueSource(
      strings = {
        "mailer-daemon@uni.example.ac.uk",
        "postmaster@uni.example.ac.uk",
        "noreply@uni.example.ac.uk",
        "no-reply@uni.example.ac.uk",
        "donotreply@uni.example.ac.uk",
        "bounces@lists.example.org"
      })
  void robotSenderIsNotAnswered(String from) {
    assertTrue(
        guard
            .reasonNotToReply(message(from, Map.of()))
            .orElseThrow()
            .contains("automatic mailbox"));
  }

  @Test
  void messageFromOurOwnAddressIsNotAnswered() {
    assertEquals(
        Optional.of("sent from our own address"),
        guard.reasonNotToReply(message("statistical.support@example.org", Map.of())));
  }

  @Test
  void messageCarryingOurLoopHeaderIsNotAnswered() {
    assertEquals(
        Optional.of("our own loop header"),
        guard.reasonNotToReply(message(RESEARCHER, Map.of("x-output-intake-loop", "STATS10001"))));
  }

  @Test
  void messageWithoutUsableSenderIsNotAnswered() {
    assertEquals(
        Optional.of("no usable sender address"), guard.reasonNotToReply(message(null, Map.of())));
  }

  @ParameterizedTest(name = "sender \"{0}\" is not a usable address")
  @CsvSource({"localonly", "'@example.org'"})
  void senderWithoutLocalPartIsNotAnsweredAndDoesNotCrash(String from) {
    assertEquals(
        Optional.of("no usable sender address"), guard.reasonNotToReply(message(from, Map.of())));
  }

  @Test
  void researcherWhoseNameMerelyContainsARobotWordMayBeAnswered() {
    assertEquals(
        Optional.empty(),
        guard.reasonNotToReply(message("postmaster.general@uni.example.ac.uk", Map.of())));
  }

  private static InboundMessage withSubject(String subject) {
    return new InboundMessage(
        "<m1@uni.example.ac.uk>",
        null,
        List.of(),
        RESEARCHER,
        "Ada",
        subject,
        Instant.parse("2024-01-16T10:00:00Z"),
        Map.of(),
        "body",
        List.of(),
        List.of());
  }

  @ParameterizedTest(name = "subject \"{0}\" is an automatic reply")
  @ValueSource(
      strings = {
        "Automatic reply: [STATS10001] #take: done",
        "automatic reply:Re: request",
        "Auto-Reply: request",
        "AutoReply: request",
        "Auto Response: request",
        "AUTO: Alice Officer is out of the office (returning 22/01/2024)",
        "Out of Office: [STATS10001] New output request",
        "Out of Office AutoReply: request",
        "Out of the office until Monday",
        "Abwesenheitsnotiz: [STATS10001] Commands",
        "Automatische Antwort: Anfrage",
        "Réponse automatique : [STATS10001] Commands",
        "RÉPONSE AUTOMATIQUE: x",
        "Respuesta automática: x",
        "Risposta automatica: x",
        "Automatisch antwoord: x",
        "Autosvar: x",
        "Ateb awtomatig: x",
        "[EXTERNAL] Automatic reply: [STATS10001] Mail from outside the ticket"
      })
  void outOfOfficeSubjectsAreNotAnswered(String subject) {
    assertEquals(
        Optional.of("subject of an automatic reply"), guard.reasonNotToReply(withSubject(subject)));
  }

  @ParameterizedTest(name = "subject \"{0}\" may be answered")
  @ValueSource(
      strings = {
        "16/01/24 Output request for Project 1234567",
        "Re: Automatic reply: [STATS10001] #take: done",
        "Automatic reply rates in the 2021 census",
        "Automobile journeys: output request",
        "Outcome of office workers survey"
      })
  void ordinarySubjectsMayBeAnswered(String subject) {
    assertEquals(Optional.empty(), guard.reasonNotToReply(withSubject(subject)));
  }

  @ParameterizedTest(name = "{0}: {1} is not answered")
  @CsvSource({
    "X-Autoreply, yes",
    "X-Autorespond, vacation",
    "X-Autoresponder, on",
    "X-Loop, vacation@uni.example.ac.uk",
    "X-MS-Exchange-Inbox-Rules-Loop, ada.lovelace@uni.example.ac.uk",
    "X-MS-Exchange-Generated-Message-Source, Mailbox Rules Agent",
    "X-Precedence, auto_reply",
    "X-POST-MessageClass, 9; Autoresponder"
  })
  void autoResponderHeadersAreNotAnswered(String header, String value) {
    Optional<String> reason =
        guard.reasonNotToReply(
            message(RESEARCHER, Map.of(header.toLowerCase(java.util.Locale.ROOT), value)));
    assertTrue(
        reason.isPresent()
            && reason
                .get()
                .toLowerCase(java.util.Locale.ROOT)
                .startsWith(header.toLowerCase(java.util.Locale.ROOT)),
        reason.toString());
  }

  @Test
  void anAutoReplyHeaderThatSaysNoMayBeAnswered() {
    assertEquals(
        Optional.empty(), guard.reasonNotToReply(message(RESEARCHER, Map.of("x-autoreply", "no"))));
  }
}

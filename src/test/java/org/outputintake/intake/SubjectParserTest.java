package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outputintake.scan.Finding;

class SubjectParserTest {
  private static final LocalDate TODAY = LocalDate.of(2024, 1, 20);
  private static final LocalDate EXPECTED_DATE = LocalDate.of(2024, 1, 16);
  private final SubjectParser parser = new SubjectParser(4, 10);

  @ParameterizedTest(name = "accepts \"{0}\"")
  @ValueSource(
      strings = {
        "16/01/24 Output request for Project 1234567",
        "Re: 16/01/24 Output request for Project 1234567",
        "RE: 16/01/24 Output request for Project 1234567",
        "Fw: 16/01/24 Output request for Project 1234567",
        "Fwd: 16/01/24 Output request for Project 1234567",
        "RE: FW: 16/01/24 Output request for Project 1234567",
        "Re: Fwd: RE: 16/01/24 Output request for Project 1234567",
        "[EXTERNAL] 16/01/24 Output request for Project 1234567",
        "RE: [EXTERNAL] Fw: 16/01/24 Output request for Project 1234567",
        "16/01/24 OUTPUT REQUEST FOR PROJECT 1234567",
        "16/01/24 output request for project 1234567",
        "  16/01/24   Output    request  for   Project    1234567  ",
        "16/01/24 Output request for Project #1234567",
        "16/01/24 Output request for Project # 1234567",
        "16/01/2024 Output request for Project 1234567",
        "2024-01-16 Output request for Project 1234567",
        "16 January 2024 Output request for Project 1234567",
        "16 Jan 2024 Output request for Project 1234567",
        "16th January 2024 Output request for Project 1234567",
        "16 january 2024 Output request for Project 1234567",
        "16/01/24 Output request for Project 1234567.",
        "16/01/24 Output request for Project 1234567 .",
        "16/01/24 Output request for Project 1234567!  ",
        "16-01-2024 Output request for Project 1234567",
        "16.01.24 Output request for Project 1234567",
        "16-Jan-2024 Output request for Project 1234567",
        "Tue 16 Jan 2024 Output request for Project 1234567",
      })
  void acceptsCommonSpellingsOfAValidRequestSubject(String subject) {
    SubjectParser.Outcome outcome = parser.parse(subject, TODAY);

    SubjectParser.Valid valid =
        assertInstanceOf(
            SubjectParser.Valid.class, outcome, () -> "expected valid but got " + outcome);
    assertEquals(EXPECTED_DATE, valid.date());
    assertEquals("1234567", valid.projectNumber());
  }

  @Test
  void validSubjectIsStrippedOfReplyPrefixesAndTags() {
    var valid =
        (SubjectParser.Valid)
            parser.parse("RE: [EXTERNAL] Fw:  16/01/24 Output request for Project 1234567", TODAY);

    assertEquals("16/01/24 Output request for Project 1234567", valid.subject());
  }

  @Test
  void dateOfTodayIsNotInTheFuture() {
    assertInstanceOf(
        SubjectParser.Valid.class,
        parser.parse("20/01/24 Output request for Project 1234567", TODAY));
  }

  @Test
  void subjectThatIsNotARequestIsRejectedAsWrongFormat() {
    assertEquals(List.of("SUBJECT_FORMAT"), codes(parser.parse("Request for output", TODAY)));
  }

  @Test
  void emptyOrNullSubjectIsRejectedAsWrongFormat() {
    assertEquals(List.of("SUBJECT_FORMAT"), codes(parser.parse("", TODAY)));
    assertEquals(List.of("SUBJECT_FORMAT"), codes(parser.parse(null, TODAY)));
  }

  @ParameterizedTest(name = "rejects impossible date in \"{0}\"")
  @ValueSource(
      strings = {
        "31/02/24 Output request for Project 1234567",
        "30/02/2024 Output request for Project 1234567",
        "2024-02-31 Output request for Project 1234567",
        "32 January 2024 Output request for Project 1234567",
        "someday Output request for Project 1234567",
      })
  void impossibleOrUnreadableDateIsRejectedAsInvalidDate(String subject) {
    assertEquals(List.of("SUBJECT_DATE_INVALID"), codes(parser.parse(subject, TODAY)));
  }

  @Test
  void dateAfterTodayIsRejectedAsFuture() {
    assertEquals(
        List.of("SUBJECT_DATE_FUTURE"),
        codes(parser.parse("21/01/24 Output request for Project 1234567", TODAY)));
  }

  @Test
  void subjectWithoutDateIsRejectedAsDateMissing() {
    assertEquals(
        List.of("SUBJECT_DATE_MISSING"),
        codes(parser.parse("Output request for Project 1234567", TODAY)));
  }

  @ParameterizedTest(name = "rejects project number in \"{0}\"")
  @ValueSource(
      strings = {
        "16/01/24 Output request for Project 12",
        "16/01/24 Output request for Project 123",
        "16/01/24 Output request for Project ABC",
        "16/01/24 Output request for Project 12345678901",
        "16/01/24 Output request for Project 123456789012345",
        "16/01/24 Output request for Project 12a4567",
        "16/01/24 Output request for Project",
      })
  void projectNumberOutsideDefaultFourToTenDigitsIsRejected(String subject) {
    assertEquals(List.of("SUBJECT_PROJECT_NUMBER"), codes(parser.parse(subject, TODAY)));
  }

  @ParameterizedTest(name = "accepts boundary number {0}")
  @ValueSource(strings = {"1234", "1234567890"})
  void projectNumberAtTheDigitBoundsIsAccepted(String number) {
    var valid =
        assertInstanceOf(
            SubjectParser.Valid.class,
            parser.parse("16/01/24 Output request for Project " + number, TODAY));
    assertEquals(number, valid.projectNumber());
  }

  @Test
  void customDigitRangeIsHonoured() {
    SubjectParser sevenOnly = new SubjectParser(7, 7);

    assertInstanceOf(
        SubjectParser.Valid.class,
        sevenOnly.parse("16/01/24 Output request for Project 1234567", TODAY));
    assertEquals(
        List.of("SUBJECT_PROJECT_NUMBER"),
        codes(sevenOnly.parse("16/01/24 Output request for Project 123456", TODAY)));
  }

  @Test
  void severalProblemsAreReportedTogether() {
    List<String> missingDateAndBadNumber =
        codes(parser.parse("Output request for Project 12", TODAY));
    assertEquals(
        List.of("SUBJECT_PROJECT_NUMBER", "SUBJECT_DATE_MISSING"), missingDateAndBadNumber);

    List<String> futureDateAndBadNumber =
        codes(parser.parse("16/01/25 Output request for Project ABC", TODAY));
    assertEquals(List.of("SUBJECT_PROJECT_NUMBER", "SUBJECT_DATE_FUTURE"), futureDateAndBadNumber);

    List<String> invalidDateAndBadNumber =
        codes(parser.parse("31/02/24 Output request for Project 12", TODAY));
    assertEquals(
        List.of("SUBJECT_PROJECT_NUMBER", "SUBJECT_DATE_INVALID"), invalidDateAndBadNumber);
  }

  @Test
  void everyProblemIsABlockerWithAnExample() {
    var invalid =
        (SubjectParser.Invalid) parser.parse("31/02/24 Output request for Project 12", TODAY);

    for (Finding f : invalid.problems()) {
      assertTrue(f.isBlocker(), f.code());
      assertTrue(f.message().contains("e.g."), f.message());
    }
  }

  @Test
  void cleanRemovesStackedPrefixesAndCollapsesWhiteSpace() {
    assertEquals("Hello there", SubjectParser.clean("Re: FW:\u00A0[EXTERNAL]  Hello \t there "));
    assertEquals("", SubjectParser.clean(null));
  }

  private static List<String> codes(SubjectParser.Outcome outcome) {
    SubjectParser.Invalid invalid =
        assertInstanceOf(
            SubjectParser.Invalid.class, outcome, () -> "expected invalid but got " + outcome);
    return invalid.problems().stream().map(Finding::code).toList();
  }
}

package org.outputintake.form;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerTest {
  @ParameterizedTest(name = "''{0}'' reads as {1}")
  @CsvSource({
    "Yes,YES",
    "y,YES",
    "TRUE,YES",
    "☒,YES",
    "[x],YES",
    "X,YES",
    "No,NO",
    "no - see notes,NO",
    "☐,NO",
    "[ ],NO",
    "FALSE,NO",
    "N/A,NOT_APPLICABLE",
    "not applicable,NOT_APPLICABLE",
    "'',UNANSWERED",
    "maybe,UNANSWERED",
    "nothing,UNANSWERED"
  })
  void yesNoCellsAreUnderstood(String cell, Answer expected) {
    assertEquals(expected, Answer.parse(cell));
  }

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource({
    "Output,OUTPUT",
    "for output,OUTPUT",
    "Supporting,SUPPORTING",
    "not for output,SUPPORTING",
    "supporting material,SUPPORTING",
    "'',UNANSWERED",
    "?,UNANSWERED"
  })
  void outputOrSupportingIsUnderstood(String cell, FileUse expected) {
    assertEquals(expected, FileUse.parse(cell));
  }
}

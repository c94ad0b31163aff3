package org.outputintake.scan.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class MaskTest {
  @Test
  void nhsNumberKeepsThreeLeadingAndTwoTrailingDigits() {
    assertEquals("943 *** **19", Mask.nhs("9434765919"));
    assertEquals("943 *** **19", Mask.nhs("943 476 5919"));
  }

  @Test
  void niNumberKeepsPrefixAndSuffixOnly() {
    assertEquals("AB ** ** ** C", Mask.ni("AB123456C"));
    assertEquals("AB ** ** ** C", Mask.ni("ab 12 34 56 c"));
  }

  @Test
  void emailKeepsFirstLettersAndTopLevelDomain() {
    assertEquals("j***@e***.org", Mask.email("jane.doe@example.org"));
  }

  @Test
  void postcodeKeepsTheDistrictOnly() {
    assertEquals("SW1A ***", Mask.postcode("SW1A 1AA"));
  }

  @Test
  void phoneKeepsFourLeadingAndTwoTrailingDigits() {
    assertEquals("0207 *** **58", Mask.phone("020 7946 0958"));
  }

  @Test
  void genericMasksTheMiddleAndShortValuesAlmostEntirely() {
    assertEquals("12********89", Mask.generic("123456789089"));
    assertEquals("J****", Mask.generic("Jones"));
    assertEquals("", Mask.generic("  "));
  }

  @Test
  void maskedValuesNeverContainTheWholeValue() {
    for (String v :
        new String[] {
          "9434765919", "AB123456C", "someone@example.com", "SW1A 1AA", "07700900123"
        }) {
      for (String masked :
          new String[] {
            Mask.nhs(v),
            Mask.ni(v),
            Mask.email(v),
            Mask.postcode(v),
            Mask.phone(v),
            Mask.generic(v),
            Mask.text(v)
          }) {
        assertFalse(masked.contains(v), masked + " shows " + v);
      }
    }
  }
}

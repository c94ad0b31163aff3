package org.outputintake.scan.identifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckDigitsTest {
  @ParameterizedTest
  @ValueSource(strings = {"9434765919", "4010232137", "4595748906", "4925412248", "4396937164"})
  void validNhsNumbersPassModulus11(String n) {
    assertTrue(CheckDigits.nhs(n));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "9434765918",
        "4733577365",
        "4894301852",
        "0000000000",
        "1111111111",
        "0123456789",
        "9876543210",
        "943476591",
        "94347659190",
        "94347659a9"
      })
  void wrongCheckDigitsSameDigitsAndWrongLengthsFail(String n) {
    assertFalse(CheckDigits.nhs(n));
  }

  @ParameterizedTest
  @ValueSource(strings = {"AB123456C", "JG103759A", "CE123456D", "ZY987654B"})
  void niNumbersWithAllowedPrefixesAndSuffixPass(String ni) {
    assertTrue(CheckDigits.ni(ni, true));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DA123456C",
        "FA123456A",
        "QQ123456C",
        "AD123456C",
        "AO123456C",
        "BG123456A",
        "GB123456A",
        "NK123456A",
        "TN123456A",
        "ZZ123456A",
        "AB123456E",
        "AB12345C",
        "AB1234567"
      })
  void niNumbersBreakingHmrcRulesFail(String ni) {
    assertFalse(CheckDigits.ni(ni, true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"999999973", "980780684", "434031494"})
  void vatNumbersPassModulus97OrTheNewScheme(String vat) {
    assertTrue(CheckDigits.vat(vat));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123456789", "999999974", "12345678"})
  void vatNumbersFailingBothSchemesFail(String vat) {
    assertFalse(CheckDigits.vat(vat));
  }

  @ParameterizedTest
  @ValueSource(strings = {"B801200005001"})
  void upnWithTheRightCheckLetterPasses(String upn) {
    assertTrue(CheckDigits.upn(upn));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A801200005001",
        "B80120000500",
        "B8012000050011",
        "1801200005001",
        "E000200005001",
        "F820200109001"
      })
  void upnWithWrongCheckLetterLengthOrUnknownLocalAuthorityFails(String upn) {
    assertFalse(CheckDigits.upn(upn));
  }

  @ParameterizedTest
  @ValueSource(strings = {"TQ3008080570", "SU123456", "HP1234567890"})
  void gridReferencesOf100MetresOrFinerPass(String ref) {
    assertTrue(CheckDigits.gridReference(ref));
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX123456", "TI123456", "AB123456", "TQ1234567", "NT2573"})
  void gridReferencesWithUnknownSquaresOrOddDigitsFail(String ref) {
    assertFalse(CheckDigits.gridReference(ref));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SW1A1AA", "M11AE", "B338TH", "CR26XH", "DN551PT", "EC1A1BB"})
  void fullPostcodesPass(String pc) {
    assertTrue(CheckDigits.postcode(pc));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SW1A", "SW1A1CA", "1AA1AA", "SW1AA1A", "E06000001"})
  void districtsAndMalformedPostcodesFail(String pc) {
    assertFalse(CheckDigits.postcode(pc));
  }

  @ParameterizedTest
  @ValueSource(strings = {"01234567", "SC123456", "OC301234", "NI012345"})
  void companyNumbers(String crn) {
    assertTrue(CheckDigits.companyNumber(crn));
  }

  @ParameterizedTest
  @ValueSource(strings = {"QQ123456", "SC12345", "SC1234567"})
  void companyNumbersWithUnknownPrefixesFail(String crn) {
    assertFalse(CheckDigits.companyNumber(crn));
  }
}

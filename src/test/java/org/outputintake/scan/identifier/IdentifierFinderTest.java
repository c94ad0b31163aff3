package org.outputintake.scan.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;

class IdentifierFinderTest {
  private final IdentifierFinder finder = new IdentifierFinder();

  private List<String> codes(String text) {
    return finder.scanText(text, "").stream().map(Finding::code).toList();
  }

  @Test
  void nhsNumberInThreeThreeFourLayoutIsFoundAndMasked() {
    List<Finding> f = finder.scanText("Patient 943 476 5919 attended", "body");
    assertEquals(1, f.size());
    assertEquals("NHS_NUMBER", f.get(0).code());
    assertEquals(Severity.BLOCKER, f.get(0).severity());
    assertEquals("943 *** **19", f.get(0).evidence());
    assertEquals("body, line 1", f.get(0).location());
    assertFalse(f.get(0).message().contains("9434765919"));
  }

  @Test
  void aUniqueTaxpayerReferenceBesideItsWordsIsReportedUnderItsOwnNameNotAsAnNhsNumber() {
    // 1955839689 passes both HMRC's UTR check and the NHS modulus 11; 1955839661 is python-stdnum's
    // gb.utr example, 2955839661 its failing twin
    assertEquals(List.of("TAXPAYER_REFERENCE"), codes("UTR: 1955839689"));
    assertEquals(List.of("TAXPAYER_REFERENCE"), codes("Unique Taxpayer Reference 1955839661"));
    assertEquals(List.of(), codes("Unique Taxpayer Reference 2955839661"));
    assertEquals(List.of("NHS_NUMBER"), codes("reference 1955839689 was used"));
    Finding f = finder.scanText("taxpayer reference 1955839689", "").get(0);
    assertEquals(Severity.BLOCKER, f.severity());
    assertFalse(f.evidence().contains("1955839689") || f.message().contains("1955839689"));
  }

  @Test
  void aPlusBeforeATrunkZeroOrTwelveDigitsFrom44WithoutPlusAreNoPhoneNumbers() {
    // validator.js isMobilePhone en-GB invalid; libphonenumber's +442087654321 without its plus
    assertEquals(List.of(), codes("call +07888814488 now"));
    assertEquals(List.of(), codes("code 442087654321 here"));
    assertEquals(List.of("PHONE_NUMBER"), codes("call +442087654321 now"));
    assertEquals(List.of("PHONE_NUMBER"), codes("call 447789345856 now"));
  }

  @Test
  void aPostcodeWithTwoSpacesInLowerCaseIsFound() {
    assertEquals(List.of("POSTCODE"), codes("lives at so1  1aa today"));
  }

  @Test
  void loneTenDigitNumberPassingTheCheckDigitIsAnNhsNumberButNotAPlaceholderOrAnAmount() {
    assertEquals(List.of("NHS_NUMBER"), codes("reference 9434765919 was used"));
    assertEquals(List.of("NHS_NUMBER"), codes("NHS number: 9434765919"));
    assertEquals(List.of(), codes("reference 9434765918 was used"));
    assertEquals(List.of(), codes("placeholders 0123456789 and 9876543210"));
    assertEquals(List.of(), codes("spent £9434765919 in total"));
  }

  @Test
  void niNumberWithoutItsSuffixIsFoundInCapitalsButNotWhenItIsACompanyOrGridReference() {
    assertEquals(List.of("NI_NUMBER"), codes("claimant AB123456 wrote"));
    assertEquals(List.of(), codes("claimant ab123456 wrote"));
    assertEquals(List.of("COMPANY_NUMBER"), codes("SC123456"));
    assertEquals(List.of("GRID_REFERENCE"), codes("NN166712"));
    assertEquals(List.of(), codes("QQ123456 and GB123456"));
    assertEquals(List.of(), codes("reference genome MN908947 (GenBank)"));
  }

  @Test
  void threeThreeFourNumberFailingTheCheckDigitIsNotAnNhsNumber() {
    assertEquals(List.of(), codes("Batch 943 476 5918"));
  }

  @Test
  void niNumbersCompactOrSpaced() {
    assertEquals(List.of("NI_NUMBER"), codes("NINo AB123456C"));
    assertEquals(List.of("NI_NUMBER"), codes("his number is AB 12 34 56 C today"));
    assertEquals(List.of(), codes("code GB123456A and QQ123456C"));
  }

  @Test
  void emailAddressesAreFoundAndMasked() {
    List<Finding> f = finder.scanText("contact jane.doe@example.org.", "");
    assertEquals(1, f.size());
    assertEquals("EMAIL_ADDRESS", f.get(0).code());
    assertEquals("j***@e***.org", f.get(0).evidence());
  }

  @Test
  void ukPhoneNumbersAreFound() {
    assertEquals(List.of("PHONE_NUMBER"), codes("Call 020 7946 0958 now"));
    assertEquals(List.of("PHONE_NUMBER"), codes("mobile +44 7911 123456"));
    assertEquals(List.of("PHONE_NUMBER"), codes("tel (0161) 496 0000"));
  }

  @Test
  void fullPostcodesAreWarningsButDistrictsAreNot() {
    List<Finding> f = finder.scanText("lives at SW1A 1AA", "");
    assertEquals(List.of("POSTCODE"), f.stream().map(Finding::code).toList());
    assertEquals(Severity.WARNING, f.get(0).severity());
    assertEquals("SW1A ***", f.get(0).evidence());
    assertEquals(List.of(), codes("the SW1A district and the M1 area"));
  }

  @Test
  void otherDirectIdentifiers() {
    assertEquals(List.of("PASSPORT_NUMBER"), codes("passport no. 123456789"));
    assertEquals(List.of("UPRN"), codes("UPRN 100023336956"));
    assertEquals(List.of("COMPANY_NUMBER"), codes("Company number SC123456"));
    assertEquals(List.of("PUPIL_NUMBER"), codes("pupil B801200005001"));
    assertEquals(List.of("VAT_NUMBER"), codes("VAT GB 999 9999 73"));
    assertEquals(List.of("GRID_REFERENCE"), codes("site at TQ 30080 80570"));
    assertEquals(List.of("LAT_LONG"), codes("at 51.50735, -0.12776 last night"));
    assertEquals(List.of("STREET_ADDRESS"), codes("She lives at 12 High Street in town"));
    assertEquals(List.of("DATE_OF_BIRTH"), codes("DOB: 12/03/1985"));
    assertEquals(List.of("DATE_OF_BIRTH"), codes("born 12 March 1985"));
  }

  @Test
  void vatNumberFailingTheCheckIsIgnored() {
    assertEquals(List.of(), codes("GB123456789"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "In 2019 and 2020 there were 1234 cases",
        "Aged 45 to 64: 12.5% (n=340)",
        "Published 2024-01-16",
        "Area E06000001 and W06000002",
        "Order ORD-12345678 shipped",
        "mean 51.2, sd 3.4",
        "values 4733577365 4894301852",
        "Table 3: 16/01/24 Output request for Project 1234567",
        "p = 0.0345, 95% CI 1.02 to 1.35",
        "See page 12 for Table 4",
        "version 3.3.1 on port 8080",
        "Coefficient 0.123456, -0.654321"
      })
  void negativeControlsProduceNoFinding(String text) {
    assertEquals(List.of(), codes(text), text);
  }

  @Test
  void scanTextNumbersLines() {
    List<Finding> f = finder.scanText("first line\nsecond a@b.org\nthird", "email body");
    assertEquals("email body, line 2", f.get(0).location());
  }

  @Test
  void linesWithoutDigitsOrAtSignsAreSkippedQuickly() {
    assertTrue(finder.scanText("no identifiers here at all", "").isEmpty());
  }

  @Test
  void givenARepeatedCell_thenEveryRepeatReportsWhatTheFirstScanFound() {
    List<String> hits = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      finder.scanCell(
          "call 020 7946 0018 or SW1A 1AA", null, (kind, masked) -> hits.add(kind + " " + masked));
    }
    List<String> once = new java.util.ArrayList<>();
    new IdentifierFinder()
        .scanLine(
            "call 020 7946 0018 or SW1A 1AA",
            null,
            (kind, masked) -> once.add(kind + " " + masked));
    assertEquals(2, once.size());
    assertEquals(3 * once.size(), hits.size());
    assertEquals(once, hits.subList(4, 6));
  }

  @Test
  void givenTheSameCellUnderDifferentHeaders_thenEachHeaderIsJudgedOnItsOwn() {
    List<String> hits = new java.util.ArrayList<>();
    finder.scanCell("ref 925076473", "order ref", (kind, masked) -> hits.add("plain " + kind));
    finder.scanCell(
        "ref 925076473", "passport number", (kind, masked) -> hits.add("passport " + kind));
    finder.scanCell(
        "ref 925076473", "order ref", (kind, masked) -> hits.add("plain again " + kind));
    assertEquals(List.of("passport PASSPORT_NUMBER"), hits);
  }

  @Test
  void givenAColumnWhoseValuesNeverRepeat_thenCellsAfterItStopsRememberingAreStillScanned() {
    List<String> hits = new java.util.ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      finder.scanCell("note " + i, "notes", (kind, masked) -> hits.add(kind.name()));
    }
    finder.scanCell("call 020 7946 0018", "notes", (kind, masked) -> hits.add(kind.name()));
    finder.scanCell("call 020 7946 0018", "notes", (kind, masked) -> hits.add(kind.name()));
    assertEquals(List.of("PHONE_NUMBER", "PHONE_NUMBER"), hits);
  }
}

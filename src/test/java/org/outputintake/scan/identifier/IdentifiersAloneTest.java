package org.outputintake.scan.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.TestFiles;
import org.outputintake.scan.table.TableScanner;

/**
 * Identifiers found without a context word (a VAT number that passes HMRC's check, a zero-led
 * company number, a letter-and-eight-digits passport, pre-2001 registration marks), and the
 * ordinary numbers and codes of real outputs that must stay clean beside them.
 */
class IdentifiersAloneTest {
  private static final Set<String> KINDS =
      Arrays.stream(IdentifierKind.values()).map(Enum::name).collect(Collectors.toSet());

  @TempDir Path dir;

  private static List<String> codes(String text) {
    return new IdentifierFinder().scanText(text, "").stream().map(Finding::code).toList();
  }

  private List<String> table(String... lines) throws IOException {
    Path p = TestFiles.text(dir, "t.csv", lines);
    return new TableScanner()
        .scan(ScanFile.of(p, "t.csv"), TestFiles.context("ons-srs")).stream()
            .map(Finding::code)
            .filter(KINDS::contains)
            .sorted()
            .toList();
  }

  @Test
  void givenANumberPassingTheVatCheck_thenItIsAVatNumberWithoutTheWordVat() {
    assertEquals(List.of("VAT_NUMBER"), codes("supplier 980780684 on the invoice"));
    assertEquals(List.of("VAT_NUMBER"), codes("242338087388"));
    assertEquals(List.of(), codes("supplier 980780685 on the invoice"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "spend £123456727 in the year",
        "change -123456727 since 2019",
        "growth 123456727% overall",
        "mean 123456727.25",
        "total 123,456,727",
        "at 12:123456727",
        "created=\"201205190946\" modified=\"201405241125\""
      })
  void givenAnAmountOfNineDigitsThatPassesTheVatCheck_thenItIsNotAVatNumber(String text) {
    assertEquals(List.of(), codes(text), text);
  }

  @Test
  void givenZeroLedEightDigits_thenACompanyNumberUnlessADateOrARunningNumber() {
    assertEquals(List.of("COMPANY_NUMBER"), codes("registered as 01234567 in Cardiff"));
    assertEquals(List.of("COMPANY_NUMBER"), codes("01234567"));
    assertEquals(List.of(), codes("extract of 01022020 and 05111999"));
    assertEquals(List.of(), codes("rows 00000123 to 00012345"));
    assertEquals(List.of(), codes("order 12345678 shipped"));
  }

  @Test
  void givenALetterAndEightDigits_thenAPassportUnlessAnOnsGeographyCode() {
    assertEquals(List.of("PASSPORT_NUMBER"), codes("holder F92402356 travelled"));
    assertEquals(
        List.of(),
        codes("E06000001 W06000002 S12000033 N09000001 K02000001 L99999999 M99999999 J01000001"));
    assertEquals(List.of(), codes("lower case f92402356 is a file name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"A123 BCD", "K1 ABC", "M456DEF", "ABC 123D", "ABC 1D", "DEF456G"})
  void givenAPre2001MarkInCapitals_thenItIsFoundAlone(String mark) {
    assertEquals(List.of("VEHICLE_REGISTRATION"), codes("seen " + mark + " at noon"), mark);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I123 BCD",
        "O123 BCD",
        "ABC 123I",
        "ABC 123Z",
        "a123 bcd",
        "A012 BCD",
        "A123 BID",
        "Q1 ABC",
        "Print on A4 PDF paper",
        "Y12 ENG results",
        "SEE ROW 12B AND COL 3C",
        "SECTION B2 AND C3 FOR DETAILS",
        "TABLE 3A",
        "KS2 SAT scores",
        "logging through SLF4J",
        "the V8 CPU profiler",
        "merge de61ceb later"
      })
  void givenTextLikeAPre2001Mark_thenItIsNotOne(String text) {
    assertEquals(List.of(), codes(text), text);
  }

  @Test
  void givenAnOrdinaryOnsTable_thenNoNewRuleFlagsAnything() throws IOException {
    assertEquals(
        List.of(),
        table(
            "area_code,area_name,year,population,spend_gbp,extract_date,count",
            "E06000001,Hartlepool,2019,123456727,244272509,01022020,120",
            "W06000002,Gwynedd,2020,711178002,961425548,05111999,135",
            "S12000033,Aberdeen City,2021,920096753,167760436,31122021,150",
            "N09000001,Antrim and Newtownabbey,2022,373878287,564123987,01012022,165"));
  }

  @Test
  void givenARunningNumberColumnWithZeroPadding_thenItIsNotCompanyNumbers() throws IOException {
    String[] lines = new String[41];
    lines[0] = "record,value";
    for (int i = 1; i <= 40; i++)
      lines[i] = String.format(java.util.Locale.ROOT, "%08d,%d", i * 7919, 100 + i);
    assertEquals(List.of(), table(lines));
  }

  @Test
  void givenAColumnOfTimestamps_thenItIsNotVatNumbers() throws IOException {
    assertEquals(
        List.of(), table("created,n", "201205190946,10", "201107091012,20", "201511141443,30"));
  }

  @Test
  void givenAColumnOfAmountsWhereOneHappensToPassTheVatCheck_thenItIsNotVatNumbers()
      throws IOException {
    assertEquals(
        List.of(),
        table("ref,amount", "123456727,10", "244272509,20", "711178002,30", "961425548,40"));
  }

  @Test
  void givenColumnsOfBareVatAndCompanyNumbers_thenEachIsOneFinding() throws IOException {
    assertEquals(
        List.of("COMPANY_NUMBER", "VAT_NUMBER"),
        table(
            "supplier,firm,n",
            "980780684,01234567,10",
            "242338087,02345678,20",
            "123456782,03456789,30"));
  }

  @Test
  void givenACellOfAPassportOrOldMark_thenTheTableColumnIsFlagged() throws IOException {
    assertEquals(
        List.of("PASSPORT_NUMBER", "VEHICLE_REGISTRATION"),
        table("ref,other,n", "F92402356,ABC 123D,10", "C12345678,K1 ABC,20"));
  }

  @Test
  void givenAListingOfTwoPatientsUnderANeutralHeader_thenTheirNhsNumbersAreFound()
      throws IOException {
    assertEquals(List.of("NHS_NUMBER"), table("id,outcome", "9434765919,died", "4010232137,lived"));
    assertEquals(List.of("NHS_NUMBER"), table("ref,group", "9434765919,A"));
  }

  @Test
  void givenALoneTenDigitAmountThatPassesModulus11_thenItIsNotAnNhsNumber() throws IOException {
    assertEquals(List.of(), table("region,total_spend", "England,2345678909"));
    // three values of which one fails: not (nearly) all pass, as before
    assertEquals(List.of(), table("id,n", "9434765919,10", "2345678901,20", "2345678902,30"));
  }
}

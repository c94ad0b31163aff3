package org.outputintake.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectRegistryTest {
  private static final String HEADER =
      "number,title,status,type,researchers,threshold,policy,data_owner_review,data_owners\n";
  private static final String GOOD_ROW = "1234567,Good,live,full,ada@uni.example.ac.uk,,,,\n";

  @TempDir Path dir;

  @Test
  void shippedRegistryLoadsFiveProjectsWithDefaultsApplied() {
    ProjectRegistry r = ProjectRegistry.load(Path.of("config", "projects.csv"));

    assertEquals(5, r.all().size());
    Project feasibility = r.find("3456789").orElseThrow();
    assertEquals(Project.Type.EXPLORATORY, feasibility.type());
    assertEquals(10, feasibility.threshold(), "empty threshold defaults to 10");
    assertEquals("ons-srs", feasibility.policy(), "empty policy defaults to ons-srs");
    assertEquals(Project.DataOwnerReview.NONE, feasibility.dataOwnerReview());
    assertEquals(List.of(), feasibility.dataOwners());

    Project energy = r.find("1234567").orElseThrow();
    assertEquals(
        List.of("ada.lovelace@uni.example.ac.uk", "alan.turing@uni.example.ac.uk"),
        energy.researchers());
    assertTrue(energy.names("Ada.Lovelace@Uni.Example.ac.uk "));
    assertFalse(energy.names("grace.hopper@lab.example.org"));

    assertEquals(Project.Status.CLOSED, r.find("4567890").orElseThrow().status());
    Project approval = r.find("2345678").orElseThrow();
    assertEquals(Project.DataOwnerReview.FOR_APPROVAL, approval.dataOwnerReview());
    assertEquals(List.of("owner@dept.example.gov.uk"), approval.dataOwners());
    Project vaccine = r.find("5678901").orElseThrow();
    assertEquals(8, vaccine.threshold());
    assertEquals("opensafely", vaccine.policy());
    assertEquals(Project.DataOwnerReview.FOR_INFORMATION, vaccine.dataOwnerReview());
    assertTrue(r.find("9999999").isEmpty());
  }

  @Test
  void requiredColumnsAloneAreEnoughAndCaseOfValuesDoesNotMatter() throws IOException {
    Path file =
        write(
            "number,title,status,type,researchers\n"
                + "1234567,Only required,LIVE,Exploratory,Ada@Uni.Example.ac.uk; bob@uni.example.ac.uk\n");

    Project p = ProjectRegistry.load(file).find("1234567").orElseThrow();
    assertEquals(Project.Status.LIVE, p.status());
    assertEquals(Project.Type.EXPLORATORY, p.type());
    assertEquals(List.of("ada@uni.example.ac.uk", "bob@uni.example.ac.uk"), p.researchers());
    assertEquals(10, p.threshold());
  }

  @Test
  void commentsAndBlankLinesAreIgnored() throws IOException {
    Path file = write(HEADER + "# a comment\n\n" + GOOD_ROW + "\n");

    assertEquals(1, ProjectRegistry.load(file).all().size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad status|1234568,T,open,full,ada@uni.example.ac.uk,,,,|status 'open'",
        "bad type|1234568,T,live,partial,ada@uni.example.ac.uk,,,,|type 'partial'",
        "bad researcher email|1234568,T,live,full,ada-at-uni,,,,|'ada-at-uni'",
        "bad data owner email|1234568,T,live,full,ada@uni.example.ac.uk,,,for-information,owner@|'owner@'",
        "non-digit number|12A4567,T,live,full,ada@uni.example.ac.uk,,,,|number '12A4567'",
        "bad threshold|1234568,T,live,full,ada@uni.example.ac.uk,ten,,,|threshold 'ten'",
        "zero threshold|1234568,T,live,full,ada@uni.example.ac.uk,0,,,|threshold",
        "bad review|1234568,T,live,full,ada@uni.example.ac.uk,,,always,|data_owner_review 'always'",
        "for-approval without owners|1234568,T,live,full,ada@uni.example.ac.uk,,,for-approval,|no data_owners",
        "duplicate number|1234567,Again,live,full,ada@uni.example.ac.uk,,,,|listed twice",
      })
  void badRowIsReportedWithItsLineNumber(String label, String row, String expected)
      throws IOException {
    Path file = write(HEADER + GOOD_ROW + row + "\n");

    var e = assertThrows(ProjectRegistry.RegistryException.class, () -> ProjectRegistry.load(file));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void badLastRowWithoutTrailingNewlineIsReportedWithItsLineNumber() throws IOException {
    Path file = write(HEADER + GOOD_ROW + "1234568,T,open,full,ada@uni.example.ac.uk,,,,");

    var e = assertThrows(ProjectRegistry.RegistryException.class, () -> ProjectRegistry.load(file));
    assertTrue(e.getMessage().contains("line 3:"), e.getMessage());
  }

  @Test
  void lineNumberCountsCommentsAndBlankLines() throws IOException {
    Path file =
        write(
            HEADER
                + "# comment\n\n"
                + GOOD_ROW
                + "1234568,T,open,full,ada@uni.example.ac.uk,,,,\n");

    var e = assertThrows(ProjectRegistry.RegistryException.class, () -> ProjectRegistry.load(file));
    assertTrue(e.getMessage().contains("line 5:"), e.getMessage());
  }

  @Test
  void everyBadRowIsReportedNotOnlyTheFirst() throws IOException {
    Path file =
        write(
            HEADER
                + "1,T,open,full,ada@uni.example.ac.uk,,,,\n"
                + GOOD_ROW
                + "1234568,T,live,full,nobody,,,,\n");

    var e = assertThrows(ProjectRegistry.RegistryException.class, () -> ProjectRegistry.load(file));
    assertTrue(
        e.getMessage().contains("line 2:") && e.getMessage().contains("line 4:"), e.getMessage());
    assertFalse(e.getMessage().contains("line 3:"), e.getMessage());
  }

  @ParameterizedTest(name = "missing column {0}")
  @CsvSource({"number", "title", "status", "type", "researchers"})
  void missingRequiredHeaderColumnIsNamed(String column) throws IOException {
    String header =
        String.join(",", ProjectRegistry.REQUIRED.stream().filter(c -> !c.equals(column)).toList());
    Path file = write(header + "\n");

    var e = assertThrows(ProjectRegistry.RegistryException.class, () -> ProjectRegistry.load(file));
    assertTrue(e.getMessage().contains("'" + column + "'"), e.getMessage());
  }

  @Test
  void missingFileIsReported() {
    var e =
        assertThrows(
            ProjectRegistry.RegistryException.class,
            () -> ProjectRegistry.load(dir.resolve("nope.csv")));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void unknownPolicyNameIsRefusedWithItsLineNumber() throws IOException {
    Path file = write(HEADER + GOOD_ROW + "1234568,T,live,full,ada@uni.example.ac.uk,,ons-srz,,\n");

    var e =
        assertThrows(
            ProjectRegistry.RegistryException.class,
            () -> ProjectRegistry.load(file, org.outputintake.inspection.FilePolicies::load));
    assertTrue(e.getMessage().contains("line 3: policy: unknown policy 'ons-srz'"), e.getMessage());
  }

  @Test
  void bothShippedPoliciesAreAccepted() throws IOException {
    Path file =
        write(
            HEADER
                + GOOD_ROW
                + "1234568,T,live,full,ada@uni.example.ac.uk,,opensafely,,\n"
                + "1234569,T,live,full,ada@uni.example.ac.uk,,ons-srs,,\n");

    assertEquals("opensafely", ProjectRegistry.load(file).find("1234568").orElseThrow().policy());
  }

  @Test
  void unbalancedQuoteIsReportedWithTheLineAndWhatToFix() throws IOException {
    Path file =
        write(
            HEADER
                + GOOD_ROW
                + "1234568,\"Energy, use,live,full,ada@uni.example.ac.uk,,,,\n"
                + "1234569,T,live,full,ada@uni.example.ac.uk,,,,\n");

    var e = assertThrows(ProjectRegistry.RegistryException.class, () -> ProjectRegistry.load(file));
    assertTrue(e.getMessage().contains(file + " line 3:"), e.getMessage());
    assertTrue(e.getMessage().contains("is paired"), e.getMessage());
  }

  @Test
  void excelCsvUtf8WithAByteOrderMarkIsAccepted() throws IOException {
    Path file = write("\uFEFF" + HEADER + GOOD_ROW);

    assertEquals(1, ProjectRegistry.load(file).all().size());
  }

  @Test
  void shortRowSaysHowManyFieldsItHasAndHowManyAreExpected() throws IOException {
    Path file = write(HEADER + GOOD_ROW + "1234568,Short,live\n");

    var e = assertThrows(ProjectRegistry.RegistryException.class, () -> ProjectRegistry.load(file));
    assertTrue(
        e.getMessage().contains("line 3: the row has 3 fields of the 5 or more expected"),
        e.getMessage());
    assertFalse(e.getMessage().contains("type ''"), e.getMessage());
  }

  @Test
  void approvedDataAndIndirectIdentifiersAreRead_andAreOptional() throws IOException {
    Path file =
        write(
            "number,title,status,type,researchers,approved_data,indirect_identifiers\n"
                + "1234567,T,live,full,ada@uni.example.ac.uk,"
                + "\"Annual Population Survey; Census 2021, England and Wales\",Permitted\n"
                + "1234568,T,live,full,ada@uni.example.ac.uk,,\n");

    ProjectRegistry r = ProjectRegistry.load(file);

    Project withData = r.find("1234567").orElseThrow();
    assertEquals(
        List.of("Annual Population Survey", "Census 2021, England and Wales"),
        withData.approvedData());
    assertEquals(IndirectIdentifiers.PERMITTED, withData.indirectIdentifiers());
    assertTrue(withData.approves("annual  population survey"));
    assertFalse(withData.approves("Labour Force Survey"));
    Project without = r.find("1234568").orElseThrow();
    assertEquals(List.of(), without.approvedData());
    assertEquals(IndirectIdentifiers.NOT_PERMITTED, without.indirectIdentifiers());
    Project old = ProjectRegistry.load(write(HEADER + GOOD_ROW)).find("1234567").orElseThrow();
    assertEquals(IndirectIdentifiers.NOT_PERMITTED, old.indirectIdentifiers());
    assertEquals(List.of(), old.approvedData());
  }

  @Test
  void badIndirectIdentifiersValueIsReportedWithItsLineNumber() throws IOException {
    Path file =
        write(
            "number,title,status,type,researchers,indirect_identifiers\n"
                + "1234567,T,live,full,ada@uni.example.ac.uk,not-permitted\n"
                + "1234568,T,live,full,ada@uni.example.ac.uk,sometimes\n");

    var e = assertThrows(ProjectRegistry.RegistryException.class, () -> ProjectRegistry.load(file));
    assertTrue(
        e.getMessage()
            .contains(
                "line 3: indirect_identifiers 'sometimes' must be one of permitted or not-permitted"),
        e.getMessage());
  }

  private Path write(String csv) throws IOException {
    Path file = dir.resolve("projects.csv");
    Files.writeString(file, csv);
    return file;
  }
}

package org.outputintake.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;

class FormCheckTest {
  private static final FormExpectations MATCHING =
      FormExpectations.firstRequest("Project 1234567", FormFixtures.FILES);

  private static List<Finding> check(FormFixtures.FormSpec spec, FormExpectations expect) {
    return FormCheck.check(spec.toForm(), expect);
  }

  private static List<Finding> withCode(List<Finding> findings, String code) {
    return findings.stream().filter(f -> f.code().equals(code)).toList();
  }

  @Test
  void completeMatchingFormHasNoFindings() {
    assertEquals(List.of(), check(FormFixtures.form(), MATCHING));
  }

  @Test
  void eachEmptyRequiredFieldIsItsOwnIncompleteFinding() {
    List<Finding> findings =
        check(
            FormFixtures.form()
                .blank(FormField.PROJECT_TITLE, FormField.RESEARCHER_NAME, FormField.REQUEST_DATE),
            MATCHING);
    List<Finding> incomplete = withCode(findings, FormCheck.FORM_INCOMPLETE);
    assertEquals(
        List.of("project title", "researcher name", "request date"),
        incomplete.stream().map(Finding::evidence).toList());
    assertTrue(incomplete.stream().allMatch(f -> f.severity() == Severity.BLOCKER));
    assertTrue(incomplete.get(0).message().contains("project title"));
  }

  @Test
  void emptyRevisionFieldIsNotRequired() {
    assertEquals(List.of(), check(FormFixtures.form().revisionOf(""), MATCHING));
  }

  @Test
  void incompleteFileRowNamesTheFileAndEachMissingCell() {
    List<Finding> findings =
        check(
            FormFixtures.form()
                .files("table1.csv")
                .file(
                    new FileEntry(
                        "figure1.png",
                        "",
                        Answer.UNANSWERED,
                        "",
                        "",
                        FileUse.UNANSWERED,
                        List.of())),
            MATCHING);
    List<Finding> incomplete = withCode(findings, FormCheck.FORM_INCOMPLETE);
    assertEquals(
        List.of("description", "counts included", "disclosure controls", "output or supporting"),
        incomplete.stream().map(Finding::evidence).toList());
    assertTrue(incomplete.stream().allMatch(f -> f.message().contains("figure1.png")));
    assertTrue(incomplete.get(0).location().contains("row 2"));
  }

  @Test
  void invalidEmailIsIncomplete() {
    List<Finding> findings =
        check(FormFixtures.form().researcher("Ada", "ada at example"), MATCHING);
    assertEquals(
        List.of("researcher email"),
        withCode(findings, FormCheck.FORM_INCOMPLETE).stream().map(Finding::evidence).toList());
  }

  @Test
  void projectNumberDifferentFromSubjectIsAMismatch() {
    List<Finding> findings = check(FormFixtures.form().project("7654321"), MATCHING);
    assertEquals(1, withCode(findings, FormCheck.FORM_PROJECT_MISMATCH).size());
  }

  @Test
  void projectNumbersAreComparedOnDigitsOnly() {
    assertEquals(
        List.of(),
        check(
            FormFixtures.form().project("Project no. 1234567"),
            FormExpectations.firstRequest("1234567", FormFixtures.FILES)));
  }

  @Test
  void projectNumberDifferentFromRegistryIsAMismatch() {
    FormExpectations expect =
        FormExpectations.firstRequest("", FormFixtures.FILES).withRegistryProjectNumber("99");
    assertEquals(
        1, withCode(check(FormFixtures.form(), expect), FormCheck.FORM_PROJECT_MISMATCH).size());
  }

  @Test
  void listedButNotAttachedAndAttachedButNotListedAreOneFindingPerFile() {
    FormExpectations expect =
        FormExpectations.firstRequest("1234567", List.of("table1.csv", "extra.xlsx", "notes.txt"));
    List<Finding> mismatches =
        withCode(check(FormFixtures.form(), expect), FormCheck.FORM_FILES_MISMATCH);
    assertEquals(
        List.of("figure1.png", "extra.xlsx", "notes.txt"),
        mismatches.stream().map(Finding::evidence).toList());
  }

  @Test
  void fileNamesCompareCaseInsensitivelyWithoutFolders() {
    FormExpectations expect =
        FormExpectations.firstRequest("1234567", List.of("sub/TABLE1.CSV", "Figure1.PNG"));
    assertEquals(
        List.of(), check(FormFixtures.form().files("outputs\\table1.csv", "figure1.png"), expect));
  }

  @Test
  void archiveEntriesCountAsListedWhenTheArchiveOrTheEntryIsListed() {
    List<String> attached = List.of("tables.zip", "tables.zip!/t1.csv", "tables.zip!/t2.csv");
    FormExpectations expect = FormExpectations.firstRequest("1234567", attached);
    assertEquals(
        List.of(), check(FormFixtures.form().files("tables.zip"), expect), "archive listed");
    assertEquals(
        List.of(), check(FormFixtures.form().files("t1.csv", "t2.csv"), expect), "entries listed");
    List<Finding> partly = check(FormFixtures.form().files("t1.csv"), expect);
    assertEquals(List.of("tables.zip!/t2.csv"), partly.stream().map(Finding::evidence).toList());
  }

  @Test
  void supportingFilesInsideAnOutputArchive_blockOncePerArchive_namingThem() {
    List<String> attached =
        List.of("outputs.zip", "outputs.zip!/v1/t1.csv", "outputs.zip!/v1/model.R", "code.zip");
    FormExpectations expect = FormExpectations.firstRequest("1234567", attached);
    List<Finding> found =
        withCode(
            check(FormFixtures.form().files("outputs.zip").supporting("model.R"), expect),
            FormCheck.SUPPORTING_IN_OUTPUT_ARCHIVE);
    assertEquals(List.of("outputs.zip"), found.stream().map(Finding::evidence).toList());
    assertTrue(found.get(0).isBlocker());
    assertTrue(found.get(0).message().contains("'v1/model.R' Supporting"), found.get(0).message());
  }

  @Test
  void supportingFilesInAnArchiveMarkedSupporting_orAttachedOnTheirOwn_areFine() {
    FormExpectations zipped =
        FormExpectations.firstRequest(
            "1234567", List.of("t1.csv", "code.zip", "code.zip!/model.R", "code.zip!/prep.R"));
    assertEquals(
        List.of(),
        withCode(
            check(FormFixtures.form().files("t1.csv").supporting("code.zip"), zipped),
            FormCheck.SUPPORTING_IN_OUTPUT_ARCHIVE));
    FormExpectations alone = FormExpectations.firstRequest("1234567", List.of("t1.csv", "model.R"));
    assertEquals(
        List.of(),
        withCode(
            check(FormFixtures.form().files("t1.csv").supporting("model.R"), alone),
            FormCheck.SUPPORTING_IN_OUTPUT_ARCHIVE));
  }

  @Test
  void eachUntickedDeclarationIsItsOwnFindingInPlainWords() {
    List<Finding> findings =
        check(FormFixtures.form().untick(Declaration.NO_AI_ML, Declaration.CODE_CLEAN), MATCHING);
    List<Finding> declarations = withCode(findings, FormCheck.FORM_DECLARATION);
    assertEquals(
        List.of("CODE_CLEAN", "NO_AI_ML"), declarations.stream().map(Finding::evidence).toList());
    assertTrue(declarations.get(1).message().contains("machine learning"));
  }

  @ParameterizedTest(name = "folder ''{0}'' breaks the naming rule")
  @ValueSource(
      strings = {
        "Output1",
        "results",
        "output",
        "New folder",
        "final",
        "v1",
        "results_v2",
        "2024_01_16_v1",
        "Output_final_v3",
        "EnergyModel",
        "../x_EnergyModel_v1"
      })
  void genericOrUnversionedFolderNamesAreRefused(String folder) {
    List<Finding> findings =
        withCode(check(FormFixtures.form().folder(folder), MATCHING), FormCheck.FOLDER_NAME);
    assertEquals(1, findings.size());
    assertTrue(findings.get(0).message().contains("2024_01_16_EnergyUseModel_v1"));
  }

  @ParameterizedTest(name = "folder ''{0}'' follows the naming rule")
  @ValueSource(
      strings = {
        "2024_01_16_EnergyUseModel_v1",
        "EnergyUseModel_v12",
        "2024-02-01 housing tables v2",
        "wage_gaps_V3"
      })
  void descriptiveVersionedFolderNamesPass(String folder) {
    assertEquals(List.of(), check(FormFixtures.form().folder(folder), MATCHING));
  }

  @Test
  void revisionMustRaiseTheFolderVersion() {
    FormExpectations revision = MATCHING.withLastFolderVersion(2);
    List<Finding> same =
        check(FormFixtures.form().folder("2024_01_16_EnergyUseModel_v2"), revision);
    assertEquals(List.of(FormCheck.FOLDER_VERSION), same.stream().map(Finding::code).toList());
    assertTrue(same.get(0).message().contains("_v3"));
    assertEquals(
        List.of(), check(FormFixtures.form().folder("2024_01_16_EnergyUseModel_v3"), revision));
  }

  @Test
  void firstRequestHasNoVersionRequirement() {
    assertEquals(
        List.of(),
        check(
            FormFixtures.form().folder("2024_01_16_EnergyUseModel_v7"),
            new FormExpectations("1234567", FormFixtures.FILES, OptionalInt.empty(), null)));
  }

  @Test
  void formWithSeveralProblemsReportsThemAllAtOnce() {
    FormFixtures.FormSpec spec =
        FormFixtures.form()
            .project("7654321")
            .blank(FormField.PROJECT_TITLE)
            .folder("Output1")
            .files("table1.csv", "missing.csv")
            .untick(Declaration.NO_HIDDEN_CONTENT);
    Map<String, Long> counts =
        check(spec, MATCHING.withLastFolderVersion(1)).stream()
            .collect(Collectors.groupingBy(Finding::code, Collectors.counting()));
    assertEquals(
        Map.of(
            FormCheck.FORM_INCOMPLETE,
            1L,
            FormCheck.FORM_PROJECT_MISMATCH,
            1L,
            FormCheck.FORM_FILES_MISMATCH,
            2L,
            FormCheck.FORM_DECLARATION,
            1L,
            FormCheck.FOLDER_NAME,
            1L),
        counts);
  }

  @Test
  void blankFormReportsEveryRequiredFieldAndDeclaration() {
    List<Finding> findings = FormCheck.check(RequestForm.blank(), MATCHING);
    assertEquals(
        7,
        withCode(findings, FormCheck.FORM_INCOMPLETE).size(),
        "six fields and the empty file table");
    assertEquals(
        Declaration.values().length, withCode(findings, FormCheck.FORM_DECLARATION).size());
    // the empty file table already asks for every file: no second finding per file sent
    assertEquals(0, withCode(findings, FormCheck.FORM_FILES_MISMATCH).size());
  }
}

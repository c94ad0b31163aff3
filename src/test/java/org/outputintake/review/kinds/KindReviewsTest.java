package org.outputintake.review.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.form.Answer;
import org.outputintake.form.DataDeclaration;
import org.outputintake.form.DataFileEntry;
import org.outputintake.form.DataFormKind;
import org.outputintake.form.DataFormWriter;
import org.outputintake.form.DataRequestForm;
import org.outputintake.inspection.FilePolicies;
import org.outputintake.intake.RequestReview;
import org.outputintake.mail.InboundMessage;
import org.outputintake.project.IndirectIdentifiers;
import org.outputintake.project.Project;
import org.outputintake.review.StandardScan;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;
import org.outputintake.sharefolder.FolderSnapshots;
import org.outputintake.ticket.RequestKind;

/**
 * The ingest and transfer reviews through the whole scan engine, with real CSV, XLSX and Word
 * files: each finding code they add, and the engine's rules read as this kind of request reads
 * them.
 */
class KindReviewsTest {
  @TempDir Path dir;
  private static final Map<DataDeclaration, Boolean> ALL_TICKED =
      Map.of(
          DataDeclaration.NO_DIRECT_IDENTIFIERS, true,
          DataDeclaration.INDIRECT_ONLY_WITH_PERMISSION, true,
          DataDeclaration.ONLY_WHAT_IS_NEEDED, true);
  private static final String SURVEY = "Annual Population Survey";

  private final IngestReview ingest =
      new IngestReview(StandardScan.engine()::scan, FilePolicies::load);

  private static Project project(String number, IndirectIdentifiers indirect, String... data) {
    return new Project(
        number,
        "T",
        Project.Status.LIVE,
        Project.Type.EXPLORATORY,
        List.of("ada@uni.example.ac.uk"),
        10,
        "ons-srs",
        Project.DataOwnerReview.NONE,
        List.of(),
        List.of(data),
        indirect);
  }

  private static DataFileEntry data(String name, String dataset, String... variables) {
    return new DataFileEntry(
        name, "extract", Answer.YES, dataset, List.of(variables), "the analysis", "", "");
  }

  private InboundMessage.Attachment file(String name, String content) throws Exception {
    Path p = dir.resolve("in-" + System.nanoTime()).resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return new InboundMessage.Attachment(
        name, "application/octet-stream", p, Files.size(p), null, false);
  }

  private InboundMessage.Attachment form(DataFormKind kind, String folder, DataFileEntry... files)
      throws Exception {
    Path p = dir.resolve("form-" + System.nanoTime()).resolve(kind.docxName());
    DataFormWriter.writeDocx(
        new DataRequestForm(
            kind,
            "1234567",
            kind == DataFormKind.TRANSFER ? "2345678" : "",
            "Ada",
            "07/12/2026",
            folder,
            List.of(files),
            ALL_TICKED),
        p);
    return new InboundMessage.Attachment(
        p.getFileName().toString(), null, p, Files.size(p), null, false);
  }

  private RequestReview.Result ingest(Project p, InboundMessage.Attachment... files)
      throws Exception {
    return ingest.review(
        new RequestReview.Input(
            p, p.number(), List.of(files), "", null, dir, RequestKind.INGEST, null));
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  private static List<Finding> all(RequestReview.Result r) {
    List<Finding> out = new ArrayList<>(r.problems());
    r.files().forEach(f -> out.addAll(f.findings()));
    return out;
  }

  @Test
  void cleanIngestThroughTheWholeEngine_hasNoProblem() throws Exception {
    RequestReview.Result r =
        ingest(
            project("1234567", IndirectIdentifiers.NOT_PERMITTED, SURVEY),
            form(
                DataFormKind.INGEST,
                "",
                data("rates.csv", "annual population survey", "region", "rate")),
            file("rates.csv", "region,rate\nNorth,0.5\nSouth,0.7\n"));
    assertEquals(List.of(), r.problems());
    assertEquals(
        List.of("form", "output"),
        r.files().stream().map(RequestReview.FileOutcome::role).toList());
  }

  @Test
  void nhsNumbersBlock_andAreNeverShownInClear() throws Exception {
    RequestReview.Result r =
        ingest(
            project("1234567", IndirectIdentifiers.PERMITTED, SURVEY),
            form(DataFormKind.INGEST, "", data("people.csv", SURVEY, "nhs_number", "age")),
            file("people.csv", "nhs_number,age\n9434765919,40\n9434765870,52\n"));
    Finding nhs =
        r.problems().stream().filter(f -> f.code().equals("NHS_NUMBER")).findFirst().orElseThrow();
    assertTrue(nhs.blocksRequest());
    assertTrue(
        nhs.message().contains("never allowed in the Secure Research Service"), nhs.message());
    assertFalse((nhs.message() + nhs.evidence() + nhs.location()).contains("9434765919"));
  }

  @Test
  void indirectIdentifiersBlock_unlessTheProjectIsPermitted_thenAWarningNamesThePermission()
      throws Exception {
    String csv = "postcode,n\nSW1A 1AA,3\nM1 1AE,5\nEH1 1YZ,2\n";
    RequestReview.Result refused =
        ingest(
            project("1234567", IndirectIdentifiers.NOT_PERMITTED, SURVEY),
            form(DataFormKind.INGEST, "", data("pc.csv", SURVEY, "postcode", "n")),
            file("pc.csv", csv));
    assertTrue(codes(refused.problems()).contains("POSTCODE"), codes(all(refused)).toString());
    RequestReview.Result allowed =
        ingest(
            project("1234567", IndirectIdentifiers.PERMITTED, SURVEY),
            form(DataFormKind.INGEST, "", data("pc.csv", SURVEY, "postcode", "n")),
            file("pc.csv", csv));
    assertFalse(codes(allowed.problems()).contains("POSTCODE"));
    Finding warning =
        all(allowed).stream().filter(f -> f.code().equals("POSTCODE")).findFirst().orElseThrow();
    assertEquals(Severity.WARNING, warning.severity());
    assertTrue(warning.message().contains("indirect_identifiers: permitted"), warning.message());
  }

  @Test
  void datasetNotApproved_blocksWithHowToRaiseAnAddendum_andNoDatasetIsFormIncomplete()
      throws Exception {
    RequestReview.Result r =
        ingest(
            project("1234567", IndirectIdentifiers.NOT_PERMITTED, SURVEY),
            form(
                DataFormKind.INGEST,
                "",
                data("a.csv", "Labour Force Survey", "region", "rate"),
                data("b.csv", "", "region", "rate")),
            file("a.csv", "region,rate\nNorth,0.5\n"),
            file("b.csv", "region,rate\nNorth,0.5\n"));
    Finding notApproved =
        r.problems().stream()
            .filter(f -> f.code().equals("DATA_NOT_APPROVED"))
            .findFirst()
            .orElseThrow();
    assertTrue(notApproved.message().contains("addendum"), notApproved.message());
    assertEquals("a.csv", notApproved.location());
    assertTrue(
        r.problems().stream()
            .anyMatch(f -> f.code().equals("FORM_INCOMPLETE") && f.location().contains("b.csv")),
        codes(r.problems()).toString());
  }

  @Test
  void columnsTheFormDoesNotList_warnOfDataMinimisation() throws Exception {
    RequestReview.Result r =
        ingest(
            project("1234567", IndirectIdentifiers.NOT_PERMITTED, SURVEY),
            form(DataFormKind.INGEST, "", data("rates.csv", SURVEY, "region")),
            file("rates.csv", "region,rate,extra\nNorth,0.5,1\nSouth,0.7,2\n"));
    Finding f =
        all(r).stream()
            .filter(x -> x.code().equals("VARIABLE_NOT_LISTED"))
            .findFirst()
            .orElseThrow();
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("2 columns", f.evidence());
  }

  @Test
  void aGeographyLookupIsNamed() throws Exception {
    RequestReview.Result r =
        ingest(
            project("1234567", IndirectIdentifiers.NOT_PERMITTED, SURVEY),
            form(DataFormKind.INGEST, "", data("lsoa.csv", SURVEY, "LSOA21CD", "LSOA21NM")),
            file(
                "lsoa.csv",
                "LSOA21CD,LSOA21NM\nE01000001,City of London\nE01000002,City of London\n"
                    + "W01000003,Isle of Anglesey\n"));
    Finding f =
        all(r).stream().filter(x -> x.code().equals("GEOGRAPHY_LOOKUP")).findFirst().orElseThrow();
    assertTrue(f.message().contains("Open Geography Portal"), f.message());
  }

  @Test
  void codeSearchingForOneEntity_andForbiddenFileTypes_block() throws Exception {
    RequestReview.Result r =
        ingest(
            project("1234567", IndirectIdentifiers.NOT_PERMITTED, SURVEY),
            form(
                DataFormKind.INGEST,
                "",
                new DataFileEntry("clean.R", "code", Answer.NO, "", List.of(), "cleaning", "", ""),
                new DataFileEntry("model.pkl", "model", Answer.NO, "", List.of(), "model", "", "")),
            file("clean.R", "# keep one person\nx <- subset(d, person_id == 123456)\n"),
            file("model.pkl", "\u0080\u0004binary pickle"));
    List<String> blocking = codes(r.problems());
    assertTrue(blocking.contains("CODE_ENTITY_SEARCH"), blocking.toString());
    assertTrue(blocking.size() >= 2, "the pickle is refused by today's file rules: " + blocking);
  }

  @Test
  void outputFormOrNoForm_getFormFindings() throws Exception {
    RequestReview.Result none =
        ingest(project("1234567", IndirectIdentifiers.NOT_PERMITTED), file("a.csv", "x,y\n1,2\n"));
    assertEquals("FORM_MISSING", none.problems().get(0).code());
    Path output = Path.of("templates", "forms", "output-request-form.docx");
    RequestReview.Result wrong =
        ingest(
            project("1234567", IndirectIdentifiers.NOT_PERMITTED),
            new InboundMessage.Attachment(
                "output-request-form.docx", null, output, Files.size(output), null, false));
    assertEquals("FORM_WRONG_KIND", wrong.problems().get(0).code());
  }

  @Test
  void transferReadsTheFolderFromTheSourceProject_andTheDestinationsApprovalApplies()
      throws Exception {
    Path share = dir.resolve("share");
    Path folder =
        share
            .resolve("1234567")
            .resolve(FolderSnapshots.READY_FOR_CHECKING)
            .resolve("2026_12_07_Move");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("rates.csv"), "region,rate\nNorth,0.5\n");
    TransferReview transfer =
        new TransferReview(
            StandardScan.engine()::scan,
            FilePolicies::load,
            new FolderSnapshots(
                share,
                dir.resolve("snapshots"),
                Clock.systemUTC(),
                FolderSnapshots.Limits.DEFAULT));
    Project source = project("1234567", IndirectIdentifiers.NOT_PERMITTED, SURVEY);
    Project destination =
        project("2345678", IndirectIdentifiers.NOT_PERMITTED, "Labour Force Survey");
    RequestReview.Result r =
        transfer.review(
            new RequestReview.Input(
                source,
                "1234567",
                List.of(
                    form(
                        DataFormKind.TRANSFER,
                        "2026_12_07_Move",
                        data("rates.csv", SURVEY, "region", "rate"))),
                "",
                null,
                dir,
                RequestKind.TRANSFER,
                destination));
    assertEquals(List.of("DATA_NOT_APPROVED"), codes(r.problems()));
    assertTrue(r.problems().get(0).message().contains("project 2345678"));
    assertEquals("2026_12_07_Move", r.folderName());
    assertTrue(r.folderSnapshot() != null && r.folderSnapshot().contains("rates.csv"));
    assertEquals(2, r.files().size());

    RequestReview.Result noShare =
        new TransferReview(StandardScan.engine()::scan, FilePolicies::load, null)
            .review(
                new RequestReview.Input(
                    source,
                    "1234567",
                    List.of(
                        form(
                            DataFormKind.TRANSFER,
                            "2026_12_07_Move",
                            data("rates.csv", SURVEY, "region", "rate"))),
                    "",
                    null,
                    dir,
                    RequestKind.TRANSFER,
                    destination));
    assertTrue(codes(noShare.problems()).contains(TransferReview.FOLDER_MODE_REQUIRED));
  }
}

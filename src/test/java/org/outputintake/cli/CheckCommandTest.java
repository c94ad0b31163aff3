package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.TestFiles;
import picocli.CommandLine;

class CheckCommandTest {
  @TempDir Path dir;

  private Path folder;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new CheckCommand());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @BeforeEach
  void mixedFolder() throws IOException {
    folder = dir.resolve("request");
    TestFiles.text(folder, "table1.csv", "region,n", "North,120", "South,4");
    TestFiles.xlsx(
        folder, "tables.xlsx", Set.of(), "Table 2", TestFiles.rows("area,count", "A,150", "B,200"));
    TestFiles.text(
        folder, "analysis.R", "# read the data", "df <- read.csv(\"\\\\\\\\srvdata\\\\x.csv\")");
    TestFiles.text(folder, "model.py", "# fit the model", "import pandas as pd");
    TestFiles.text(folder, "notes.txt", "Method notes: contact jane.doe@example.org <b>");
    TestFiles.docx(folder, "report.docx", "Results are in Table 1.");
  }

  @Test
  void textReportListsEveryFileWithFindingsAndExitsOneOnBlockers() {
    int code = run(folder.toString());
    String text = out.toString();
    assertEquals(1, code, err.toString());
    assertTrue(text.contains("table1.csv"), text);
    assertTrue(text.contains("BLOCKER LOW_COUNT"), text);
    assertTrue(text.contains("row 3, column 'n'"), text);
    assertTrue(text.contains("CODE_SERVER_PATH"), text);
    assertTrue(text.contains("EMAIL_ADDRESS"), text);
    assertTrue(text.contains("j***@e***.org"), text);
    assertFalse(text.contains("jane.doe@example.org"), "identifiers must be masked");
    assertFalse(text.contains("srvdata"), "server names must be masked");
    assertTrue(text.contains("Summary: 6 files"), text);
  }

  @Test
  void jsonReportHasTheDocumentedShape() throws IOException {
    int code = run("--format", "json", folder.toString());
    assertEquals(1, code);
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertEquals("ons-srs", root.path("policy").asText());
    assertEquals(6, root.path("files").size());
    List<String> codes = new ArrayList<>();
    for (JsonNode f : root.path("files")) {
      assertFalse(f.path("file").asText().isEmpty());
      assertFalse(f.path("type").asText().isEmpty());
      assertEquals(64, f.path("sha256").asText().length());
      for (JsonNode finding : f.path("findings")) {
        codes.add(finding.path("code").asText());
        assertTrue(
            Set.of("blocker", "warning", "info").contains(finding.path("severity").asText()));
        assertTrue(finding.has("location") && finding.has("message") && finding.has("evidence"));
      }
    }
    assertTrue(
        codes.containsAll(List.of("LOW_COUNT", "CODE_SERVER_PATH", "EMAIL_ADDRESS")),
        codes.toString());
  }

  @Test
  void htmlReportIsSelfContainedAndEscaped() {
    run("--format", "html", folder.toString());
    String html = out.toString();
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("http://") || html.contains("https://"));
    assertTrue(html.contains("LOW_COUNT"));
  }

  @Test
  void cleanFilesExitZero() throws IOException {
    Path clean = TestFiles.text(dir, "clean.csv", "region,n", "North,120", "South,45");
    assertEquals(0, run(clean.toString()), out.toString());
    assertTrue(out.toString().contains("no findings"));
  }

  @Test
  void opensafelyPolicyAndThresholdOverride() throws IOException {
    Path t = TestFiles.text(dir, "t.csv", "group,n", "A,12", "B,20");
    assertEquals(0, run("--threshold", "10", t.toString()));
    assertEquals(1, run("--threshold", "15", t.toString()));
    assertEquals(1, run("--policy", "opensafely", t.toString()), "12 is not rounded to 5");
  }

  @Test
  void missingFileBadPolicyAndBadFormatExitTwoWithAMessage() {
    assertEquals(2, run(dir.resolve("nope.csv").toString()));
    assertTrue(err.toString().contains("no such file"), err.toString());
    assertEquals(2, run("--policy", "no-such-policy", folder.toString()));
    assertTrue(err.toString().contains("unknown policy"), err.toString());
    assertEquals(2, run("--format", "pdf", folder.toString()));
    assertEquals(2, run());
  }

  @Test
  void outputFileAndAcroResults() throws IOException {
    Path report = dir.resolve("out/report.json");
    Path acro = dir.resolve("acro");
    assertEquals(
        1,
        run(
            "--format",
            "json",
            "--output",
            report.toString(),
            "--acro-results",
            acro.toString(),
            folder.toString()));
    assertTrue(Files.exists(report));
    JsonNode results = new ObjectMapper().readTree(acro.resolve("results.json").toFile());
    assertFalse(results.path("version").asText().isEmpty());
    JsonNode outputs = results.path("results");
    assertEquals(6, outputs.size());
    JsonNode table = null;
    for (JsonNode o : outputs) {
      if (o.path("files").get(0).path("name").asText().equals("table1.csv")) table = o;
      assertTrue(Set.of("pass", "fail", "review").contains(o.path("status").asText()));
      assertTrue(
          o.has("uid")
              && o.has("type")
              && o.has("properties")
              && o.has("outcome")
              && o.has("command")
              && o.has("summary")
              && o.has("timestamp")
              && o.has("comments")
              && o.has("exception"));
    }
    assertEquals("fail", table.path("status").asText());
    assertEquals("table", table.path("type").asText());
    JsonNode sdc = table.path("files").get(0).path("sdc");
    assertEquals(1, sdc.path("summary").path("threshold").asInt());
    assertEquals("[[1,0]]", sdc.path("cells").path("threshold").toString());
  }

  @Test
  void givenAcroResults_thenEveryFileIsCopiedBesideThemWithItsChecksumUnderAUniqueName()
      throws IOException {
    Path sub = Files.createDirectories(folder.resolve("sub"));
    Files.writeString(sub.resolve("table1.csv"), "region,n\nNorth,300\nSouth,240\n");
    Path acro = dir.resolve("acro");
    run("--acro-results", acro.toString(), folder.toString());

    JsonNode outputs =
        new ObjectMapper().readTree(acro.resolve("results.json").toFile()).path("results");
    Set<String> names = new java.util.HashSet<>();
    for (JsonNode o : outputs) {
      String name = o.path("files").get(0).path("name").asText();
      assertTrue(names.add(name), "duplicate name " + name);
      assertFalse(name.contains("/") || name.contains("\\"), name);
      Path copy = acro.resolve(name);
      assertTrue(Files.isRegularFile(copy), "missing " + name);
      assertEquals(
          org.outputintake.scan.ScanEngine.sha256(copy),
          Files.readString(acro.resolve("checksums").resolve(name + ".txt")));
      assertEquals(
          o.path("properties").path("sha256").asText(),
          org.outputintake.scan.ScanEngine.sha256(copy));
      assertTrue(o.path("comments").isArray());
    }
    assertTrue(names.contains("table1.csv") && names.contains("table1_2.csv"), names.toString());
  }

  @Test
  void aCorrectlyNamedWindowsProgram_isNotAllowed_notAMisnamedFile() throws IOException {
    Path only = Files.createDirectories(dir.resolve("programs"));
    byte[] exe = new byte[256];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    System.arraycopy(new byte[] {'P', 'E', 0, 0}, 0, exe, 0x80, 4);
    Files.write(only.resolve("setup.exe"), exe);

    assertEquals(1, run(only.toString()));
    assertTrue(out.toString().contains("FILE_TYPE_NOT_ALLOWED"), out.toString());
    assertFalse(out.toString().contains("FILE_TYPE_MISMATCH"), out.toString());
    assertEquals(1, run("--policy", "opensafely", only.toString()));
    assertFalse(out.toString().contains("FILE_TYPE_MISMATCH"), out.toString());
  }

  @Test
  void theResearchersOwnRequestForm_filledOrBlank_isRecognisedAndNotReportedAsAnOutput()
      throws IOException {
    Path request = Files.createDirectories(dir.resolve("with-form"));
    org.outputintake.form.FormFixtures.completeDocx(
        request.resolve("output-request-form.docx"), f -> f.files("table1.csv"));
    org.outputintake.form.FormFixtures.completeXlsx(
        request.resolve("request-form.xlsx"), f -> f.files("table1.csv"));
    Files.copy(
        Path.of("templates", "forms", "output-request-form.docx"),
        request.resolve("blank-form.docx"));
    TestFiles.text(request, "table1.csv", "region,n", "North,120", "South,240");

    int code = run("--format", "json", request.toString());

    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertEquals(1, root.path("files").size(), out.toString());
    assertTrue(root.path("files").get(0).path("file").asText().endsWith("table1.csv"));
    assertFalse(
        out.toString().contains("EMAIL_ADDRESS") || out.toString().contains("EMBEDDED_METADATA"),
        out.toString());
    assertEquals(0, code, out.toString());
    assertTrue(
        err.toString().contains("output-request-form.docx is the output request form"),
        err.toString());
  }
}

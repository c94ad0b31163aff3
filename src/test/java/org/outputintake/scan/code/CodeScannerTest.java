package org.outputintake.scan.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.scan.TestFiles.codes;
import static org.outputintake.scan.TestFiles.context;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.Severity;
import org.outputintake.scan.TestFiles;

class CodeScannerTest {
  @TempDir Path dir;

  private List<Finding> scan(String name, String... lines) throws IOException {
    Path p = TestFiles.text(dir, name, lines);
    ScanFile f = ScanFile.of(p, name);
    assertTrue(new CodeScanner().appliesTo(f));
    return new CodeScanner().scan(f, context("ons-srs"));
  }

  @Test
  void uncServerPathInRIsABlockerAndTheServerNameIsMasked() throws IOException {
    List<Finding> f =
        scan(
            "a.R",
            "# read the extract",
            "df <- read.csv(\"\\\\\\\\srv-data01\\\\Ready for checking\\\\x.csv\")");
    assertEquals(List.of("CODE_SERVER_PATH"), codes(f));
    assertEquals(Severity.BLOCKER, f.get(0).severity());
    assertEquals("line 2", f.get(0).location());
    assertFalse(f.get(0).evidence().contains("srv-data01"));
  }

  @Test
  void uncPathInStataAndTheProxyP() throws IOException {
    assertEquals(
        List.of("CODE_SERVER_PATH"),
        codes(scan("a.do", "* load", "use \"\\\\srvfs01\\project\\data.dta\"")));
    assertEquals(
        List.of(), codes(scan("b.do", "* load", "use \"\\\\P\\Ready for checking\\data.dta\"")));
    assertEquals(
        List.of(), codes(scan("c.R", "# proxy", "setwd(\"\\\\\\\\P\\\\Ready for checking\")")));
  }

  @Test
  void regexEscapesAndUrlsAreNotServerPaths() throws IOException {
    assertEquals(
        List.of(),
        codes(
            scan(
                "a.R",
                "# tidy",
                "x <- gsub(\"\\\\s+\\\\d\", \"\", y)",
                "u <- \"https://example.org/data/file.csv\"")));
  }

  @Test
  void mappedDriveIsAServerPath() throws IOException {
    assertEquals(
        List.of("CODE_SERVER_PATH"),
        codes(scan("a.py", "# load", "df = pd.read_csv(r'S:\\proj\\x.csv')")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a.R|x <- filter(df, nhs_number == \"9434765919\")",
        "b.sql|SELECT * FROM people WHERE person_id = '12345'",
        "c.py|row = df[df.id == 123]",
        "d.R|one <- subset(df, person_id == 42)",
        "e.py|p = df.loc[df['patient_id'] == 'A1234']",
        "f.do|list if pupil_id == 991"
      })
  void searchesForOneEntityAreBlockers(String name, String line) throws IOException {
    List<Finding> f = scan(name, "# select", line);
    assertTrue(codes(f).contains("CODE_ENTITY_SEARCH"), f.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a.R|x <- filter(df, region_id == 3)",
        "b.py|id = 5",
        "c.R|x <- filter(df, age >= 18)",
        "d.sql|SELECT * FROM t WHERE year = 2020",
        "e.py|df = df[df.id != 0]"
      })
  void ordinaryFiltersAreNotEntitySearches(String name, String line) throws IOException {
    assertEquals(List.of(), codes(scan(name, "# filter", line)));
  }

  @Test
  void embeddedDataBlocksAndLongVectorsWarn() throws IOException {
    List<Finding> f = scan("a.R", "# data", "d <- read.table(text = \"a b\\n1 2\")");
    assertEquals(List.of("CODE_EMBEDDED_DATA"), codes(f));
    assertEquals(Severity.BLOCKER, f.get(0).severity());
    assertEquals(
        Severity.BLOCKER,
        scan("b.py", "# data", "df = pd.read_csv(io.StringIO(txt))").get(0).severity());
    assertEquals(
        List.of("CODE_EMBEDDED_DATA"),
        codes(scan("c.sas", "* data;", "data a; input x y;", "datalines;", "1 2", ";")));
    List<Finding> vector =
        scan(
            "d.R",
            "# values",
            "x <- c(12, 15, 18, 21, 23, 25, 31, 35, 36, 40, 41, 44,",
            "  47, 52, 55, 58, 60, 61, 66, 70, 71)");
    assertEquals(List.of("CODE_EMBEDDED_DATA"), codes(vector));
    assertEquals(Severity.WARNING, vector.get(0).severity());
    assertEquals(List.of(), codes(scan("e.R", "# breaks", "b <- c(0, 18, 30, 45, 65, Inf)")));
  }

  @Test
  void longCodeWithoutCommentsIsNotAnnotated() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 45; i++) lines.add("x" + i + " <- " + i);
    assertEquals(List.of("CODE_NOT_ANNOTATED"), codes(scan("a.R", lines.toArray(String[]::new))));
    lines.add(0, "# set up");
    lines.add(20, "# step two");
    lines.add(40, "# step three");
    assertEquals(List.of(), codes(scan("b.R", lines.toArray(String[]::new))));
  }

  @Test
  void notebookWithOutputsHasResults() throws IOException {
    String nb =
        "{\"cells\":[{\"cell_type\":\"markdown\",\"source\":[\"# Analysis\"]},"
            + "{\"cell_type\":\"code\",\"source\":[\"df.head()\"],\"outputs\":[{\"output_type\":\"stream\",\"text\":\"1\"}]},"
            + "{\"cell_type\":\"code\",\"source\":\"x = df[df.nhs_number == 9434765919]\",\"outputs\":[]}],"
            + "\"metadata\":{\"kernelspec\":{\"language\":\"python\"}},\"nbformat\":4}";
    List<Finding> f = scan("a.ipynb", nb);
    assertTrue(codes(f).contains("CODE_HAS_RESULTS"), f.toString());
    assertTrue(codes(f).contains("CODE_ENTITY_SEARCH"));
    assertTrue(codes(f).contains("NHS_NUMBER"));
    assertEquals(
        List.of("cell 3, line 1"),
        f.stream()
            .filter(x -> x.code().equals("CODE_ENTITY_SEARCH"))
            .map(Finding::location)
            .toList());
  }

  @Test
  void brokenNotebookIsAnIoException() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IOException.class, () -> scan("b.ipynb", "{not json"));
  }

  @Test
  void identifiersInCodeAreFound() throws IOException {
    assertEquals(List.of("EMAIL_ADDRESS"), codes(scan("a.py", "# contact jane.doe@example.org")));
  }
}

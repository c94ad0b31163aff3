package org.outputintake.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;

class SafeFileNameTest {
  @Test
  void directoriesAreStrippedWhateverTheSeparator() {
    assertEquals("table.csv", SafeFileName.of("C:\\Users\\me\\table.csv").display());
    assertEquals("table.csv", SafeFileName.of("../../etc/table.csv").display());
    assertEquals("table.csv", SafeFileName.of("../../etc/table.csv").stored());
  }

  @Test
  void anOrdinaryNameIsKeptAndHasNoProblem() {
    SafeFileName name = SafeFileName.of("Table 1 (final).csv");
    assertEquals("Table 1 (final).csv", name.display());
    assertEquals("Table_1_final_.csv", name.stored());
    assertEquals(List.of(), name.problems());
    assertEquals("csv", name.extension());
  }

  @Test
  void bidiOverridesAreMadeVisibleAndReportedAsUnsafe() {
    // Displays as "reportexe.vsc" reversed: the classic right-to-left override trick.
    SafeFileName name = SafeFileName.of("report\u202Ecsv.exe");
    assertEquals("report\\u202ecsv.exe", name.display());
    assertEquals("exe", name.extension());
    List<Finding> problems = name.problems();
    assertEquals(1, problems.size());
    assertEquals("FILE_NAME_UNSAFE", problems.get(0).code());
    assertEquals(Severity.WARNING, problems.get(0).severity());
    assertEquals(
        "report\\u2067csv\\u2069.exe", SafeFileName.of("report\u2067csv\u2069.exe").display());
    assertEquals("a\\u200eb.csv", SafeFileName.of("a\u200Eb.csv").display());
  }

  @Test
  void controlCharactersAreMadeVisibleAndReported() {
    SafeFileName name = SafeFileName.of("tab\u0000le\n.csv");
    assertEquals("tab\\u0000le\\u000a.csv", name.display());
    assertEquals(1, name.problems().size());
  }

  @Test
  void storedNamesAreAsciiBoundedAndNeverSpecial() {
    assertEquals("Resume_2024.xlsx", SafeFileName.of("Résumé 2024.xlsx").stored());
    assertEquals("unnamed", SafeFileName.of("..").stored());
    assertEquals("unnamed", SafeFileName.of("").display());
    assertEquals("file_CON.txt", SafeFileName.of("CON.txt").stored());
    assertEquals("hidden", SafeFileName.of(".hidden").stored());
    assertEquals("file", SafeFileName.of("表.").stored().replaceAll("\\..*", ""));
    String longName = "a".repeat(300) + ".csv";
    SafeFileName name = SafeFileName.of(longName);
    assertTrue(name.stored().length() <= SafeFileName.MAX_STORED);
    assertTrue(name.stored().endsWith(".csv"));
    assertEquals(longName, name.original());
    for (String s : List.of("a/b\\c:d*e?f\"g<h>i|j.csv", "\u202E\u0001", "...", "-x.csv", "x.")) {
      assertTrue(SafeFileName.of(s).stored().matches("[A-Za-z0-9][A-Za-z0-9._-]*"), s);
    }
  }
}

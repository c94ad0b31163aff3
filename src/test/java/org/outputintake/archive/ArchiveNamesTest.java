package org.outputintake.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A researcher's file name becomes a safe name in the export, never a path. */
class ArchiveNamesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "table1.csv|table1.csv",
        "../../etc/passwd|_.._etc_passwd",
        "outputs.zip!/tables/t1.csv|outputs.zip__tables_t1.csv",
        "C:\\Users\\ada\\t1.csv|C__Users_ada_t1.csv",
        "CON.txt|_CON.txt",
        "...hidden|hidden",
        "Tabelle für Ämter.csv|Tabelle für Ämter.csv"
      })
  void unsafeCharactersAndPathPartsBecomeUnderscores(String given, String expected) {
    assertEquals(expected, ArchiveNames.safe(given));
  }

  @Test
  void textDirectionAndControlCharactersCannotDisguiseTheExtension() {
    assertEquals("report_vsc.exe", ArchiveNames.safe("report\u202Evsc.exe"));
    assertEquals("a_b.csv", ArchiveNames.safe("a\u0000b.csv"));
    assertEquals("file", ArchiveNames.safe(""));
  }

  @Test
  void repeatedNamesInOneFolderAreNumbered_ignoringCase() {
    ArchiveNames names = new ArchiveNames();
    assertEquals("t1.csv", names.unique("t1.csv"));
    assertEquals("T1-2.csv", names.unique("T1.csv"));
    assertEquals("t1-3.csv", names.unique("sub/../t1.csv".replace("sub/../", "")));
  }

  @Test
  void longNamesKeepTheirExtension() {
    String name = ArchiveNames.safe("x".repeat(300) + ".xlsx");
    assertTrue(name.endsWith(".xlsx") && name.length() <= 120, name);
  }
}

package org.outputintake.scan.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.ScanReport;
import org.outputintake.scan.TestFiles;

/** The HTML report shows each table with its flagged cells, masked identifiers, and no scripts. */
class HtmlTableTest {
  @TempDir Path dir;

  @Test
  void flaggedCellsAreHighlightedRowsAroundThemShownAndIdentifiersMasked() throws IOException {
    List<String> lines = new ArrayList<>(List.of("nhs_no,area,n"));
    String[] nhs = {"4595748906", "4925412248", "4396937164"};
    for (int i = 0; i < 300; i++) lines.add(nhs[i % 3] + ",a" + i + "," + (i == 250 ? 3 : 120));
    Path csv = TestFiles.text(dir, "t.csv", lines.toArray(String[]::new));
    ScanReport report =
        org.outputintake.review.StandardScan.engine()
            .scan(List.of(ScanFile.of(csv, "t.csv")), TestFiles.context("ons-srs"));
    StringWriter w = new StringWriter();
    ReportFormat.HTML.write(report, w, Map.of("t.csv", csv));
    String html = w.toString();
    Files.writeString(dir.resolve("report.html"), html);

    assertTrue(html.contains("<td class=\"c-low\" title=\"LOW_COUNT: "), "low cell highlighted");
    assertTrue(html.contains(">3</td>"), "the flagged cell shows its value");
    assertTrue(html.contains("rows omitted"), "gap between the first 200 rows and the flagged row");
    assertTrue(html.contains("more rows not shown"), "rows after the last shown one are counted");
    assertTrue(html.contains("class=\"legend\""), "legend");
    for (String n : nhs) assertFalse(html.contains(n), "NHS number in clear: " + n);
    assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), "no scripts");
    assertFalse(html.matches("(?s).*(src|href)=\"?https?:.*"), "no external resources");
  }
}

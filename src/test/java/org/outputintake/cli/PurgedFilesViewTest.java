package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outputintake.form.Answer;
import org.outputintake.form.DataDeclaration;
import org.outputintake.form.DataFileEntry;
import org.outputintake.form.DataFormKind;
import org.outputintake.form.DataFormWriter;
import org.outputintake.form.DataRequestForm;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.Mails;
import org.outputintake.ticket.TicketState;

/**
 * {@code tickets show} and {@code tickets export} of an ingest whose file was removed for direct
 * identifiers: both still work, and say the bytes were removed and why.
 */
class PurgedFilesViewTest extends DeskTest {
  private static final String NHS = "9434765919";
  private static final String REGISTRY =
      """
      number,title,status,type,researchers,threshold,policy,data_owner_review,data_owners,approved_data,indirect_identifiers
      1234567,Energy use modelling,live,full,ada.lovelace@uni.example.ac.uk,10,ons-srs,none,,Annual Population Survey,not-permitted
      """;

  @BeforeEach
  void desksShare() throws Exception {
    Path share = Files.createDirectories(dir.resolve("share"));
    Files.createDirectories(share.resolve("1234567"));
    bot.writeRegistry(REGISTRY);
    bot.restartWithShareRoot(share);
  }

  private byte[] form() throws Exception {
    Path p = dir.resolve("form").resolve(DataFormKind.INGEST.docxName());
    Files.createDirectories(p.getParent());
    DataFormWriter.writeDocx(
        new DataRequestForm(
            DataFormKind.INGEST,
            "1234567",
            "",
            "Ada",
            "16/01/2024",
            "",
            List.of(
                new DataFileEntry(
                    "rates.csv",
                    "rates by region",
                    Answer.YES,
                    "Annual Population Survey",
                    List.of("region", "rate"),
                    "the analysis",
                    "",
                    "")),
            Map.of(
                DataDeclaration.NO_DIRECT_IDENTIFIERS, true,
                DataDeclaration.INDIRECT_ONLY_WITH_PERMISSION, true,
                DataDeclaration.ONLY_WHAT_IS_NEEDED, true)),
        p);
    return Files.readAllBytes(p);
  }

  @Test
  void showAndExportOfARefusedIngest_sayTheBytesWereRemovedAndWhy() throws Exception {
    bot.deliver(
        Mails.request()
            .subject("16/01/24 Ingest request for project 1234567")
            .attach("ingest-request-form.docx", form(), "application/octet-stream")
            .attachCsv("rates.csv", "nhs_number,region,rate\n" + NHS + ",North,0.5\n")
            .build(bot.session()));
    bot.cycle();
    String id = bot.tickets().get(0).idText();
    assertTrue(bot.tickets().get(0).state() instanceof TicketState.Blocked);
    Path config = dir.resolve("intake.yaml");
    bot.cliConfig(config);
    String cfg = config.toString();

    var show = CommandLineTest.run("tickets", "show", id, "--config", cfg);
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().contains("bytes removed"), show.out());
    assertTrue(show.out().contains("direct identifiers (NHS_NUMBER)"), show.out());
    assertTrue(show.out().contains("Raw email: removed"), show.out());
    assertFalse(show.out().contains(NHS), show.out());

    Path exports = dir.resolve("exports");
    var export = CommandLineTest.run("tickets", "export", id, exports.toString(), "--config", cfg);
    assertEquals(0, export.exit(), export.out() + export.err());
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(exports.resolve(id))) {
      for (Path f : files.filter(Files::isRegularFile).toList())
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
    }
    assertTrue(all.toString().contains("NOT KEPT: bytes removed"), all.toString());
    assertTrue(all.toString().contains("NOT KEPT: raw copy removed"), all.toString());
    assertFalse(all.toString().contains(NHS), "no copy of the identifiers is exported");
  }
}

package org.outputintake.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Public test messages of other mail libraries (src/test/resources/mime-corpus, sources in its
 * SOURCES.md), each through the parser: no exception, no empty file for a part that held content,
 * and where known the files and the parts that are not files.
 */
class MimeCorpusTest {
  private static final Map<String, List<String>> FILES =
      Map.ofEntries(
          Map.entry("cpython-msg_02.txt", List.of()),
          Map.entry("cpython-msg_08.txt", List.of()),
          Map.entry("cpython-msg_10.txt", List.of()),
          Map.entry("cpython-msg_16.txt", List.of()),
          Map.entry("cpython-msg_44.txt", List.of("msg.txt", "msg.txt")),
          Map.entry("cpython-msg_48.txt", List.of()),
          Map.entry("mail-attachment_content_disposition.eml", List.of("api.rb")),
          // an inline image that no HTML shows is a file, named by its Content-ID for want of a
          // name
          Map.entry("mail-attachment_missing_filename.eml", List.of("qbFGyPQAS8")),
          Map.entry("mail-attachment_nonascii_filename.eml", List.of("ci\u00eble.txt")),
          Map.entry("mail-attachment_only_email.eml", List.of("blah.gz")),
          // an RFC 2231 name with a byte that is invalid in its charset keeps the rest of the name
          Map.entry(
              "mail-attachment_with_encoded_name.eml",
              List.of("01 Quien Te Dij\ufffdat. Pitbull.mp3")),
          Map.entry(
              "mail-content_transfer_encoding_x_uuencode.eml",
              List.of("PGP_Cmts_on_12-14-01_Pkg.doc")),
          Map.entry("mail-email_with_similar_boundaries.eml", List.of("LOGO.png")),
          Map.entry("mail-raw_email_with_illegal_boundary.eml", List.of()),
          Map.entry("mail-raw_email_with_mimepart_without_content_type.eml", List.of()),
          Map.entry("mail-sig_only_email.eml", List.of()),
          Map.entry("mailparser-nested.eml", List.of()),
          Map.entry("mime4j-overlapping-boundaries.msg", List.of()),
          Map.entry("mimekit-delivery-status-no-blank-line.txt", List.of()),
          Map.entry("mimekit-disposition-notification.txt", List.of()),
          Map.entry("mimekit-missing-subtype.txt", List.of("document.xml.gz")));
  private static final Map<String, List<PartKind>> NOT_FILES =
      Map.of(
          "cpython-msg_16.txt", List.of(PartKind.DELIVERY_STATUS),
          "cpython-msg_48.txt", List.of(PartKind.SIGNATURE),
          "mail-sig_only_email.eml", List.of(PartKind.SIGNATURE),
          "mail-raw_email_with_mimepart_without_content_type.eml",
              List.of(PartKind.DELIVERY_STATUS),
          "mimekit-delivery-status-no-blank-line.txt", List.of(PartKind.DELIVERY_STATUS),
          "mimekit-disposition-notification.txt", List.of(PartKind.DISPOSITION_NOTIFICATION));

  /**
   * Parts sent with nothing in them (an x-uuencode part left empty by its sender): an empty file is
   * the truth.
   */
  private static final Set<String> EMPTY_AS_SENT =
      Set.of("mail-content_transfer_encoding_x_uuencode.eml:PGP_Cmts_on_12-14-01_Pkg.doc");

  @TempDir Path dir;

  static Stream<String> corpus() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(corpusDir())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("SOURCES.md"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void publicTestMessage_parsesWithoutLosingContent(String name) throws Exception {
    InboundMessage m = new MessageParser().parse(corpusDir().resolve(name), dir.resolve("work"));

    assertNotNull(m.contentSha256());
    for (InboundMessage.Attachment a : m.attachments()) {
      assertEquals(Files.size(a.file()), a.size(), name + ": " + a.name());
      if (a.size() == 0)
        assertTrue(
            EMPTY_AS_SENT.contains(name + ":" + a.name()), name + ": empty file " + a.name());
    }
    if (FILES.containsKey(name)) {
      assertEquals(
          FILES.get(name), m.files().stream().map(InboundMessage.Attachment::name).toList(), name);
    }
    assertEquals(
        NOT_FILES.getOrDefault(name, List.of()),
        m.otherParts().stream().map(InboundMessage.Part::kind).toList(),
        name);
  }

  @Test
  void corpusIsModestAndEveryMessageHasItsSourceNamed() throws Exception {
    String sources = Files.readString(corpusDir().resolve("SOURCES.md"));
    List<String> names = corpus().toList();
    long bytes = 0;
    for (String n : names) {
      assertTrue(sources.contains("| " + n + " |"), n + " is not in SOURCES.md");
      bytes += Files.size(corpusDir().resolve(n));
    }
    assertTrue(names.size() >= 20 && names.size() <= 60, names.size() + " messages");
    assertTrue(bytes < 1_000_000, bytes + " bytes");
  }

  private static Path corpusDir() throws URISyntaxException {
    return Path.of(MimeCorpusTest.class.getResource("/mime-corpus/SOURCES.md").toURI()).getParent();
  }
}

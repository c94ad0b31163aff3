package org.outputintake.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The faults real-world test messages showed (issue 13), one by one at the parser. */
class MessageParserRealWorldTest {
  private static final String CSV = "region,count\r\nNorth,120\r\nSouth,85\r\nEast,97\r\n";
  private static final String HEADERS =
      "From: Ada <ada.lovelace@uni.example.ac.uk>\r\nSubject: outputs\r\n"
          + "Message-ID: <m1@uni.example.ac.uk>\r\nMIME-Version: 1.0\r\n";
  private static final String PNG =
      Base64.getEncoder()
          .encodeToString(
              new byte[] {
                (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
              });

  @TempDir Path dir;

  @Test
  void partWithNoBlankLineAfterItsHeaders_keepsEveryLine() throws Exception {
    InboundMessage m =
        parse(
            mixed(
                "Content-Type: text/csv\r\nContent-Disposition: attachment; filename=\"t.csv\"\r\n"
                    + CSV,
                "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"b.bin\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n"
                    + Base64.getMimeEncoder()
                        .encodeToString(
                            CSV.repeat(20).getBytes(java.nio.charset.StandardCharsets.UTF_8))));

    assertEquals(List.of("t.csv", "b.bin"), names(m));
    assertArrayEquals(
        CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Files.readAllBytes(m.files().get(0).file()));
    assertEquals(CSV.length() * 20L, m.files().get(1).size());
    assertTrue(m.parseWarnings().isEmpty(), m.parseWarnings().toString());
  }

  @Test
  void topLevelHeadersWithNoBlankLineBeforeTheBody_keepTheBody_andAStrayHeaderLineIsSkipped()
      throws Exception {
    InboundMessage m =
        parse(
            "From ada@uni.example.ac.uk Tue Jan 16 10:00:00 2024\r\n"
                + HEADERS
                + "Content-Type: text/plain\r\nPlease check my tables.\r\n");

    assertEquals("ada.lovelace@uni.example.ac.uk", m.from());
    assertEquals("Please check my tables.", m.bodyText().trim());
  }

  @Test
  void partThatCannotBeDecoded_isNotAnEmptyFile_butAWarningNamingIt() throws Exception {
    InboundMessage m =
        parse(
            mixed(
                "Content-Type: text/csv\r\nContent-Disposition: attachment; filename=\"t.csv\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n!!!! ???? ****"));

    assertTrue(m.files().isEmpty());
    assertTrue(
        m.parseWarnings().stream()
            .anyMatch(w -> w.contains("t.csv") && w.contains("could not be decoded")),
        m.parseWarnings().toString());
  }

  @Test
  void damagedBase64_isDecodedAsFarAsPossible_andSaysSo() throws Exception {
    InboundMessage m =
        parse(
            mixed(
                "Content-Type: text/csv\r\nContent-Disposition: attachment; filename=\"t.csv\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n"
                    + new StringBuilder(
                            Base64.getEncoder()
                                .encodeToString(
                                    CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .insert(20, "!!")));

    assertEquals(CSV.length(), m.files().get(0).size());
    assertTrue(
        m.parseWarnings().stream().anyMatch(w -> w.contains("t.csv") && w.contains("damaged")),
        m.parseWarnings().toString());
  }

  @Test
  void boundaryInRfc2231Form_plainAndContinued_separatesTheParts() throws Exception {
    for (String param : List.of("boundary*=''b1", "boundary*0*=utf-8''b; boundary*1=\"1\"")) {
      InboundMessage m =
          parse(
              HEADERS
                  + "Content-Type: multipart/mixed; "
                  + param
                  + "\r\n\r\n"
                  + "--b1\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
                  + "--b1\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=t.csv\r\n\r\n"
                  + CSV
                  + "\r\n--b1--\r\n");

      assertEquals("hello", m.bodyText().trim(), param);
      assertEquals(List.of("t.csv"), names(m), param);
    }
  }

  @Test
  void rfc2231NameWithAnInvalidByte_isDecodedLenientlyInsteadOfLost() throws Exception {
    InboundMessage m =
        parse(
            mixed(
                "Content-Type: application/octet-stream; name*=utf-8''r%E9sultats.csv\r\n"
                    + "Content-Disposition: attachment\r\n\r\n"
                    + CSV,
                "Content-Type: text/csv\r\nContent-Disposition: attachment; filename*0*=utf-8''r%C3%A9; filename*1=\"sum.csv\"\r\n\r\n"
                    + CSV));

    assertEquals(List.of("r\ufffdsultats.csv", "résum.csv"), names(m));
  }

  @Test
  void signaturesAreRecordedAsSuch_neverAsFiles() throws Exception {
    InboundMessage m =
        parse(
            HEADERS
                + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";"
                + " boundary=s\r\n\r\n--s\r\nContent-Type: text/plain\r\n\r\nsigned text\r\n"
                + "--s\r\nContent-Type: application/octet-stream; name=smime.p7s\r\nContent-Disposition: attachment;"
                + " filename=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\r\n--s--\r\n");

    assertTrue(m.files().isEmpty());
    assertTrue(m.signed());
    assertEquals(
        "signature smime.p7s (application/octet-stream)", m.otherParts().get(0).describe());
  }

  @Test
  void alternativeBodiesReportsAndPointersAreNotFiles() throws Exception {
    InboundMessage m =
        parse(
            mixed(
                "Content-Type: text/enriched\r\n\r\n<bold>hi</bold>",
                "Content-Type: text/watch-html\r\n\r\n<p>hi</p>",
                "Content-Type: message/delivery-status\r\n\r\nAction: failed\r\nStatus: 5.0.0",
                "Content-Type: message/disposition-notification\r\n\r\nDisposition: displayed",
                "Content-Type: message/external-body; access-type=URL; URL=\"http://example.org/t.csv\"\r\n\r\n"
                    + "Content-Type: text/csv\r\n",
                "Content-Type: message/partial; id=\"abc\"; number=2; total=3\r\n\r\nsome fragment",
                "Content-Type: text/richtext; name=notes.rtx\r\nContent-Disposition: attachment; filename=notes.rtx\r\n\r\nx"));

    assertEquals(
        List.of(
            PartKind.ALTERNATIVE_BODY,
            PartKind.ALTERNATIVE_BODY,
            PartKind.DELIVERY_STATUS,
            PartKind.DISPOSITION_NOTIFICATION,
            PartKind.EXTERNAL_BODY,
            PartKind.PARTIAL),
        m.otherParts().stream().map(InboundMessage.Part::kind).toList());
    assertEquals(List.of("notes.rtx"), names(m), "a file sent in a body format is still a file");
    assertFalse(m.signed());
  }

  @Test
  void imagesAreDisplayImagesOnlyWhenTheHtmlShowsThem() throws Exception {
    InboundMessage m =
        parse(
            HEADERS
                + "Content-Type: multipart/related; boundary=r\r\n\r\n"
                + "--r\r\nContent-Type: text/html\r\n\r\n<p>hi</p><img src=\"CID:Logo%40uni\">\r\n"
                + "--r\r\nContent-Type: image/png\r\nContent-ID: <logo@uni>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + PNG
                + "\r\n--r\r\nContent-Type: image/png\r\nContent-ID: <chart@uni>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + PNG
                + "\r\n--r\r\nContent-Type: application/pdf\r\nContent-ID: <doc@uni>\r\n"
                + "Content-Disposition: attachment; filename=report.pdf\r\n\r\n%PDF-1.4\r\n--r--\r\n");

    assertEquals(List.of("chart@uni", "report.pdf"), names(m));
    assertTrue(
        m.attachments().stream().anyMatch(a -> a.inline() && a.contentId().equals("logo@uni")));
  }

  @Test
  void furtherInlineTextPartsJoinTheBody() throws Exception {
    InboundMessage m =
        parse(
            mixed(
                "Content-Type: text/plain\r\n\r\nfirst", "Content-Type: text/plain\r\n\r\nsecond"));

    assertEquals("first\nsecond", m.bodyText().trim());
    assertTrue(m.files().isEmpty());
  }

  @Test
  void contentDigestIgnoresTraceHeadersButNotContent() throws Exception {
    String mail = HEADERS + "Content-Type: text/plain\r\n\r\nhello\r\n";
    String a =
        digest("Received: from a by b; Tue, 16 Jan 2024 10:00:00 +0000\r\nX-Spam: 1\r\n" + mail);
    String b =
        digest(
            "Received: from c by d; Tue, 16 Jan 2024 10:05:00 +0000\r\nDelivered-To: x@y\r\n"
                + "Return-Path: <ada@uni.example.ac.uk>\r\n"
                + mail.replace("\r\n", "\n"));
    String c = digest(mail.replace("hello", "goodbye"));

    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  @Test
  void headersAloneAreReadWhenTheStructureIsNot() throws Exception {
    Path raw = dir.resolve("huge.eml");
    Files.writeString(
        raw,
        HEADERS
            + "X-Huge: "
            + "y".repeat(1_100_000)
            + "\r\nContent-Type: text/plain\r\n\r\nhi\r\n");

    InboundMessage m = new MessageParser().parseHeaders(raw);

    assertEquals("ada.lovelace@uni.example.ac.uk", m.from());
    assertEquals("outputs", m.subject());
    assertEquals("<m1@uni.example.ac.uk>", m.messageId());
  }

  private String mixed(String... parts) {
    StringBuilder b =
        new StringBuilder(HEADERS + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n");
    for (String p : parts) b.append("--b1\r\n").append(p).append("\r\n");
    return b.append("--b1--\r\n").toString();
  }

  private static List<String> names(InboundMessage m) {
    return m.files().stream().map(InboundMessage.Attachment::name).toList();
  }

  private String digest(String eml) throws Exception {
    Path raw = dir.resolve("d-" + System.nanoTime() + ".eml");
    Files.writeString(raw, eml, StandardCharsets.UTF_8);
    return ContentDigest.of(raw);
  }

  private InboundMessage parse(String eml) throws Exception {
    Path raw = dir.resolve("m-" + System.nanoTime() + ".eml");
    Files.writeString(raw, eml, StandardCharsets.UTF_8);
    return new MessageParser().parse(raw, dir.resolve("work"));
  }
}

package org.outputintake.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageParserTest {
  private static final String CSV = "region,count\r\nNorth,120\r\nSouth,85\r\n";
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };
  private static final String HEADERS =
      String.join(
          "\r\n",
          "From: Ada Lovelace <Ada.Lovelace@Uni.Example.ac.uk>",
          "To: statistical.support@example.org",
          "Subject: 16/01/24 Output request for Project 1234567",
          "Date: Tue, 16 Jan 2024 10:15:00 +0000",
          "Message-ID: <req-1@uni.example.ac.uk>",
          "MIME-Version: 1.0");

  @TempDir Path dir;

  private final MessageParser parser = new MessageParser();

  @Test
  void multipartMixedYieldsBodyAndCsvAttachmentWithExactBytes() throws Exception {
    InboundMessage m =
        parse(
            HEADERS
                + "\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease check my outputs.\r\n"
                + "--b1\r\nContent-Type: text/csv; name=\"table1.csv\"\r\n"
                + "Content-Disposition: attachment; filename=\"table1.csv\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + base64Lines(CSV.getBytes(StandardCharsets.US_ASCII))
                + "\r\n"
                + "--b1--\r\n");

    assertEquals("Please check my outputs.", m.bodyText().trim());
    assertEquals(1, m.attachments().size());
    InboundMessage.Attachment a = m.attachments().get(0);
    assertEquals("table1.csv", a.name());
    assertEquals("text/csv", a.contentType());
    assertEquals(CSV.length(), a.size());
    assertArrayEquals(CSV.getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(a.file()));
    assertFalse(a.inline());
    assertEquals(List.of(a), m.files());
    assertTrue(
        a.file().startsWith(dir.resolve("work")), "attachment bytes go to the work directory");
  }

  @Test
  void aCommaInsideAnEncodedNameStaysInTheNameAndTheSenderIsKept() throws Exception {
    // Outlook's "Lovelace, Adá": decoding before parsing split it into two "addresses"
    InboundMessage m =
        parse(
            "From: =?UTF-8?Q?Lovelace=2C_Ad=C3=A1?= <ada.lovelace@uni.example.ac.uk>\r\n"
                + "Subject: x\r\nMessage-ID: <c@uni.example.ac.uk>\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n");

    assertEquals("ada.lovelace@uni.example.ac.uk", m.from());
    assertEquals("Lovelace, Adá", m.fromName());
  }

  @Test
  void messagesNestedThousandsDeep_areReadToALimit_onAThreadWithASmallStack() throws Exception {
    // each nested message wraps the stream of the one around it: without a limit, reading the
    // innermost part overflows the stack of a worker thread (the poll then retries for ever)
    String inner = "Content-Type: text/csv; name=\"t.csv\"\r\n\r\nregion,n\r\nNorth,30\r\n";
    for (int i = 0; i < 3_000; i++) {
      inner =
          "Content-Type: multipart/mixed; boundary=\"n"
              + i
              + "\"\r\n\r\n--n"
              + i
              + "\r\nContent-Type: message/rfc822\r\n\r\nSubject: fwd\r\n"
              + inner
              + "\r\n--n"
              + i
              + "--\r\n";
    }
    String raw = HEADERS + "\r\n" + inner;
    java.util.concurrent.atomic.AtomicReference<Object> result =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                result.set(parse(raw));
              } catch (Throwable t) {
                result.set(t);
              }
            },
            "small-stack",
            256 * 1024);
    small.start();
    small.join();
    assertTrue(result.get() instanceof InboundMessage, String.valueOf(result.get()));
    InboundMessage m = (InboundMessage) result.get();
    assertTrue(
        m.parseWarnings().stream().anyMatch(w -> w.contains("nested more than")),
        m.parseWarnings().toString());
  }

  @Test
  void topLevelHeadersAreExtracted() throws Exception {
    InboundMessage m = parse(HEADERS + "\r\nContent-Type: text/plain\r\n\r\nhello\r\n");

    assertEquals("ada.lovelace@uni.example.ac.uk", m.from());
    assertEquals("Ada Lovelace", m.fromName());
    assertEquals("16/01/24 Output request for Project 1234567", m.subject());
    assertEquals(Instant.parse("2024-01-16T10:15:00Z"), m.date());
    assertEquals("<req-1@uni.example.ac.uk>", m.messageId());
    assertEquals("statistical.support@example.org", m.header("To").orElseThrow());
    assertEquals("hello", m.bodyText().trim());
    assertTrue(m.attachments().isEmpty());
  }

  @Test
  void rfc2231FileNameIsDecoded() throws Exception {
    InboundMessage m =
        parse(
            mixedWithAttachmentHeaders(
                "Content-Type: text/csv\r\nContent-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv\r\n"));

    assertEquals("résumé.csv", m.attachments().get(0).name());
  }

  @Test
  void encodedWordFileNameIsDecoded() throws Exception {
    String encoded =
        "=?UTF-8?B?"
            + Base64.getEncoder().encodeToString("résumé.csv".getBytes(StandardCharsets.UTF_8))
            + "?=";
    InboundMessage m =
        parse(
            mixedWithAttachmentHeaders(
                "Content-Type: text/csv; name=\""
                    + encoded
                    + "\"\r\n"
                    + "Content-Disposition: attachment; filename=\""
                    + encoded
                    + "\"\r\n"));

    assertEquals("résumé.csv", m.attachments().get(0).name());
  }

  @Test
  void fileNameFromContentTypeNameIsUsedWhenDispositionHasNone() throws Exception {
    InboundMessage m =
        parse(
            mixedWithAttachmentHeaders(
                "Content-Type: application/vnd.ms-excel; name=\"outputs.xls\"\r\n"));

    assertEquals("outputs.xls", m.attachments().get(0).name());
  }

  @Test
  void quotedPrintableBodyIsDecoded() throws Exception {
    InboundMessage m =
        parse(
            HEADERS
                + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Caf=C3=A9 tables for the =\r\nproject, 1 + 1 =3D 2\r\n");

    assertEquals("Café tables for the project, 1 + 1 = 2", m.bodyText().trim());
  }

  @Test
  void base64BodyIsDecoded() throws Exception {
    InboundMessage m =
        parse(
            HEADERS
                + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + base64Lines("Résultats ci-joints".getBytes(StandardCharsets.UTF_8))
                + "\r\n");

    assertEquals("Résultats ci-joints", m.bodyText().trim());
  }

  @Test
  void iso88591BodyIsDecodedWithItsCharset() throws Exception {
    byte[] raw =
        (HEADERS
                + "\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nNa\u00efve caf\u00e9 \u00a3100\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    InboundMessage m = parseBytes(raw);

    assertEquals("Na\u00efve caf\u00e9 \u00a3100", m.bodyText().trim());
  }

  @Test
  void unknownCharsetFallsBackToUtf8WithAWarning() throws Exception {
    InboundMessage m =
        parse(HEADERS + "\r\nContent-Type: text/plain; charset=x-made-up\r\n\r\nplain words\r\n");

    assertEquals("plain words", m.bodyText().trim());
    assertTrue(
        m.parseWarnings().stream().anyMatch(w -> w.contains("x-made-up")),
        m.parseWarnings().toString());
  }

  @Test
  void alternativeTextAndHtmlPrefersThePlainText() throws Exception {
    InboundMessage m =
        parse(
            HEADERS
                + "\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
                + "--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlain version\r\n"
                + "--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML <b>version</b></p>\r\n"
                + "--alt--\r\n");

    assertEquals("Plain version", m.bodyText().trim());
    assertTrue(m.attachments().isEmpty(), "neither alternative is a file");
  }

  @Test
  void htmlOnlyBodyIsConvertedToText() throws Exception {
    InboundMessage m =
        parse(
            HEADERS
                + "\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                + "<html><style>p{color:red}</style><p>Tables&nbsp;for &amp; project</p><br>Thanks</html>\r\n");

    assertEquals(
        "Tables for & project\n\nThanks",
        m.bodyText().trim().replace(" \n", "\n").replace("\n ", "\n"));
  }

  @Test
  void inlineImageOfTheHtmlIsNotAFileButAnAttachedImageIs() throws Exception {
    InboundMessage m =
        parse(
            HEADERS
                + "\r\nContent-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n"
                + "--mix\r\nContent-Type: multipart/related; boundary=\"rel\"\r\n\r\n"
                + "--rel\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
                + "--alt\r\nContent-Type: text/plain\r\n\r\nSee chart\r\n"
                + "--alt\r\nContent-Type: text/html\r\n\r\n<p>See chart</p><img src=\"cid:logo@uni.example\">\r\n"
                + "--alt--\r\n"
                + "--rel\r\nContent-Type: image/png\r\nContent-ID: <logo@uni.example>\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + base64Lines(PNG)
                + "\r\n"
                + "--rel--\r\n"
                + "--mix\r\nContent-Type: image/png; name=\"chart.png\"\r\n"
                + "Content-Disposition: attachment; filename=\"chart.png\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + base64Lines(PNG)
                + "\r\n"
                + "--mix--\r\n");

    assertEquals(2, m.attachments().size());
    InboundMessage.Attachment logo =
        m.attachments().stream()
            .filter(a -> "logo@uni.example".equals(a.contentId()))
            .findFirst()
            .orElseThrow();
    assertTrue(logo.inline());
    assertEquals(1, m.files().size());
    InboundMessage.Attachment chart = m.files().get(0);
    assertEquals("chart.png", chart.name());
    assertFalse(chart.inline());
    assertArrayEquals(PNG, Files.readAllBytes(chart.file()));
    assertEquals("See chart", m.bodyText().trim());
  }

  @Test
  void attachedImageWithAContentIdAfterARelatedPartIsStillAFile() throws Exception {
    // some clients give every attachment a Content-ID; only images the HTML shows are inline
    InboundMessage m =
        parse(
            HEADERS
                + "\r\nContent-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n"
                + "--mix\r\nContent-Type: multipart/related; boundary=\"rel\"\r\n\r\n"
                + "--rel\r\nContent-Type: text/html\r\n\r\n<p>Hi</p><img src=\"cid:logo@uni.example\">\r\n"
                + "--rel\r\nContent-Type: image/png\r\nContent-ID: <logo@uni.example>\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + base64Lines(PNG)
                + "\r\n"
                + "--rel--\r\n"
                + "--mix\r\nContent-Type: image/png; name=\"chart.png\"\r\nContent-ID: <chart-1@uni.example>\r\n"
                + "Content-Disposition: attachment; filename=\"chart.png\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + base64Lines(PNG)
                + "\r\n"
                + "--mix--\r\n");

    assertEquals(
        List.of("chart.png"), m.files().stream().map(InboundMessage.Attachment::name).toList());
  }

  @Test
  void imageMarkedAsAttachmentButShownByTheHtmlIsInline() throws Exception {
    InboundMessage m =
        parse(
            HEADERS
                + "\r\nContent-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n"
                + "--mix\r\nContent-Type: text/html\r\n\r\n<img src=\"cid:sig@uni.example\">\r\n"
                + "--mix\r\nContent-Type: image/png; name=\"image001.png\"\r\nContent-ID: <sig@uni.example>\r\n"
                + "Content-Disposition: attachment; filename=\"image001.png\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + base64Lines(PNG)
                + "\r\n"
                + "--mix--\r\n");

    assertEquals(1, m.attachments().size());
    assertTrue(m.attachments().get(0).inline());
    assertTrue(m.files().isEmpty());
  }

  @Test
  void attachmentOfAForwardedMessageIsCollectedButItsBodyIsNot() throws Exception {
    InboundMessage m =
        parse(
            HEADERS
                + "\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
                + "--outer\r\nContent-Type: text/plain\r\n\r\nForwarding my request\r\n"
                + "--outer\r\nContent-Type: message/rfc822\r\n\r\n"
                + "From: Bob <bob@uni.example.ac.uk>\r\nSubject: inner\r\nMessage-ID: <inner@uni.example.ac.uk>\r\n"
                + "Content-Type: multipart/mixed; boundary=\"inner\"\r\n\r\n"
                + "--inner\r\nContent-Type: text/plain\r\n\r\nInner body\r\n"
                + "--inner\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"inner.csv\"\r\n\r\n"
                + CSV
                + "--inner--\r\n"
                + "--outer--\r\n");

    assertEquals("Forwarding my request", m.bodyText().trim());
    assertEquals(
        List.of("inner.csv"), m.files().stream().map(InboundMessage.Attachment::name).toList());
    assertEquals(
        "<req-1@uni.example.ac.uk>",
        m.messageId(),
        "the inner message's headers are not the top ones");
    assertEquals("ada.lovelace@uni.example.ac.uk", m.from());
  }

  @Test
  void multipartWithoutBoundaryIsReadAsItsText() throws Exception {
    InboundMessage m =
        parse(HEADERS + "\r\nContent-Type: multipart/mixed\r\n\r\nPlease check my tables.\r\n");

    assertEquals("Please check my tables.", m.bodyText().trim());
    assertTrue(m.attachments().isEmpty());
  }

  @Test
  void headerBlockTooLargeToBeRealIsMalformed() throws IOException {
    Path raw =
        write(
            HEADERS
                + "\r\nX-Huge: "
                + "y".repeat(1_100_000)
                + "\r\nContent-Type: text/plain\r\n\r\nhi\r\n");

    assertThrows(MalformedMessageException.class, () -> parser.parse(raw, dir.resolve("work")));
  }

  @Test
  void badBase64AttachmentIsKeptBestEffort() throws Exception {
    InboundMessage m =
        parse(
            mixedWithAttachmentHeaders(
                "Content-Type: text/csv\r\n"
                    + "Content-Disposition: attachment; filename=\"broken.csv\"\r\nContent-Transfer-Encoding: base64\r\n",
                "cmVnaW9uLGNvdW50!!!@@@###\r\nnot*base64*at*all\r\n"));

    assertEquals(
        List.of("broken.csv"), m.files().stream().map(InboundMessage.Attachment::name).toList());
  }

  @Test
  void veryLongHeaderLineParses() throws Exception {
    String longSubject = "16/01/24 Output request for Project 1234567 " + "x".repeat(12_000);
    InboundMessage m =
        parse(
            "From: ada@uni.example.ac.uk\r\nSubject: "
                + longSubject
                + "\r\n"
                + "X-Long: "
                + "y".repeat(20_000)
                + "\r\nContent-Type: text/plain\r\n\r\nbody\r\n");

    assertEquals(longSubject, m.subject());
    assertEquals("body", m.bodyText().trim());
  }

  @Test
  void foldedAndEncodedSubjectIsUnfoldedAndDecoded() throws Exception {
    InboundMessage m =
        parse(
            "From: ada@uni.example.ac.uk\r\nSubject: =?UTF-8?Q?Caf=C3=A9?=\r\n tables\r\n"
                + "Content-Type: text/plain\r\n\r\nbody\r\n");

    assertEquals("Café tables", m.subject());
  }

  @Test
  void threadingHeadersAreExtractedAndThreadIdsAreNearestFirst() throws Exception {
    InboundMessage m =
        parse(
            "From: ada@uni.example.ac.uk\r\nSubject: Re: [STATS10001] x\r\n"
                + "Message-ID: <r3@uni.example.ac.uk>\r\n"
                + "In-Reply-To: <ack-2@example.org>\r\n"
                + "References: <req-1@uni.example.ac.uk>\r\n <ack-1@example.org>\r\n\t<ack-2@example.org>\r\n"
                + "Content-Type: text/plain\r\n\r\nbody\r\n");

    assertEquals("<r3@uni.example.ac.uk>", m.messageId());
    assertEquals("<ack-2@example.org>", m.inReplyTo());
    assertEquals(
        List.of("<req-1@uni.example.ac.uk>", "<ack-1@example.org>", "<ack-2@example.org>"),
        m.references());
    assertEquals(
        List.of("<ack-2@example.org>", "<ack-1@example.org>", "<req-1@uni.example.ac.uk>"),
        m.threadIds());
  }

  @Test
  void threadIdsPutInReplyToFirstEvenWhenItIsNotTheLastReference() {
    InboundMessage m =
        new InboundMessage(
            null,
            "<x@a>",
            List.of("<a@a>", "<b@a>"),
            null,
            null,
            null,
            null,
            java.util.Map.of(),
            null,
            List.of(),
            List.of());

    assertEquals(List.of("<x@a>", "<b@a>", "<a@a>"), m.threadIds());
  }

  @Test
  void messageWithoutIdsOrSenderHasNulls() throws Exception {
    InboundMessage m =
        parse("Subject: anonymous\r\nFrom: undisclosed-recipients:;\r\n\r\nbody\r\n");

    assertNull(m.messageId());
    assertNull(m.inReplyTo());
    assertTrue(m.threadIds().isEmpty());
    assertNull(m.from());
  }

  private String mixedWithAttachmentHeaders(String partHeaders) {
    return mixedWithAttachmentHeaders(partHeaders, CSV);
  }

  private String mixedWithAttachmentHeaders(String partHeaders, String content) {
    return HEADERS
        + "\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
        + "--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
        + "--b1\r\n"
        + partHeaders
        + "\r\n"
        + content
        + "\r\n"
        + "--b1--\r\n";
  }

  private static String base64Lines(byte[] bytes) {
    return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(bytes);
  }

  private Path write(String eml) throws IOException {
    Path raw = dir.resolve("message.eml");
    Files.writeString(raw, eml, StandardCharsets.UTF_8);
    return raw;
  }

  private InboundMessage parse(String eml) throws Exception {
    return parser.parse(write(eml), dir.resolve("work"));
  }

  private InboundMessage parseBytes(byte[] eml) throws Exception {
    Path raw = dir.resolve("message.eml");
    Files.write(raw, eml);
    return parser.parse(raw, dir.resolve("work"));
  }
}

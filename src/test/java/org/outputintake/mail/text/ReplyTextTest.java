package org.outputintake.mail.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outputintake.mail.InboundMessage;
import org.outputintake.mail.MessageParser;

/**
 * Quoted history and signatures stripped from replies as real clients lay them out (samples in
 * replies/).
 */
class ReplyTextTest {
  @TempDir Path dir;

  static String sample(String name) throws IOException {
    try (InputStream in = ReplyTextTest.class.getResourceAsStream("/replies/" + name)) {
      if (in == null) throw new IllegalArgumentException("no sample " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "gmail.txt                    | #pass looks fine, tables 1-3 all above threshold",
        "gmail.html                   | #pass looks fine, tables 1-3 all above threshold",
        "gmail-welsh.txt              | #fail mae tabl 2 yn cynnwys cyfrif o 3",
        "gmail-welsh.html             | #fail mae tabl 2 yn cynnwys cyfrif o 3",
        "apple-mail.txt               | #take",
        "apple-mail.html              | #take",
        "thunderbird.txt              | #note asked Ada on the phone about table 3, she will send a revision",
        "thunderbird.html             | #note asked Ada on the phone about table 3, she will send a revision",
        "thunderbird-welsh.txt        | #pass",
        "outlook-desktop.txt          | #revise please round the counts in table 2 to the nearest 5",
        "outlook-desktop.html         | #revise please round the counts in table 2 to the nearest 5",
        "outlook-web.txt              | #ask which table holds the small cells?",
        "outlook-web.html             | #ask which table holds the small cells?",
        "outlook-welsh.txt            | #pass popeth yn iawn",
        "outlook-welsh.html           | #pass popeth yn iawn",
        "outlook-original-message.txt | #reject the files are not from this project"
      })
  void eachClientsLayout_leavesOnlyTheNewText_withTheCommandOnItsFirstLine(
      String file, String firstLine) throws IOException {
    String body = sample(file.strip());
    ReplyText r = file.endsWith(".html") ? ReplyText.of(null, body) : ReplyText.of(body, null);
    assertEquals(firstLine.strip(), r.firstLine().orElseThrow(), r.toString());
    assertFalse(
        r.newText().contains("Reply #take"), "history left in the new text: " + r.newText());
    assertFalse(r.newText().contains("STATS10001"), "history left in the new text: " + r.newText());
    assertFalse(r.newText().contains("statistical.support@example.org"), r.newText());
    assertTrue(
        r.quoted().contains("Reply #take to check this request."), "history lost: " + r.quoted());
    assertTrue(r.quotedLineCount() >= 2, r.quoted());
  }

  @Test
  void signatures_areSeparatedFromTheNewText() throws IOException {
    ReplyText tb = ReplyText.of(sample("thunderbird.txt"), null);
    assertEquals(
        "#note asked Ada on the phone about table 3, she will send a revision", tb.newText());
    assertTrue(tb.signature().contains("Bob Officer"), tb.signature());
    ReplyText tbHtml = ReplyText.of(null, sample("thunderbird.html"));
    assertEquals(tb.newText(), tbHtml.newText());
    assertTrue(tbHtml.signature().contains("Bob Officer"), tbHtml.signature());
    ReplyText gmail = ReplyText.of(null, sample("gmail.html"));
    assertEquals("#pass looks fine, tables 1-3 all above threshold\n\nAlice", gmail.newText());
    assertTrue(gmail.signature().contains("Statistical Support, Example Org"), gmail.signature());
    ReplyText iphone = ReplyText.of(sample("apple-mail.txt"), null);
    assertEquals("#take", iphone.newText());
    assertEquals("Sent from my iPhone", iphone.signature());
    ReplyText web = ReplyText.of(null, sample("outlook-web.html"));
    assertEquals("#ask which table holds the small cells?", web.newText());
    assertEquals("Dai Jones", web.signature());
  }

  @Test
  void anOutlookSignOffWithoutMarker_isKeptWithTheSignature() throws IOException {
    ReplyText r = ReplyText.of(sample("outlook-desktop.txt"), null);
    assertEquals("#revise please round the counts in table 2 to the nearest 5", r.newText());
    assertEquals("Regards,\nCarol", r.signature());
    assertTrue(r.quoted().startsWith("From: Output Intake"), r.quoted());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Kind regards\\nAlice Officer\\nOutput Checker, SRS\\nTel: 01632 960123",
        "Many thanks,\\nAlice",
        "Best wishes!\\nA.",
        "Diolch yn fawr\\nDai Jones\\nSwyddog Allbwn",
        "Cofion,\\nDai",
        "Kind regards, Alice Officer",
        "Thanks\\nAlice\\n\\nThis email and any attachments are confidential and intended solely for the use of"
            + " the individual to whom it is addressed. If you are not the intended recipient, delete it."
      })
  void closingsFollowedByAShortBlock_areSignatures(String signOff) {
    String signature = signOff.replace("\\n", "\n");
    ReplyText r = ReplyText.ofPlain("#reply the tables are fine\n\n" + signature + "\n");
    assertEquals("#reply the tables are fine", r.newText());
    assertEquals(signature, r.signature());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Thanks!",
        "Thanks for the files, all fine",
        "#note Thanks, will do.",
        "#reply fine\\nThanks\\nThe second table needs a footnote saying values are rounded to five, as agreed earlier today.",
        "#reply fine\\nRegards\\n#pass",
        "#reply see below\\nBest\\nfigures are in table 2 and table 3, which we discussed on the phone at length this morning."
      })
  void textThatOnlyLooksLikeAClosing_staysInTheNewText(String text) {
    String body = text.replace("\\n", "\n");
    ReplyText r = ReplyText.ofPlain(body);
    assertEquals(body, r.newText());
    assertEquals("", r.signature());
  }

  @Test
  void aThanksAnsweringAnInlineQuote_isAnAnswer_theLastClosingIsTheSignOff() {
    ReplyText r =
        ReplyText.ofPlain(
            "#note answers inline\n> Can you resend?\nThanks\n> Is table 2 weighted?\nNo.\n\nCheers\nEve");
    assertEquals("#note answers inline\nThanks\nNo.", r.newText());
    assertEquals("Cheers\nEve", r.signature());
  }

  @Test
  void inlineAnswers_betweenQuotedLines_areKeptAsNewText() throws IOException {
    ReplyText r = ReplyText.of(sample("interleaved.txt"), null);
    assertEquals("#note answers inline\n\nYes, a count of households.\n\nNo.", r.newText());
    assertEquals("> Is table 1 a count?\n> Is table 2 weighted?", r.quoted());
    assertEquals("--\nEve", r.signature());
  }

  @Test
  void textThatMerelyMentionsFromOrWrote_isNotTakenForHistory() {
    String body =
        """
        #note From: the researcher's second email, table 2 changed.
        She wrote: "rounded to 5" in the notes.
        On reflection this looks fine.
        """;
    ReplyText r = ReplyText.ofPlain(body);
    assertEquals(body.strip(), r.newText());
    assertEquals("", r.quoted());
  }

  @Test
  void outlookBlockRenderedByGmailWithStars_andForwardedMarkers_startHistory() {
    ReplyText stars =
        ReplyText.ofPlain(
            """
        #take

        *From:* Output Intake <statistical.support@example.org>
        *Sent:* 16 January 2024 10:15
        *To:* SRS Officers <srs-officers@example.org>
        *Subject:* [STATS10001] New output request
        """);
    assertEquals("#take", stars.newText());
    assertEquals(4, stars.quotedLineCount());
    ReplyText fwd =
        ReplyText.ofPlain(
            "#note see below\n\n---------- Forwarded message ---------\nFrom: Ada\nhello\n");
    assertEquals("#note see below", fwd.newText());
    ReplyText welsh =
        ReplyText.ofPlain("#pass\n\n-----Neges Wreiddiol-----\nOddi wrth: Output Intake\n");
    assertEquals("#pass", welsh.newText());
  }

  @Test
  void aReplyWithNothingNew_hasEmptyNewText_andNoFirstLine() {
    ReplyText r =
        ReplyText.ofPlain(
            "On Tue, 16 Jan 2024 at 10:15, Output Intake <s@example.org> wrote:\n> hello\n");
    assertEquals("", r.newText());
    assertTrue(r.firstLine().isEmpty());
    assertEquals(2, r.quotedLineCount());
    assertEquals("", ReplyText.of(null, null).newText());
    assertEquals("", ReplyText.of("  ", "").newText());
  }

  @Test
  void brokenHtml_isReadWithoutError() {
    ReplyText r =
        ReplyText.of(null, "<div>#take<div class=\"gmail_quote\"><blockquote>old <b>stuff");
    assertEquals("#take", r.newText());
    assertTrue(r.quoted().contains("old stuff"), r.quoted());
  }

  @Test
  void anHtmlOnlyEmail_keepsItsHtmlThroughTheParser_soTheMarkupDecides() throws Exception {
    String raw =
        "From: Dai Jones <dai.jones@example.org>\r\nTo: statistical.support@example.org\r\n"
            + "Subject: RE: [STATS10001] New output request\r\nMessage-ID: <r1@example.org>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=utf-8\r\n\r\n"
            + sample("outlook-web.html");
    Path file = dir.resolve("reply.eml");
    Files.writeString(file, raw);
    InboundMessage m = new MessageParser().parse(file, dir.resolve("work"));
    assertTrue(m.bodyHtml().contains("divRplyFwdMsg"));
    ReplyText r = ReplyText.of(m);
    assertEquals("#ask which table holds the small cells?", r.newText());
    assertTrue(r.quoted().contains("Reply #take"), r.quoted());
  }

  @Test
  void aMultipartAlternativeEmail_isReadFromItsPlainPart_andKeepsNoHtml() throws Exception {
    String raw =
        "From: Alice <alice.officer@example.org>\r\nTo: statistical.support@example.org\r\n"
            + "Subject: Re: [STATS10001]\r\nMessage-ID: <r2@example.org>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/alternative; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + sample("gmail.txt")
            + "\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            + sample("gmail.html")
            + "\r\n--b1--\r\n";
    Path file = dir.resolve("reply.eml");
    Files.writeString(file, raw);
    InboundMessage m = new MessageParser().parse(file, dir.resolve("work"));
    assertEquals("", m.bodyHtml());
    assertEquals(
        "#pass looks fine, tables 1-3 all above threshold",
        ReplyText.of(m).firstLine().orElseThrow());
  }
}

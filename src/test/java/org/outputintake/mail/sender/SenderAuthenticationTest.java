package org.outputintake.mail.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.mail.InboundMessage;
import org.outputintake.mail.MessageParser;

/**
 * Staff commands count only with a trusted Authentication-Results header; samples as real servers
 * write them.
 */
class SenderAuthenticationTest {
  static final String ALICE = "alice.officer@example.org";

  // Gmail / Google Workspace: dkim gives header.i, not header.d
  static final String GMAIL =
      "mx.google.com; dkim=pass header.i=@example.org header.s=google header.b=Xj3kLm9q;"
          + " spf=pass (google.com: domain of alice.officer@example.org designates 209.85.220.41 as permitted sender)"
          + " smtp.mailfrom=alice.officer@example.org; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.org";
  // Exchange Online / Outlook.com: no authserv-id at all
  static final String EXCHANGE =
      "spf=pass (sender IP is 40.107.22.51) smtp.mailfrom=example.org; dkim=pass"
          + " (signature was verified) header.d=example.org;dmarc=pass action=none header.from=example.org;compauth=pass"
          + " reason=100";
  // Postfix with OpenDKIM, then OpenDMARC (SPFSelfValidate) on top
  static final String OPENDMARC =
      "mx.example.ac.uk; dmarc=pass (p=none dis=none) header.from=example.org";
  static final String OPENDKIM =
      "mx.example.ac.uk; dkim=pass (2048-bit key; unprotected) header.d=example.org"
          + " header.i=@example.org header.a=rsa-sha256 header.s=mail header.b=AbCdEf12";
  static final String POLICYD_SPF =
      "mx.example.ac.uk; spf=pass (sender SPF authorized) smtp.mailfrom=example.org";

  static SenderAuthentication.Verdict check(String trusted, String... headers) {
    return SenderAuthentication.check(List.of(headers), ALICE, trusted);
  }

  @Test
  void gmail_dmarcPass_forTheSendersDomain_passes() {
    var v = check("mx.google.com", GMAIL);
    assertTrue(v.pass(), v.reason());
    assertEquals("mx.google.com says dmarc=pass for example.org", v.reason());
  }

  @Test
  void gmail_dkimWithOnlyHeaderI_passesForThatDomain() {
    var v =
        check(
            "mx.google.com",
            "mx.google.com; dkim=pass header.i=@example.org header.s=google header.b=Xj3k");
    assertTrue(v.pass(), v.reason());
  }

  @Test
  void exchangeOnline_headerWithoutAuthservId_isMicrosofts() {
    var v = check(SenderAuthentication.MICROSOFT_365, EXCHANGE);
    assertTrue(v.pass(), v.reason());
    assertFalse(check("mx.example.ac.uk", EXCHANGE).pass());
  }

  @Test
  void exchangeOnline_withReceivingDomainsBetweenResults_stillReads() {
    String withDomains =
        "spf=pass (sender IP is 209.85.219.172) smtp.mailfrom=example.org; uni.example.ac.uk;"
            + " dkim=pass (signature was verified) header.d=example.org;uni.example.ac.uk; dmarc=pass action=none"
            + " header.from=example.org;compauth=pass reason=100";
    assertTrue(check(SenderAuthentication.MICROSOFT_365, withDomains).pass());
    String bestGuess =
        "spf=fail (sender IP is 1.2.3.4) smtp.mailfrom=example.org; dkim=none (message not signed)"
            + " header.d=none;dmarc=bestguesspass action=none header.from=example.org;compauth=pass reason=109";
    var v = check(SenderAuthentication.MICROSOFT_365, bestGuess);
    assertFalse(v.pass(), "a guess is not a DMARC pass: " + v.reason());
  }

  @Test
  void postfixOpenDmarc_onTop_passes() {
    assertTrue(check("mx.example.ac.uk", OPENDMARC, OPENDKIM).pass());
    assertTrue(
        check("mx.example.ac.uk", OPENDKIM).pass(), "dkim=pass with header.d the sender's domain");
    assertTrue(
        check("MX.Example.AC.UK", POLICYD_SPF).pass(),
        "spf=pass, authserv-id compared without case");
  }

  @Test
  void onlyTheTopmostTrustedHeaderCounts_aForgedPassBelowIsIgnored() {
    String realFail = "mx.example.ac.uk; dmarc=fail (p=reject dis=none) header.from=example.org";
    String forged = "mx.example.ac.uk; dmarc=pass header.from=example.org";
    var v = check("mx.example.ac.uk", realFail, forged);
    assertFalse(v.pass());
    assertEquals("mx.example.ac.uk says dmarc=fail for example.org", v.reason());
    var none = check("mx.example.ac.uk", "mx.example.ac.uk; none", forged);
    assertFalse(none.pass(), none.reason());
  }

  @Test
  void headersFromOtherServers_areIgnored_evenWhenTheySayPass() {
    var v =
        check(
            "mx.example.ac.uk", "mail.attacker.example; dmarc=pass header.from=example.org", GMAIL);
    assertFalse(v.pass());
    assertTrue(
        v.reason()
            .contains("none of its 2 Authentication-Results headers is from mx.example.ac.uk"),
        v.reason());
    assertFalse(check("mx.example.ac.uk").pass());
    assertEquals(
        "the message carries no Authentication-Results header", check("mx.example.ac.uk").reason());
  }

  @Test
  void aPassForAnotherDomain_fails() {
    var dkim =
        check(
            "mx.example.ac.uk",
            "mx.example.ac.uk; dkim=pass header.d=mailer.example.com header.s=s1");
    assertFalse(dkim.pass());
    assertEquals(
        "mx.example.ac.uk says dkim=pass (mailer.example.com); none passes for example.org",
        dkim.reason());
    assertFalse(
        check(
                "mx.example.ac.uk",
                "mx.example.ac.uk; spf=pass smtp.mailfrom=bounce@mailer.example.com")
            .pass());
    assertFalse(
        check("mx.example.ac.uk", "mx.example.ac.uk; dmarc=pass header.from=example.org.evil.test")
            .pass());
    assertFalse(
        check("mx.example.ac.uk", "mx.example.ac.uk; dkim=pass header.d=evil-example.org").pass());
  }

  @Test
  void dmarcFail_isDecisive_evenBesideADkimPass() {
    var v =
        check(
            "mx.example.ac.uk",
            "mx.example.ac.uk; dkim=pass header.d=example.org; dmarc=fail header.from=example.org");
    assertFalse(v.pass());
  }

  @Test
  void failsAndNeutralResults_fail() {
    assertFalse(
        check("mx.example.ac.uk", "mx.example.ac.uk; spf=softfail smtp.mailfrom=example.org")
            .pass());
    assertFalse(
        check(
                "mx.example.ac.uk",
                "mx.example.ac.uk; dkim=neutral (bad format) header.d=example.org")
            .pass());
    assertFalse(
        check("mx.example.ac.uk", "mx.example.ac.uk; dkim=temperror header.d=example.org").pass());
  }

  @Test
  void rfc8601Syntax_versionsCommentsQuotedStringsAndSpaces_areRead() {
    assertTrue(
        check(
                "mx.example.ac.uk",
                "mx.example.ac.uk 1; dkim = pass (good; \"sig\") header.d = example.org")
            .pass());
    assertTrue(
        check(
                "mx.example.ac.uk",
                "mx.example.ac.uk; auth=pass (cram-md5) smtp.auth=sender@example.net; spf=pass smtp.mailfrom=example.org")
            .pass());
    assertTrue(
        check("mx.example.ac.uk", "\"mx.example.ac.uk\"; dmarc=pass header.from=\"example.org\"")
            .pass());
    assertTrue(
        check(
                "mx.example.ac.uk",
                "mx.example.ac.uk (a comment (nested) here); dkim/1=pass reason=\"a; b\" header.d=example.org")
            .pass());
    assertTrue(
        check(
                "mx.example.ac.uk",
                "mx.example.ac.uk; dkim=pass header.d=EXAMPLE.ORG. header.b=ab/c+d==")
            .pass());
  }

  @Test
  void anEnvelopeSenderCopiedIntoAComment_cannotWriteAPass() {
    // the trusted server copied the sender's quoted local part into its spf comment unescaped
    String bent =
        "mx.example.org; spf=pass (mx.example.org: domain of"
            + " \"a)b;dmarc=pass header.from=example.org;(c\"@evil.example designates 192.0.2.1 as"
            + " permitted sender) smtp.mailfrom=\"a)b;dmarc=pass"
            + " header.from=example.org;(c\"@evil.example";
    var v = check("mx.example.org", bent);
    assertFalse(v.pass(), v.reason());
    assertTrue(v.reason().contains("does not parse strictly"), v.reason());
    // the same trick where every piece left over is grammatical: the two readings still differ
    String crafted =
        "mx.example.org; spf=pass (mx.example.org: domain of \"a) x.y=z;dmarc=pass"
            + " header.from=example.org; foo=bar (c\"@evil.example designates 192.0.2.1) smtp.mailfrom="
            + "\"a) x.y=z;dmarc=pass header.from=example.org; foo=bar (c\"@evil.example";
    assertFalse(check("mx.example.org", crafted).pass());
  }

  @Test
  void rfc8601AppendixB_examples_readAsTheRfcSays() throws Exception {
    // B.2: nothing was checked
    var none = SenderAuthentication.parse("example.org 1; none");
    assertEquals("example.org", none.authservId());
    assertTrue(none.results().isEmpty());
    // B.3
    var spf = SenderAuthentication.parse("example.com; spf=pass smtp.mailfrom=example.net");
    assertEquals("spf", spf.results().get(0).method());
    assertEquals("example.net", spf.results().get(0).property("smtp.mailfrom"));
    // B.4, both headers
    var auth =
        SenderAuthentication.parse(
            "example.com; auth=pass (cram-md5) smtp.auth=sender@example.net;"
                + " spf=pass smtp.mailfrom=example.net");
    assertEquals("sender@example.net", auth.results().get(0).property("smtp.auth"));
    assertEquals(2, auth.results().size());
    assertEquals(
        "192.0.2.200",
        SenderAuthentication.parse("example.com; iprev=pass policy.iprev=192.0.2.200")
            .results()
            .get(0)
            .property("policy.iprev"));
    // B.5, B.6
    var dkim =
        SenderAuthentication.parse(
            "mail-router.example.net; dkim=pass (good signature) header.d=newyork.example.com"
                + " header.b=oINEO8hg; dkim=fail (bad signature) header.d=mail-router.example.net"
                + " header.b=EToRSuvU");
    assertEquals("fail", dkim.results().get(1).result());
    assertEquals("oINEO8hg", dkim.results().get(0).property("header.b"));
    assertEquals(
        2,
        SenderAuthentication.parse(
                "example.com; sender-id=fail header.from=example.com;"
                    + " dkim=pass (good signature) header.d=example.com")
            .results()
            .size());
    // B.7: a reason and header.i
    var reason =
        SenderAuthentication.parse(
            "example.com; dkim=pass reason=\"good signature\""
                + " header.i=@mail-router.example.net; dkim=fail reason=\"bad signature\""
                + " header.i=@newyork.example.com");
    assertEquals("@newyork.example.com", reason.results().get(1).property("header.i"));
    // section 2.2: comments and folding white space wherever CFWS may go
    var cfws =
        SenderAuthentication.parse(
            "foo.example.net (foobar) 1 (baz);\r\n    dkim (Because I like it) / 1 (One yay) ="
                + " (wait for it) fail\r\n      policy (A dot can go here) . (like that) expired\r\n"
                + "      (this surprised me) = (as I wasn't expecting it) 1362471462");
    assertEquals("foo.example.net", cfws.authservId());
    assertEquals("dkim", cfws.results().get(0).method());
    assertEquals("fail", cfws.results().get(0).result());
    assertEquals("1362471462", cfws.results().get(0).property("policy.expired"));
  }

  @Test
  void headersThatAreNotRfc8601_areNoPass() {
    for (String bent :
        new String[] {
          "mx.example.ac.uk; dmarc=pass header.from=example.org)", // a ')' closing nothing
          "mx.example.ac.uk; dmarc=pass stray header.from=example.org", // a bare word
          "mx.example.ac.uk; dmarc=pass header.from=example.org (unclosed",
          "mx.example.ac.uk; dmarc=pass header.from=\"example.org",
          "mx.example.ac.uk dmarc=pass header.from=example.org", // no ';' after the id
          "mx.example.ac.uk; dmarc pass header.from=example.org",
        }) {
      var v = check("mx.example.ac.uk", bent);
      assertFalse(v.pass(), bent);
      assertTrue(v.reason().contains("does not parse strictly"), v.reason());
    }
  }

  @Test
  void ourOwnSubmissionServersSmtpAuth_passesOnlyForTheWholeAddress() {
    assertTrue(check("mx.example.ac.uk", "mx.example.ac.uk; auth=pass smtp.auth=" + ALICE).pass());
    assertFalse(
        check("mx.example.ac.uk", "mx.example.ac.uk; auth=pass smtp.auth=bob.officer@example.org")
            .pass(),
        "logged in as Bob, writing as Alice");
    assertFalse(check("mx.example.ac.uk", "mx.example.ac.uk; auth=none").pass());
  }

  @Test
  void aHeaderSplitOverSeveralDkimSignatures_passesWhenOneIsTheSendersDomain() {
    assertTrue(
        check(
                "mx.example.ac.uk",
                "mx.example.ac.uk; dkim=pass header.d=esp.example.net header.s=a;"
                    + " dkim=pass header.d=example.org header.s=b")
            .pass());
  }

  @Test
  void garbage_andMissingInputs_failWithAReason_neverThrow() {
    for (String junk :
        new String[] {"", ";;;", "(unclosed", "\"unclosed", "= = =", "mx.example.ac.uk;"}) {
      assertFalse(check("mx.example.ac.uk", junk).pass(), junk);
    }
    assertFalse(SenderAuthentication.check(null, ALICE, "mx.example.ac.uk").pass());
    assertEquals(
        "the sender has no usable From address",
        SenderAuthentication.check(List.of(OPENDMARC), null, "mx.example.ac.uk").reason());
    assertEquals(
        "no trusted authserv-id is configured",
        SenderAuthentication.check(List.of(OPENDMARC), ALICE, " ").reason());
  }

  @Test
  void theParser_keepsEveryAuthenticationResultsHeader_inOrder_unfolded(@TempDir Path dir)
      throws Exception {
    String raw =
        "Authentication-Results: mx.example.ac.uk;\r\n\tdmarc=pass (p=none dis=none) header.from=example.org\r\n"
            + "Received: from mail.example.org by mx.example.ac.uk; Tue, 16 Jan 2024 10:15:00 +0000\r\n"
            + "Authentication-Results: mx.example.ac.uk; dkim=pass header.d=example.org\r\n"
            + "Authentication-Results: forged.example; dmarc=pass header.from=example.org\r\n"
            + "From: Alice <alice.officer@example.org>\r\nTo: statistical.support@example.org\r\nSubject: Re: x\r\n"
            + "Message-ID: <a1@example.org>\r\n\r\n#take\r\n";
    Path file = dir.resolve("m.eml");
    Files.writeString(file, raw);
    InboundMessage m = new MessageParser().parse(file, dir.resolve("work"));
    assertEquals(
        List.of(
            "mx.example.ac.uk; dmarc=pass (p=none dis=none) header.from=example.org",
            "mx.example.ac.uk; dkim=pass header.d=example.org",
            "forged.example; dmarc=pass header.from=example.org"),
        m.authenticationResults());
    var v = SenderAuthentication.check(m.authenticationResults(), m.from(), "mx.example.ac.uk");
    assertTrue(v.pass(), v.reason());
  }
}

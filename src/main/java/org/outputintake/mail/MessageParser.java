package org.outputintake.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.field.ContentDispositionField;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Parses a raw message by streaming (MIME4J {@link MimeStreamParser}): bodies go straight to temp files, so a
 * 25 MB email needs little heap. Lenient where mail in the wild is sloppy (long lines, odd charsets, bad base64),
 * strict where guessing would be wrong (a multipart with no boundary, a header block too large to be real).
 */
public final class MessageParser {
  static final int MAX_BODY_CHARS = 200_000;
  private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]+>");
  private static final DecodeMonitor LENIENT = DecodeMonitor.SILENT;

  private final MimeConfig config = MimeConfig.custom()
      .setMaxLineLen(-1)
      .setMaxHeaderCount(5_000)
      .setMaxHeaderLen(1_000_000)
      .setMaxContentLen(-1)
      .setStrictParsing(false)
      .build();

  /** @param workDir where attachment temp files are written; the caller deletes it */
  public InboundMessage parse(Path raw, Path workDir) throws IOException, MalformedMessageException {
    Files.createDirectories(workDir);
    Handler handler = new Handler(workDir);
    MimeStreamParser parser = new MimeStreamParser(config);
    parser.setContentDecoding(true);
    parser.setRecurse();
    parser.setContentHandler(handler);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(raw), 64 * 1024)) {
      parser.parse(in);
    } catch (MimeException e) {
      throw new MalformedMessageException("the message structure cannot be parsed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MalformedMessageException("the message cannot be parsed: " + e, e);
    }
    if (handler.malformed != null) throw new MalformedMessageException(handler.malformed);
    return handler.result();
  }

  private static final class Handler extends AbstractContentHandler {
    private final Path workDir;
    private final Map<String, String> top = new HashMap<>();
    private final List<InboundMessage.Attachment> attachments = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private int messageDepth;
    private int partCount;
    private String malformed;
    // headers of the entity being read
    private ContentDispositionField disposition;
    private ContentTypeField contentType;
    private String contentId;
    // how many multipart/related containers enclose the part being read; a later sibling is not "related"
    private final ArrayDeque<Boolean> multiparts = new ArrayDeque<>();
    private int relatedDepth;

    Handler(Path workDir) {
      this.workDir = workDir;
    }

    @Override
    public void startMessage() {
      messageDepth++;
    }

    @Override
    public void endMessage() {
      messageDepth--;
    }

    @Override
    public void startHeader() {
      disposition = null;
      contentType = null;
      contentId = null;
    }

    @Override
    public void field(Field raw) {
      String name = raw.getName().toLowerCase(Locale.ROOT);
      try {
        switch (name) {
          case "content-type" -> {
            contentType = (ContentTypeField) LenientFieldParser.getParser().parse(raw, LENIENT);
            // MIME4J quietly reads a boundary-less multipart as text/plain; its parts would be lost, so refuse it
            if (contentType.isMultipart() && (contentType.getBoundary() == null || contentType.getBoundary().isEmpty())) {
              malformed = "a " + contentType.getMimeType() + " part declares no boundary, so its parts cannot be separated";
            }
          }
          case "content-disposition" -> disposition = (ContentDispositionField) LenientFieldParser.getParser().parse(raw, LENIENT);
          case "content-id" -> contentId = stripAngles(raw.getBody());
          default -> { }
        }
      } catch (RuntimeException e) {
        warnings.add("unreadable " + name + " header");
      }
      if (messageDepth == 1 && partCount == 0) {
        String value = raw.getBody() == null ? "" : raw.getBody().trim();
        // every Authentication-Results, top-down, one unfolded value a line: the trusted one need not be the first.
        // Capped: the topmost ones are those that matter, the rest could be a sender's padding
        if (name.equals(InboundMessage.AUTHENTICATION_RESULTS)) {
          top.merge(name, value.replaceAll("\\s+", " "), (a, b) -> a.length() > 64_000 ? a : a + "\n" + b);
        } else {
          top.putIfAbsent(name, value);
        }
      }
    }

    @Override
    public void startMultipart(BodyDescriptor bd) {
      if (bd.getBoundary() == null || bd.getBoundary().isEmpty()) {
        malformed = "a " + bd.getMimeType() + " part declares no boundary, so its parts cannot be separated";
      }
      boolean related = "multipart/related".equalsIgnoreCase(bd.getMimeType());
      multiparts.push(related);
      if (related) relatedDepth++;
    }

    @Override
    public void endMultipart() {
      if (!multiparts.isEmpty() && multiparts.pop()) relatedDepth--;
    }

    @Override
    public void startBodyPart() {
      partCount++;
    }

    @Override
    public void body(BodyDescriptor bd, InputStream is) throws IOException {
      String mime = bd.getMimeType() == null ? "text/plain" : bd.getMimeType().toLowerCase(Locale.ROOT);
      String filename = filename();
      boolean attachmentDisposition = disposition != null && "attachment".equalsIgnoreCase(disposition.getDispositionType());
      boolean isBody = filename == null && !attachmentDisposition && messageDepth == 1
          && (mime.equals("text/plain") || mime.equals("text/html"));
      if (isBody) {
        StringBuilder target = mime.equals("text/plain") ? text : html;
        if (target.length() == 0) appendText(target, is, bd.getCharset());
        return;
      }
      if (filename == null && messageDepth > 1 && (mime.equals("text/plain") || mime.equals("text/html"))) {
        return; // the body of a forwarded message: not a file
      }
      Path file = Files.createTempFile(workDir, "part-", ".bin");
      long size;
      try (var out = Files.newOutputStream(file)) {
        size = is.transferTo(out);
      }
      boolean inlineDisposition = disposition != null && "inline".equalsIgnoreCase(disposition.getDispositionType());
      boolean inlineImage = mime.startsWith("image/") && contentId != null && (relatedDepth > 0 || inlineDisposition);
      String name = filename != null ? filename : contentId != null ? contentId : "attachment-" + (attachments.size() + 1);
      attachments.add(new InboundMessage.Attachment(name, mime, file, size, contentId, inlineImage));
    }

    private String filename() {
      String name = null;
      if (disposition != null) name = disposition.getFilename();
      if ((name == null || name.isBlank()) && contentType != null) name = contentType.getParameter("name");
      if (name == null || name.isBlank()) return null;
      return DecoderUtil.decodeEncodedWords(name, LENIENT).trim();
    }

    private void appendText(StringBuilder target, InputStream is, String charset) throws IOException {
      java.nio.charset.Charset cs;
      try {
        cs = charset == null ? java.nio.charset.StandardCharsets.US_ASCII : java.nio.charset.Charset.forName(charset);
      } catch (RuntimeException e) {
        warnings.add("unknown charset " + charset + ", read as UTF-8");
        cs = java.nio.charset.StandardCharsets.UTF_8;
      }
      if (cs.equals(java.nio.charset.StandardCharsets.US_ASCII)) cs = java.nio.charset.StandardCharsets.UTF_8;
      var reader = new java.io.InputStreamReader(is, cs);
      char[] buf = new char[8192];
      int n;
      while ((n = reader.read(buf)) > 0) {
        if (target.length() < MAX_BODY_CHARS) target.append(buf, 0, Math.min(n, MAX_BODY_CHARS - target.length()));
      }
    }

    InboundMessage result() {
      String htmlText = html.toString();
      // an image is inline when the HTML shows it (cid:), whatever its disposition says
      List<InboundMessage.Attachment> files = attachments.stream().map(a -> a.contentId() != null && !a.inline()
          && a.contentType().startsWith("image/") && htmlText.contains("cid:" + a.contentId())
          ? new InboundMessage.Attachment(a.name(), a.contentType(), a.file(), a.size(), a.contentId(), true) : a).toList();
      String body = text.length() > 0 ? text.toString() : htmlToText(htmlText);
      String fromHeader = top.get("from");
      String from = null;
      String fromName = null;
      if (fromHeader != null) {
        try {
          InternetAddress[] list = InternetAddress.parseHeader(DecoderUtil.decodeEncodedWords(fromHeader, LENIENT), false);
          if (list.length > 0 && list[0].getAddress() != null && list[0].getAddress().contains("@")) {
            from = list[0].getAddress().trim().toLowerCase(Locale.ROOT);
            fromName = list[0].getPersonal();
          }
        } catch (AddressException e) {
          warnings.add("unreadable From header");
        }
      }
      String subject = top.get("subject") == null ? "" : DecoderUtil.decodeEncodedWords(unfold(top.get("subject")), LENIENT);
      return new InboundMessage(firstId(top.get("message-id")), firstId(top.get("in-reply-to")),
          allIds(top.get("references")), from, fromName, subject.trim(), date(top.get("date")), top, body,
          text.length() > 0 ? "" : htmlText, files, warnings);
    }

    private Instant date(String value) {
      if (value == null) return null;
      try {
        var f = (DateTimeField) LenientFieldParser.getParser().parse(new org.apache.james.mime4j.stream.RawField("Date", value), LENIENT);
        return f.getDate() == null ? null : f.getDate().toInstant();
      } catch (RuntimeException e) {
        return null;
      }
    }
  }

  static String unfold(String s) {
    return s.replaceAll("\\r?\\n[ \\t]+", " ");
  }

  static String stripAngles(String s) {
    if (s == null) return null;
    String t = s.trim();
    if (t.startsWith("<") && t.endsWith(">")) t = t.substring(1, t.length() - 1);
    return t.isEmpty() ? null : t;
  }

  static String firstId(String header) {
    if (header == null) return null;
    Matcher m = MSG_ID.matcher(header);
    return m.find() ? m.group() : null;
  }

  static List<String> allIds(String header) {
    List<String> out = new ArrayList<>();
    if (header == null) return out;
    Matcher m = MSG_ID.matcher(header);
    while (m.find()) out.add(m.group());
    return out;
  }

  static String htmlToText(String html) {
    if (html.isEmpty()) return "";
    return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
        .replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
        .replaceAll("<[^>]+>", " ")
        .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        .replaceAll("[ \\t]+", " ").trim();
  }
}

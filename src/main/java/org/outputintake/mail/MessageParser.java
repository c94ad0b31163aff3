package org.outputintake.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.field.ContentDispositionField;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.outputintake.store.RawStore;

/**
 * Parses a raw message by streaming (MIME4J {@link MimeStreamParser}): bodies go straight to temp
 * files, so a 25 MB email needs little heap. Lenient as mail clients are where mail in the wild is
 * sloppy (long lines, odd charsets, bad base64, a part whose body follows its headers without a
 * blank line, a multipart that declares no boundary, an RFC 2231 boundary): what cannot be read as
 * sent becomes a parse warning, never a silent loss. Strict only where guessing would be wrong (a
 * header block too large to be real).
 */
public final class MessageParser {
  private static final int MAX_NESTED_MESSAGES = 50;

  private static final DecodeMonitor LENIENT = DecodeMonitor.SILENT;

  private final MimeConfig config =
      MimeConfig.custom()
          .setMaxLineLen(-1)
          .setMaxHeaderCount(5_000)
          .setMaxHeaderLen(1_000_000)
          .setMaxContentLen(-1)
          .setStrictParsing(false)
          .build();

  /**
   * @param workDir where attachment temp files are written; the caller deletes it
   */
  public InboundMessage parse(Path raw, Path workDir)
      throws IOException, MalformedMessageException {
    Files.createDirectories(workDir);
    String digest = ContentDigest.of(raw);
    Handler handler = new Handler(workDir);
    run(raw, handler);
    return handler.result(digest);
  }

  /**
   * The top-level headers alone, for a message whose structure cannot be read, so its sender,
   * subject and Message-ID are still recorded and a polite note can go where they are sound; null
   * when even they cannot be read.
   */
  public InboundMessage parseHeaders(Path raw) {
    try {
      Handler handler = new Handler(null);
      handler.startMessage();
      for (var field : TopHeaders.read(raw)) handler.field(field);
      return handler.result(ContentDigest.of(raw));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private void run(Path raw, Handler handler) throws IOException, MalformedMessageException {
    MimeStreamParser parser = new MimeStreamParser(config, LENIENT, new BoundaryAwareDescriptors());
    // decoded here rather than by MIME4J, to tell a part that was empty from one that would not
    // decode
    parser.setContentDecoding(false);
    parser.setRecurse();
    handler.parser = parser;
    parser.setContentHandler(handler);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(raw), 64 * 1024)) {
      // a part whose body starts right after its headers, with no blank line: the body, not lost
      // headers
      parser.parse(new MissingBlankLineRepair(in));
    } catch (MimeException e) {
      throw new MalformedMessageException(
          "the message structure cannot be parsed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MalformedMessageException("the message cannot be parsed: " + e, e);
    }
  }

  private static final class Handler extends AbstractContentHandler {
    private final Path workDir;
    private final Map<String, String> top = new HashMap<>();
    private final List<InboundMessage.Attachment> attachments = new ArrayList<>();
    private final List<InboundMessage.Part> otherParts = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final BodyText text = new BodyText(warnings);
    private int messageDepth;
    private MimeStreamParser parser;
    private int partCount;
    // headers of the entity being read
    private ContentDispositionField disposition;
    private String dispositionRaw;
    private String contentTypeRaw;
    private String contentId;

    Handler(Path workDir) {
      this.workDir = workDir;
    }

    @Override
    public void startMessage() {
      messageDepth++;
      // every nested message reads through the streams of those around it, so thousands of
      // levels overflow a worker's stack; deeper ones are kept whole, as an attached message
      if (messageDepth == MAX_NESTED_MESSAGES && parser != null) {
        parser.setNoRecurse();
        warnings.add(
            "forwarded messages nested more than "
                + MAX_NESTED_MESSAGES
                + " deep: the rest is kept as one attached message, not read");
      }
    }

    @Override
    public void endMessage() {
      messageDepth--;
    }

    @Override
    public void startHeader() {
      disposition = null;
      dispositionRaw = null;
      contentTypeRaw = null;
      contentId = null;
    }

    @Override
    public void field(Field raw) {
      String name = raw.getName().toLowerCase(Locale.ROOT);
      try {
        switch (name) {
          case "content-type" -> contentTypeRaw = raw.getBody();
          case "content-disposition" -> {
            dispositionRaw = raw.getBody();
            disposition =
                (ContentDispositionField) LenientFieldParser.getParser().parse(raw, LENIENT);
          }
          case "content-id" -> contentId = HeaderValues.stripAngles(raw.getBody());
          default -> {}
        }
      } catch (RuntimeException e) {
        warnings.add("unreadable " + name + " header");
      }
      if (messageDepth == 1 && partCount == 0) {
        String value = raw.getBody() == null ? "" : raw.getBody().trim();
        // every Authentication-Results, top-down, one unfolded value a line: the trusted one need
        // not be the first.
        // Capped: the topmost ones are those that matter, the rest could be a sender's padding
        if (name.equals(InboundMessage.AUTHENTICATION_RESULTS)) {
          top.merge(
              name,
              value.replaceAll("\\s+", " "),
              (a, b) -> a.length() > 64_000 ? a : a + "\n" + b);
        } else {
          top.putIfAbsent(name, value);
        }
      }
    }

    @Override
    public void startBodyPart() {
      partCount++;
    }

    @Override
    public void body(BodyDescriptor bd, InputStream encoded) throws IOException {
      String mime =
          bd.getMimeType() == null ? "text/plain" : bd.getMimeType().toLowerCase(Locale.ROOT);
      // a multipart that declares no boundary has no parts to find: mail clients show its text, and
      // so do we
      if (mime.startsWith("multipart/")) mime = "text/plain";
      String filename = filename();
      boolean attachment =
          disposition != null && "attachment".equalsIgnoreCase(disposition.getDispositionType());
      PartDecoding.Counting counted = new PartDecoding.Counting(encoded);
      PartDecoding.Monitor monitor = new PartDecoding.Monitor();
      InputStream is = PartDecoding.decode(counted, bd.getTransferEncoding(), monitor);
      Optional<PartKind> kind = PartKind.of(mime, filename, attachment);
      if (kind.isPresent()) {
        otherParts.add(
            new InboundMessage.Part(
                kind.get(), mime, filename, is.transferTo(OutputStream.nullOutputStream())));
        return;
      }
      boolean textBody =
          filename == null
              && !attachment
              && (mime.equals("text/plain") || mime.equals("text/html"));
      if (textBody) {
        text.read(mime, is, bd.getCharset(), messageDepth);
        if (monitor.problem() != null && counted.content() > 0) {
          warnings.add("part of the email text was damaged in transit (" + monitor.problem() + ")");
        }
        return;
      }
      Path file;
      try {
        file = Files.createTempFile(workDir, "part-", ".bin");
      } catch (IOException e) {
        throw new RawStore.Unwritable(workDir, e);
      }
      long size;
      try (var out = RawStore.create(file)) {
        size = is.transferTo(out);
      }
      String name =
          filename != null
              ? filename
              : contentId != null ? contentId : "attachment-" + (attachments.size() + 1);
      if (size == 0 && counted.content() > 0) {
        Files.deleteIfExists(file);
        warnings.add(
            "the attachment '"
                + name
                + "' ("
                + mime
                + ") could not be decoded ("
                + counted.content()
                + " bytes sent as "
                + bd.getTransferEncoding()
                + " gave nothing), so it is not on the ticket;"
                + " please send it again");
        return;
      }
      if (monitor.problem() != null) {
        warnings.add(
            "the attachment '"
                + name
                + "' was damaged in transit ("
                + monitor.problem()
                + "); it was decoded as far as possible, please check it or send it again");
      }
      if (Tnef.isTnef(mime, filename, file)) {
        Optional<List<Tnef.Unpacked>> inside = Tnef.unpack(file, workDir);
        if (inside.isPresent()) {
          Files.deleteIfExists(file);
          otherParts.add(new InboundMessage.Part(PartKind.TNEF, mime, name, size));
          for (Tnef.Unpacked u : inside.get()) {
            attachments.add(
                new InboundMessage.Attachment(
                    u.name(), "application/octet-stream", u.file(), u.size(), null, false));
          }
          return;
        }
        warnings.add(
            "the attachment '"
                + name
                + "' is Outlook's Rich Text wrapper (winmail.dat) and could not be unpacked; "
                + "please send the email again in HTML or plain-text format");
      }
      attachments.add(new InboundMessage.Attachment(name, mime, file, size, contentId, false));
    }

    private String filename() {
      Map<String, String> dispositionParams = Rfc2231.params(dispositionRaw);
      String name = Rfc2231.value(dispositionParams, "filename");
      if ((name == null || name.isBlank()) && disposition != null) name = disposition.getFilename();
      if (name == null || name.isBlank())
        name = Rfc2231.value(Rfc2231.params(contentTypeRaw), "name");
      if (name == null || name.isBlank()) return null;
      String decoded = DecoderUtil.decodeEncodedWords(name, LENIENT).trim();
      return decoded.isEmpty() ? null : decoded;
    }

    InboundMessage result(String digest) {
      // an image is shown in the body only when an HTML part refers to it (cid:); otherwise it is a
      // file
      List<InboundMessage.Attachment> files =
          attachments.stream()
              .map(
                  a ->
                      a.contentId() != null
                              && a.contentType().startsWith("image/")
                              && text.refersTo(a.contentId())
                          ? new InboundMessage.Attachment(
                              a.name(), a.contentType(), a.file(), a.size(), a.contentId(), true)
                          : a)
              .toList();
      String fromHeader = top.get("from");
      String from = null;
      String fromName = null;
      if (fromHeader != null) {
        try {
          InternetAddress first = HeaderValues.firstAddress(fromHeader);
          if (first != null) {
            from = first.getAddress().trim().toLowerCase(Locale.ROOT);
            fromName = first.getPersonal();
          }
        } catch (AddressException e) {
          warnings.add("unreadable From header");
        }
      }
      String subject =
          top.get("subject") == null
              ? ""
              : DecoderUtil.decodeEncodedWords(HeaderValues.unfold(top.get("subject")), LENIENT);
      return new InboundMessage(
          HeaderValues.firstId(top.get("message-id")),
          HeaderValues.firstId(top.get("in-reply-to")),
          HeaderValues.allIds(top.get("references")),
          from,
          fromName,
          subject.trim(),
          date(top.get("date")),
          top,
          text.body(),
          text.html(),
          files,
          warnings,
          otherParts,
          digest);
    }

    private Instant date(String value) {
      if (value == null) return null;
      try {
        var f =
            (DateTimeField)
                LenientFieldParser.getParser()
                    .parse(new org.apache.james.mime4j.stream.RawField("Date", value), LENIENT);
        return f.getDate() == null ? null : f.getDate().toInstant();
      } catch (RuntimeException e) {
        return null;
      }
    }
  }
}

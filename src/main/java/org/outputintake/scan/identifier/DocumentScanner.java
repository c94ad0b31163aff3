package org.outputintake.scan.identifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.outputintake.scan.ContentScanner;
import org.outputintake.scan.FileKinds;
import org.outputintake.scan.Finding;
import org.outputintake.scan.FindingCollector;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.Severity;
import org.xml.sax.SAXException;

/**
 * Identifiers (and model output with too few degrees of freedom) in prose: plain text read line by
 * line, Word/PowerPoint/RTF/OpenDocument text through Tika, PDF text page by page through PDFBox.
 * Extracted text is capped so that a document that expands hugely cannot exhaust memory.
 */
public final class DocumentScanner implements ContentScanner {
  static final int MAX_EXTRACTED_CHARS = 10_000_000;
  static final int MAX_PDF_PAGES = 5_000;
  private static final Pattern DF_TEXT =
      Pattern.compile(
          "(?i)(?:\\bon\\s++(\\d{1,7})\\s++(?:residual\\s++)?degrees\\s++of\\s++freedom"
              + "|\\bdf[ ._]?resid(?:ual)?s?\\b\\s*+[:=]?\\s*+(\\d{1,7})\\b)");

  @Override
  public boolean appliesTo(ScanFile file) {
    return FileKinds.document(file);
  }

  @Override
  public List<Finding> scan(ScanFile file, ScanContext ctx) throws IOException {
    FindingCollector out = new FindingCollector();
    IdentifierFinder finder = new IdentifierFinder();
    if (FileKinds.pdf(file)) {
      pdf(file, out, finder);
    } else if (FileKinds.plainText(file)) {
      try (InputStream in = Files.newInputStream(file.path())) {
        lines(
            new BufferedReader(
                new InputStreamReader(
                    in,
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE))),
            "",
            out,
            finder);
      }
    } else {
      office(file, out, finder);
    }
    return out.findings();
  }

  /** Scans a text line by line; {@code prefix} is e.g. {@code "page 3"} or empty. */
  static void lines(
      BufferedReader reader, String prefix, FindingCollector out, IdentifierFinder finder)
      throws IOException {
    String line;
    long n = 0;
    long chars = 0;
    while ((line = reader.readLine()) != null && chars < 4L * MAX_EXTRACTED_CHARS) {
      n++;
      chars += line.length();
      String where = (prefix.isEmpty() ? "" : prefix + ", ") + "line " + n;
      finder.scanLine(
          line, null, (kind, masked) -> out.add(IdentifierFinder.finding(kind, where, masked)));
      degreesOfFreedom(line, where, out);
    }
  }

  private static void degreesOfFreedom(String line, String where, FindingCollector out) {
    if (line.length() > 4000
        || !(line.contains("egrees") || line.contains("Df") || line.contains("df"))) return;
    Matcher m = DF_TEXT.matcher(line);
    while (m.find()) {
      String value = m.group(1) != null ? m.group(1) : m.group(2);
      long df = Long.parseLong(value);
      if (df < 10) {
        out.add(
            new Finding(
                "LOW_DEGREES_OF_FREEDOM",
                Severity.BLOCKER,
                where,
                "Model output with fewer than 10 residual degrees of freedom can reveal individual values. "
                    + "Fit the model on more observations or fewer parameters.",
                "df " + df));
      }
    }
  }

  private void pdf(ScanFile file, FindingCollector out, IdentifierFinder finder)
      throws IOException {
    try (PDDocument doc = Loader.loadPDF(file.path().toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      int pages = Math.min(doc.getNumberOfPages(), MAX_PDF_PAGES);
      for (int p = 1; p <= pages; p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        String text = stripper.getText(doc);
        lines(new BufferedReader(new StringReader(text)), "page " + p, out, finder);
      }
      if (doc.getNumberOfPages() > MAX_PDF_PAGES) {
        out.add(
            Finding.warning(
                "SCAN_ERROR",
                "",
                "Only the first "
                    + MAX_PDF_PAGES
                    + " pages were checked; an officer must check the rest by hand."));
      }
    }
  }

  private void office(ScanFile file, FindingCollector out, IdentifierFinder finder)
      throws IOException {
    BodyContentHandler handler = new BodyContentHandler(MAX_EXTRACTED_CHARS);
    boolean truncated = false;
    try (InputStream in = Files.newInputStream(file.path())) {
      new AutoDetectParser().parse(in, handler, new Metadata(), new ParseContext());
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw new IOException("the document's text could not be extracted", e);
      }
      truncated = true;
    } catch (TikaException e) {
      throw new IOException("the document's text could not be extracted", e);
    }
    lines(new BufferedReader(new StringReader(handler.toString())), "", out, finder);
    if (truncated) {
      out.add(
          Finding.warning(
              "SCAN_ERROR",
              "",
              "Only the first "
                  + MAX_EXTRACTED_CHARS
                  + " characters of text were checked; an officer must check the rest by hand."));
    }
  }
}

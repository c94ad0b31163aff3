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
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
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

  /** Content-stream instructions read from one page, and from a whole document. */
  static final long MAX_PDF_PAGE_OPERATORS = 500_000;

  static final long MAX_PDF_OPERATORS = 10_000_000;
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
      BoundedStripper stripper = new BoundedStripper();
      int pages = Math.min(doc.getNumberOfPages(), MAX_PDF_PAGES);
      for (int p = 1; p <= pages; p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        String text;
        try {
          text = stripper.getText(doc);
        } catch (TooMuchWork e) {
          out.add(
              Finding.warning(
                  "SCAN_ERROR",
                  "page " + p,
                  "The text of page "
                      + p
                      + (e.wholeDocument ? " and after" : "")
                      + " was not checked: the page asks for more drawing work than a real page"
                      + " needs (over "
                      + (e.wholeDocument ? MAX_PDF_OPERATORS : MAX_PDF_PAGE_OPERATORS)
                      + " instructions). An officer must check it by hand."));
          if (e.wholeDocument) return;
          continue;
        }
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

  /**
   * Text extraction with a budget of content-stream instructions. A few kilobytes of forms that
   * draw each other ten times over ask for hours of work (10^7 instructions take PDFBox about two
   * minutes), and the poll waits for the scan; a real page needs thousands.
   */
  private static final class BoundedStripper extends PDFTextStripper {
    private long page;
    private long total;

    @Override
    public String getText(PDDocument doc) throws IOException {
      page = 0;
      return super.getText(doc);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
      if (++total > MAX_PDF_OPERATORS) throw new TooMuchWork(true);
      if (++page > MAX_PDF_PAGE_OPERATORS) throw new TooMuchWork(false);
      super.processOperator(operator, operands);
    }

    @Override
    protected void operatorException(Operator operator, List<COSBase> operands, IOException e)
        throws IOException {
      // PDFBox logs and skips what fails inside a form (Do); running out of budget must stop it
      if (e instanceof TooMuchWork) throw e;
      super.operatorException(operator, operands, e);
    }
  }

  /** The extraction ran out of budget, on this page or for the whole document. */
  private static final class TooMuchWork extends IOException {
    private static final long serialVersionUID = 1L;
    final boolean wholeDocument;

    TooMuchWork(boolean wholeDocument) {
      super("too many content-stream instructions");
      this.wholeDocument = wholeDocument;
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

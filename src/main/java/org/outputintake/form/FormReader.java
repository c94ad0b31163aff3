package org.outputintake.form;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.outputintake.scan.ScanFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an output request form from a .docx, .xlsx, .xls or AcroForm .pdf, by its labels (see
 * {@link FormAssembler}). The type is taken from the media type detected from the bytes, or sniffed
 * when the media type is missing or generic; the file name is never trusted. Outcomes are values: a
 * corrupt, encrypted or oversized file is UNREADABLE, any other document NOT_A_FORM; nothing here
 * throws for bad input.
 */
public final class FormReader {
  private static final Logger LOG = LoggerFactory.getLogger(FormReader.class);
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String XLS = "application/vnd.ms-excel";
  static final String PDF = "application/pdf";
  static final String DOC = "application/msword";
  static final String OPENDOCUMENT = "application/vnd.oasis.opendocument.";

  /** A form is a few pages; a bigger file is not read as one. */
  private final long maxFileBytes;

  /** Bound on the expanded XML of a .docx/.xlsx, which POI holds in memory. */
  private final long maxXmlBytes;

  public FormReader() {
    this(20L << 20, 16L << 20);
  }

  public FormReader(long maxFileBytes, long maxXmlBytes) {
    if (maxFileBytes < 1 || maxXmlBytes < 1)
      throw new IllegalArgumentException("limits must be positive");
    this.maxFileBytes = maxFileBytes;
    this.maxXmlBytes = maxXmlBytes;
  }

  public FormReadResult read(ScanFile file) {
    return read(file.path(), file.mediaType());
  }

  /**
   * @param mediaType the type detected from the bytes; null or generic types are sniffed from the
   *     content
   */
  public FormReadResult read(Path file, String mediaType) {
    try {
      if (!Files.isRegularFile(file)) return FormReadResult.unreadable("the file does not exist");
      if (Files.size(file) > maxFileBytes) {
        return FormReadResult.unreadable(
            "the file is larger than " + (maxFileBytes >> 20) + " MB, too large for a form");
      }
      String type = effectiveType(file, mediaType);
      List<Grid> grids;
      switch (type) {
        case DOCX -> {
          checkExpandedSize(file);
          grids = DocxGrids.read(file);
        }
        case XLSX -> {
          checkExpandedSize(file);
          grids = SheetGrids.read(file);
        }
        case XLS -> grids = SheetGrids.read(file);
        case PDF -> {
          grids = PdfGrids.read(file);
          if (grids.isEmpty()) {
            return FormReadResult.notAForm(
                "it is a PDF without fillable form fields (printed, exported or scanned), "
                    + "which cannot be read as a form");
          }
        }
        case DOC -> {
          return FormReadResult.notAForm(
              "it is an old-style Word 97-2003 document (.doc), which is not read as a form");
        }
        default -> {
          if (type.startsWith(OPENDOCUMENT)) {
            return FormReadResult.notAForm(
                "it is an OpenDocument file (.odt or .ods, as LibreOffice saves by default), "
                    + "which is not read as a form");
          }
          return FormReadResult.notAForm(
              "forms are read from .docx, .xlsx, .xls or fillable .pdf files");
        }
      }
      return FormAssembler.assemble(grids);
    } catch (IOException | RuntimeException e) {
      // POI and PDFBox signal corrupt input with many runtime exceptions; all mean "cannot read
      // this"
      LOG.debug("form {} unreadable", file.getFileName(), e);
      return FormReadResult.unreadable(reason(e));
    } catch (StackOverflowError e) {
      return FormReadResult.unreadable("the file's structure is too deeply nested to read");
    }
  }

  /**
   * The grids of a Word or Excel file, bounded as {@link #read} bounds them, for the readers of the
   * other forms; empty for any other type, which no form but the output form's PDF is read from.
   */
  List<Grid> officeGrids(Path file, String mediaType) throws IOException {
    if (Files.size(file) > maxFileBytes) {
      throw new FormTooLargeException(
          "the file is larger than " + (maxFileBytes >> 20) + " MB, too large for a form");
    }
    String type = effectiveType(file, mediaType);
    return switch (type) {
      case DOCX -> {
        checkExpandedSize(file);
        yield DocxGrids.read(file);
      }
      case XLSX -> {
        checkExpandedSize(file);
        yield SheetGrids.read(file);
      }
      case XLS -> SheetGrids.read(file);
      default -> List.of();
    };
  }

  static String reason(Exception e) {
    String name = e.getClass().getSimpleName();
    if (name.contains("Encrypt") || name.contains("Password")) {
      return "the file is password-protected; send the form without a password";
    }
    if (e instanceof FormTooLargeException) return e.getMessage();
    return "the file is damaged or not in the format its type suggests (" + name + ")";
  }

  static String effectiveType(Path file, String mediaType) throws IOException {
    String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    if (type.equals(DOCX) || type.equals(XLSX) || type.equals(XLS) || type.equals(PDF)) return type;
    if (!type.isEmpty()
        && !type.equals("application/octet-stream")
        && !type.equals("application/zip")
        && !type.equals("application/x-tika-ooxml")
        && !type.equals("application/x-tika-msoffice")) {
      return type;
    }
    return sniff(file);
  }

  private static String sniff(Path file) throws IOException {
    byte[] head = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') return PDF;
    if (n >= 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11)
      return isWord97(file) ? DOC : XLS;
    if (n >= 4 && head[0] == 'P' && head[1] == 'K') {
      try (ZipFile zip = new ZipFile(file.toFile())) {
        if (zip.getEntry("word/document.xml") != null) return DOCX;
        if (zip.getEntry("xl/workbook.xml") != null) return XLSX;
        ZipEntry mimetype = zip.getEntry("mimetype");
        if (mimetype != null) {
          try (InputStream in = zip.getInputStream(mimetype)) {
            String declared = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
            if (declared.startsWith(OPENDOCUMENT)) return declared;
          }
        }
      } catch (IOException e) {
        return "application/zip";
      }
    }
    return "application/octet-stream";
  }

  /**
   * A Word 97-2003 file is an OLE2 container with a "WordDocument" stream, as a workbook has
   * "Workbook".
   */
  private static boolean isWord97(Path file) {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      return fs.getRoot().hasEntryCaseInsensitive("WordDocument");
    } catch (IOException | RuntimeException e) {
      // not a readable OLE2 container: let the spreadsheet reader report it as damaged
      return false;
    }
  }

  /** Refuses an OOXML file whose XML parts expand beyond the limit, before POI loads them. */
  private void checkExpandedSize(Path file) throws IOException {
    long total = 0;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (!e.getName().endsWith(".xml") && !e.getName().endsWith(".rels")) continue;
        // measured, not taken from the header, which a crafted file can understate
        total += measure(zip, e, maxXmlBytes - total + 1);
        if (total > maxXmlBytes) {
          throw new FormTooLargeException(
              "the file's content is too large for a form (over "
                  + (maxXmlBytes >> 20)
                  + " MB when expanded)");
        }
      }
    }
  }

  private static long measure(ZipFile zip, ZipEntry e, long atMost) throws IOException {
    long total = 0;
    byte[] buffer = new byte[8192];
    try (InputStream in = zip.getInputStream(e)) {
      int n;
      while (total < atMost && (n = in.read(buffer)) > 0) total += n;
    }
    return total;
  }

  private static final class FormTooLargeException extends IOException {
    FormTooLargeException(String message) {
      super(message);
    }
  }
}

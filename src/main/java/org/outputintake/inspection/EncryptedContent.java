package org.outputintake.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.outputintake.scan.Finding;

/**
 * Password-protected documents: an output checker cannot open them, so they cannot be released.
 * Archives with encrypted entries are reported by the archive expander, which sees each entry.
 */
final class EncryptedContent {
  static final String ENCRYPTED_CONTENT = "ENCRYPTED_CONTENT";
  private static final int FILEPASS = 0x002F;
  private static final int BOUNDSHEET = 0x0085;
  private static final int MAX_BIFF_RECORDS = 2000;

  private EncryptedContent() {}

  static Optional<Finding> check(Path path, String type) {
    String kind =
        switch (type) {
          case FileTypeRules.OOXML_PROTECTED -> "password-protected Office document";
          case "application/pdf" -> pdf(path);
          case "application/msword",
              "application/vnd.ms-excel",
              "application/vnd.ms-powerpoint",
              FileTypeRules.OLE2 ->
              ole2(path);
          default -> null;
        };
    return Optional.ofNullable(kind).map(EncryptedContent::finding);
  }

  static Finding finding(String kind) {
    return Finding.requestProblem(
        ENCRYPTED_CONTENT,
        "",
        "This is a "
            + kind
            + ". Output checkers cannot open encrypted or password-protected files, so it cannot "
            + "be checked or released. Remove the password (save an unprotected copy) and request that copy.");
  }

  private static String pdf(Path path) {
    try (PDDocument doc =
        Loader.loadPDF(
            new RandomAccessReadBufferedFile(path.toFile()),
            "",
            null,
            null,
            IOUtils.createTempFileOnlyStreamCache())) {
      return doc.isEncrypted() ? "encrypted PDF" : null;
    } catch (InvalidPasswordException e) {
      return "password-protected PDF";
    } catch (IOException | RuntimeException e) {
      return null; // an unreadable PDF is not shown to be encrypted; the content scanners report
      // damage
    }
  }

  private static String ole2(Path path) {
    try (POIFSFileSystem fs = new POIFSFileSystem(path.toFile(), true)) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntryCaseInsensitive("EncryptedPackage"))
        return "password-protected Office document";
      if (root.hasEntryCaseInsensitive("EncryptedSummary"))
        return "password-protected PowerPoint presentation";
      if (root.hasEntryCaseInsensitive("WordDocument")) {
        try (InputStream in = root.createDocumentInputStream("WordDocument")) {
          byte[] fib = in.readNBytes(12);
          // FIB base: flags word at offset 0x0A, bit 8 is fEncrypted.
          if (fib.length == 12 && (fib[11] & 0x01) != 0) return "password-protected Word document";
        }
      }
      for (String book : new String[] {"Workbook", "Book"}) {
        if (root.hasEntryCaseInsensitive(book)) {
          try (InputStream in = root.createDocumentInputStream(book)) {
            if (hasFilePass(in)) return "password-protected Excel workbook";
          }
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  // BIFF8: FILEPASS follows BOF in the workbook globals, before the sheet list; stop at the sheet
  // list.
  private static boolean hasFilePass(InputStream in) throws IOException {
    for (int i = 0; i < MAX_BIFF_RECORDS; i++) {
      byte[] header = in.readNBytes(4);
      if (header.length < 4) return false;
      int sid = (header[0] & 0xff) | (header[1] & 0xff) << 8;
      int len = (header[2] & 0xff) | (header[3] & 0xff) << 8;
      if (sid == FILEPASS) return true;
      if (sid == BOUNDSHEET) return false;
      in.skipNBytes(len);
    }
    return false;
  }
}

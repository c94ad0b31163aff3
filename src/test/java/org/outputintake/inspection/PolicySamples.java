package org.outputintake.inspection;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real files for tests, written with the same libraries researchers' tools use. */
public final class PolicySamples {
  private PolicySamples() {}

  public static Path text(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  public static Path bytes(Path dir, String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  public static Path docx(Path dir, String name) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        OutputStream out = Files.newOutputStream(dir.resolve(name))) {
      doc.createParagraph().createRun().setText("Table 1 shows the counts by region.");
      doc.write(out);
    }
    return dir.resolve(name);
  }

  public static Path xlsx(Path dir, String name) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(dir.resolve(name))) {
      var sheet = wb.createSheet("Table 1");
      sheet.createRow(0).createCell(0).setCellValue("region");
      sheet.getRow(0).createCell(1).setCellValue("count");
      sheet.createRow(1).createCell(0).setCellValue("North");
      sheet.getRow(1).createCell(1).setCellValue(120);
      wb.write(out);
    }
    return dir.resolve(name);
  }

  public static byte[] xlsxBytes() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("x");
      wb.write(out);
      return out.toByteArray();
    }
  }

  public static Path pptx(Path dir, String name) throws IOException {
    try (XMLSlideShow show = new XMLSlideShow();
        OutputStream out = Files.newOutputStream(dir.resolve(name))) {
      show.createSlide();
      show.write(out);
    }
    return dir.resolve(name);
  }

  public static Path pdf(Path dir, String name) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.save(dir.resolve(name).toFile());
    }
    return dir.resolve(name);
  }

  public static byte[] image(String format) throws IOException {
    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    img.setRGB(1, 1, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  public static Path png(Path dir, String name) throws IOException {
    return bytes(dir, name, image("png"));
  }

  public static Path jpeg(Path dir, String name) throws IOException {
    return bytes(dir, name, image("jpeg"));
  }

  public static Path svg(Path dir, String name) throws IOException {
    return text(
        dir,
        name,
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
            + "height=\"10\"><rect width=\"5\" height=\"5\"/></svg>\n");
  }

  /** A zip whose entry names are written exactly as given (so tests can write '../' names). */
  public static Path zip(Path dir, String name, Map<String, byte[]> entries) throws IOException {
    Files.write(dir.resolve(name), zipBytes(entries));
    return dir.resolve(name);
  }

  public static byte[] zipBytes(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A tar with one regular file and, when {@code linkTarget} is given, a symbolic link to it. */
  public static Path tarWithLink(Path dir, String name, String linkTarget) throws IOException {
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(Files.newOutputStream(dir.resolve(name)))) {
      byte[] data = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry file = new TarArchiveEntry("table.csv");
      file.setSize(data.length);
      tar.putArchiveEntry(file);
      tar.write(data);
      tar.closeArchiveEntry();
      if (linkTarget != null) {
        TarArchiveEntry link = new TarArchiveEntry("link.csv", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName(linkTarget);
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
      }
    }
    return dir.resolve(name);
  }

  /**
   * A zip whose entries carry the "encrypted" general-purpose flag, as traditional PKWARE
   * encryption sets it. Commons Compress cannot encrypt, so the flag bit is set by hand in the
   * local and central headers.
   */
  public static Path encryptedZip(Path dir, String name) throws IOException {
    byte[] zip = zipBytes(Map.of("secret.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
    for (int i = 0; i + 4 <= zip.length; i++) {
      if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) zip[i + 6] |= 1;
      if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) zip[i + 8] |= 1;
    }
    return bytes(dir, name, zip);
  }
}

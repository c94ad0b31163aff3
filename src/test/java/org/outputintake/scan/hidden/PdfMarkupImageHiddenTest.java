package org.outputintake.scan.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.inspection.PolicySamples;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;

class PdfMarkupImageHiddenTest {
  @TempDir Path dir;
  final HiddenContentScanner scanner = new HiddenContentScanner();

  List<Finding> scan(Path file) throws IOException {
    return SpreadsheetHiddenTest.scan(scanner, file);
  }

  static List<String> codes(List<Finding> f) {
    return SpreadsheetHiddenTest.codes(f);
  }

  interface PdfEdit {
    void apply(PDDocument doc, PDPage page) throws IOException;
  }

  Path pdf(String name, PdfEdit edit) throws IOException {
    Path file = dir.resolve(name);
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      edit.apply(doc, page);
      doc.save(file.toFile());
    }
    return file;
  }

  @Test
  void aCleanPdfHasNoFinding() throws IOException {
    assertEquals(List.of(), scan(pdf("clean.pdf", (d, p) -> {})));
  }

  @Test
  void javaScriptRunOnOpeningIsActiveContent() throws IOException {
    Path file =
        pdf(
            "open.pdf",
            (d, p) ->
                d.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello')")));
    List<Finding> findings = scan(file);
    assertEquals(List.of("ACTIVE_CONTENT"), codes(findings));
    assertEquals("document open", findings.get(0).location());
  }

  @Test
  void javaScriptBehindALinkIsActiveContent() throws IOException {
    Path file =
        pdf(
            "link.pdf",
            (d, p) -> {
              PDAnnotationLink link = new PDAnnotationLink();
              link.setRectangle(new PDRectangle(10, 10, 50, 20));
              link.setAction(new PDActionJavaScript("this.submitForm('x')"));
              p.getAnnotations().add(link);
            });
    assertEquals(List.of("ACTIVE_CONTENT"), codes(scan(file)));
  }

  @Test
  void pdfCommentsAreWarningsAndTheAuthorIsMaskedInformation() throws IOException {
    Path file =
        pdf(
            "notes.pdf",
            (d, p) -> {
              PDAnnotationText note = new PDAnnotationText();
              note.setRectangle(new PDRectangle(10, 10, 20, 20));
              note.setContents("remove row 4 before release");
              p.getAnnotations().add(note);
              d.getDocumentInformation().setAuthor("Jane Researcher");
            });
    List<Finding> findings = scan(file);
    assertEquals(List.of("COMMENT", "EMBEDDED_METADATA"), codes(findings));
    assertEquals("page 1", findings.get(0).location());
    assertFalse(findings.toString().contains("remove row") || findings.toString().contains("Jane"));
  }

  @Test
  void scriptsAndEventHandlersInSvgAndHtmlAreActiveContent() throws IOException {
    Path script =
        PolicySamples.text(
            dir,
            "fig.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect/>\n"
                + "<script>alert(1)</script>\n</svg>\n");
    List<Finding> findings = scan(script);
    assertEquals(List.of("ACTIVE_CONTENT"), codes(findings));
    assertEquals("line 3", findings.get(0).location());
    Path handler =
        PolicySamples.text(
            dir,
            "fig2.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" " + "onload=\"fetch('x')\"><rect/></svg>");
    assertEquals(List.of("ACTIVE_CONTENT"), codes(scan(handler)));
    Path html =
        PolicySamples.text(
            dir, "report.html", "<html><body><a href=\"javascript:run()\">x</a></body></html>");
    assertEquals(List.of("ACTIVE_CONTENT"), codes(scan(html)));
  }

  @Test
  void aScriptSplitAcrossReadChunksIsStillFound() throws IOException {
    String padding = "<!--" + "x".repeat(64 * 1024 - 7) + "-->";
    Path file =
        PolicySamples.text(dir, "big.svg", "<svg>" + padding + "<script>a()</script></svg>");
    assertEquals(List.of("ACTIVE_CONTENT"), codes(scan(file)));
  }

  @Test
  void staticSvgAndHtmlHaveNoFindingButWebImagesInSvgAreExternalLinks() throws IOException {
    assertEquals(List.of(), scan(PolicySamples.svg(dir, "clean.svg")));
    assertEquals(
        List.of(),
        scan(
            PolicySamples.text(
                dir,
                "clean.html",
                "<html><body><p>Onset of illness: "
                    + "one=2</p><a href=\"https://example.org\">source</a></body></html>")));
    Path remote =
        PolicySamples.text(
            dir,
            "remote.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><image xlink:href=\"https://example.org/a.png\"/></svg>");
    assertEquals(List.of("EXTERNAL_LINK"), codes(scan(remote)));
  }

  @Test
  void aGpsPositionInJpegPngOrTiffIsAWarning() throws IOException {
    byte[] jpeg = PolicySamples.image("jpeg");
    Path withGps = PolicySamples.bytes(dir, "photo.jpg", insertApp1(jpeg, tiff(true)));
    List<Finding> findings = scan(withGps);
    assertEquals(List.of("EMBEDDED_METADATA"), codes(findings));
    assertFalse(findings.get(0).isBlocker());
    assertEquals(
        List.of(), scan(PolicySamples.bytes(dir, "nogps.jpg", insertApp1(jpeg, tiff(false)))));
    assertEquals(List.of(), scan(PolicySamples.bytes(dir, "plain.jpg", jpeg)));

    byte[] png = PolicySamples.image("png");
    assertEquals(
        List.of("EMBEDDED_METADATA"),
        codes(scan(PolicySamples.bytes(dir, "f.png", insertExif(png)))));
    assertEquals(List.of(), scan(PolicySamples.bytes(dir, "plain.png", png)));

    assertEquals(
        List.of("EMBEDDED_METADATA"),
        codes(scan(PolicySamples.bytes(dir, "scan.tiff", tiff(true)))));
  }

  @Test
  void damagedImagesAndPdfsDoNotThrow() throws IOException {
    byte[] broken = {
      (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, (byte) 0xFF, 'E', 'x', 'i', 'f'
    };
    assertEquals(List.of(), scan(PolicySamples.bytes(dir, "broken.jpg", broken)));
    byte[] loop = tiff(true);
    ByteBuffer.wrap(loop).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7fffffff);
    assertEquals(List.of(), scan(PolicySamples.bytes(dir, "loop.tif", loop)));
    Path pdf = PolicySamples.text(dir, "broken.pdf", "%PDF-1.7\n1 0 obj <<");
    assertEquals(List.of("HIDDEN_CONTENT_UNCHECKED"), codes(scan(pdf)));
  }

  @Test
  void filesOutsideItsFormatsAreNotItsConcern() {
    assertFalse(scanner.appliesTo(new ScanFile(dir.resolve("t.csv"), "t.csv", "text/plain", 1, 0)));
    assertTrue(scanner.appliesTo(new ScanFile(dir.resolve("x"), "x", "application/pdf", 1, 0)));
  }

  /** A little-endian TIFF whose IFD0 points to a GPS IFD (with latitude tags when {@code gps}). */
  static byte[] tiff(boolean gps) {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {'I', 'I', 42, 0}).putInt(8);
    b.putShort((short) 1);
    b.putShort((short) (gps ? 0x8825 : 0x010F)).putShort((short) 4).putInt(1).putInt(26);
    b.putInt(0);
    b.putShort((short) 2); // GPS IFD at 26
    b.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
    b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(60);
    b.putInt(0);
    return b.array();
  }

  static byte[] insertApp1(byte[] jpeg, byte[] tiff) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    int len = 2 + 6 + tiff.length;
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len});
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(tiff);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  static byte[] insertExif(byte[] png) {
    byte[] data = tiff(true);
    ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
    chunk.putInt(data.length).put("eXIf".getBytes(StandardCharsets.US_ASCII)).put(data);
    CRC32 crc = new CRC32();
    crc.update(chunk.array(), 4, 4 + data.length);
    chunk.putInt((int) crc.getValue());
    int afterHeader = 8 + 12 + 13; // signature + IHDR chunk
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, afterHeader);
    out.writeBytes(chunk.array());
    out.write(png, afterHeader, png.length - afterHeader);
    return out.toByteArray();
  }
}

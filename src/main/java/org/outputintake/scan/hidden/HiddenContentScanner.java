package org.outputintake.scan.hidden;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.outputintake.scan.ContentScanner;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content a checker would not see when opening a file normally: hidden sheets, rows and columns,
 * comments, tracked changes, hidden text, links to other files, macros and scripts, and identifying
 * metadata.
 *
 * <p>The format is taken from the media type detected from the bytes and, when that is missing or
 * generic, from the extension. Damaged files give a HIDDEN_CONTENT_UNCHECKED warning instead of an
 * exception.
 */
public final class HiddenContentScanner implements ContentScanner {
  private static final Logger LOG = LoggerFactory.getLogger(HiddenContentScanner.class);

  enum Kind {
    XLSX,
    DOCX,
    PPTX,
    XLS,
    DOC,
    PDF,
    SVG,
    HTML,
    JPEG,
    PNG,
    TIFF
  }

  private static final Map<String, Kind> BY_TYPE =
      Map.ofEntries(
          Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Kind.XLSX),
          Map.entry("application/vnd.ms-excel.sheet.macroenabled.12", Kind.XLSX),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Kind.DOCX),
          Map.entry("application/vnd.ms-word.document.macroenabled.12", Kind.DOCX),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.presentationml.presentation",
              Kind.PPTX),
          Map.entry("application/vnd.ms-powerpoint.presentation.macroenabled.12", Kind.PPTX),
          Map.entry("application/vnd.ms-excel", Kind.XLS),
          Map.entry("application/msword", Kind.DOC),
          Map.entry("application/pdf", Kind.PDF),
          Map.entry("image/svg+xml", Kind.SVG),
          Map.entry("text/html", Kind.HTML),
          Map.entry("application/xhtml+xml", Kind.HTML),
          Map.entry("image/jpeg", Kind.JPEG),
          Map.entry("image/png", Kind.PNG),
          Map.entry("image/tiff", Kind.TIFF));

  private static final Map<String, Kind> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("xlsx", Kind.XLSX),
          Map.entry("xlsm", Kind.XLSX),
          Map.entry("docx", Kind.DOCX),
          Map.entry("docm", Kind.DOCX),
          Map.entry("pptx", Kind.PPTX),
          Map.entry("pptm", Kind.PPTX),
          Map.entry("xls", Kind.XLS),
          Map.entry("doc", Kind.DOC),
          Map.entry("pdf", Kind.PDF),
          Map.entry("svg", Kind.SVG),
          Map.entry("html", Kind.HTML),
          Map.entry("htm", Kind.HTML),
          Map.entry("jpg", Kind.JPEG),
          Map.entry("jpeg", Kind.JPEG),
          Map.entry("png", Kind.PNG),
          Map.entry("tif", Kind.TIFF),
          Map.entry("tiff", Kind.TIFF));

  public HiddenContentScanner() {}

  @Override
  public boolean appliesTo(ScanFile file) {
    return kindOf(file) != null;
  }

  @Override
  public List<Finding> scan(ScanFile file, ScanContext context) throws IOException {
    Kind kind = kindOf(file);
    if (kind == null) return List.of();
    try {
      return switch (kind) {
        case XLSX, DOCX, PPTX -> ooxml(file, kind);
        case XLS -> LegacyOfficeHidden.scan(file.path(), true);
        case DOC -> LegacyOfficeHidden.scan(file.path(), false);
        case PDF -> PdfHidden.scan(file.path());
        case SVG -> MarkupHidden.scan(file.path(), true);
        case HTML -> MarkupHidden.scan(file.path(), false);
        case JPEG -> ImageMetadata.scan(file.path(), ImageMetadata.Format.JPEG);
        case PNG -> ImageMetadata.scan(file.path(), ImageMetadata.Format.PNG);
        case TIFF -> ImageMetadata.scan(file.path(), ImageMetadata.Format.TIFF);
      };
    } catch (IOException | OpenXML4JException | RuntimeException e) {
      // Damaged or hostile files (bad XML, zip bombs POI refuses, broken records) are reported, not
      // thrown.
      LOG.info("hidden-content check of {} failed: {}", file.displayName(), e.toString());
      return List.of(
          HiddenCodes.unchecked(kind.name().toLowerCase(Locale.ROOT) + " could not be parsed"));
    }
  }

  private static List<Finding> ooxml(ScanFile file, Kind kind)
      throws IOException, OpenXML4JException {
    try (OPCPackage pkg = OPCPackage.open(file.path().toFile(), PackageAccess.READ)) {
      List<Finding> findings = new ArrayList<>();
      switch (kind) {
        case XLSX -> findings.addAll(XlsxHidden.scan(pkg));
        case DOCX -> findings.addAll(DocxHidden.scan(pkg));
        default -> findings.addAll(PptxHidden.scan(pkg));
      }
      findings.addAll(OoxmlPackageChecks.check(pkg));
      return findings;
    }
  }

  static Kind kindOf(ScanFile file) {
    Kind byType = file.mediaType() == null ? null : BY_TYPE.get(baseType(file.mediaType()));
    return byType != null ? byType : BY_EXTENSION.get(file.extension());
  }

  private static String baseType(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }
}

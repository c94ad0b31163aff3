package org.outputintake.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;
import org.outputintake.text.FileNames;

/**
 * Compares a file's name with the type found in its bytes and applies the policy's allowed and
 * forbidden extensions. Lenient where a mismatch is normal (any text under a text-like name, .xlsm
 * holding a workbook without macros), strict where a name can hide content (a macro workbook named
 * .xlsx, a zip named .docx).
 */
final class FileTypeRules {
  static final String MISMATCH = "FILE_TYPE_MISMATCH";
  static final String NOT_ALLOWED = "FILE_TYPE_NOT_ALLOWED";

  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String DOCM = "application/vnd.ms-word.document.macroenabled.12";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String XLSM = "application/vnd.ms-excel.sheet.macroenabled.12";
  static final String PPTX =
      "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  static final String PPTM = "application/vnd.ms-powerpoint.presentation.macroenabled.12";
  static final String OOXML = "application/x-tika-ooxml";
  static final String OOXML_PROTECTED = "application/x-tika-ooxml-protected";
  static final String OLE2 = "application/x-tika-msoffice";

  /** Names a reviewer opens as text; any textual content is fine under them. */
  private static final Set<String> TEXT_NAMES =
      Set.of(
          "csv",
          "tsv",
          "tab",
          "txt",
          "text",
          "r",
          "py",
          "sql",
          "do",
          "ado",
          "sas",
          "sps",
          "spv",
          "log",
          "lst",
          "smcl",
          "md",
          "markdown",
          "markdn",
          "mdown",
          "rmd",
          "rnw",
          "qmd",
          "json",
          "yaml",
          "yml",
          "xml",
          "html",
          "htm",
          "tex",
          "bib",
          "sh",
          "ipynb",
          "js",
          "css",
          "ini",
          "cfg",
          "toml",
          "jl",
          "m",
          "java",
          "c",
          "h",
          "cpp",
          "scala",
          "f90",
          "pl",
          "rb",
          "go",
          "rproj",
          "rpres",
          "shp.xml",
          "prj",
          "cpg",
          "svg");

  // A macro-enabled name may hold a plain document (the macros were removed), never the other way
  // round.
  private static final Map<String, Set<String>> EXPECTED =
      Map.ofEntries(
          Map.entry("docx", Set.of(DOCX, OOXML, OOXML_PROTECTED)),
          Map.entry("docm", Set.of(DOCM, DOCX, OOXML, OOXML_PROTECTED)),
          Map.entry("xlsx", Set.of(XLSX, OOXML, OOXML_PROTECTED)),
          Map.entry("xlsm", Set.of(XLSM, XLSX, OOXML, OOXML_PROTECTED)),
          Map.entry("pptx", Set.of(PPTX, OOXML, OOXML_PROTECTED)),
          Map.entry("pptm", Set.of(PPTM, PPTX, OOXML, OOXML_PROTECTED)),
          Map.entry("doc", Set.of("application/msword", OLE2)),
          Map.entry("xls", Set.of("application/vnd.ms-excel", OLE2)),
          Map.entry("ppt", Set.of("application/vnd.ms-powerpoint", OLE2)),
          Map.entry("pdf", Set.of("application/pdf")),
          Map.entry("png", Set.of("image/png")),
          Map.entry("jpg", Set.of("image/jpeg")),
          Map.entry("jpeg", Set.of("image/jpeg")),
          Map.entry("gif", Set.of("image/gif")),
          Map.entry("tif", Set.of("image/tiff")),
          Map.entry("tiff", Set.of("image/tiff")),
          Map.entry("bmp", Set.of("image/bmp", "image/x-ms-bmp")),
          Map.entry("zip", Set.of("application/zip")),
          Map.entry("7z", Set.of("application/x-7z-compressed")),
          Map.entry("tar", Set.of("application/x-tar", "application/x-gtar")),
          Map.entry("gz", Set.of("application/gzip", "application/x-gzip")),
          Map.entry("tgz", Set.of("application/gzip", "application/x-gzip")),
          Map.entry("bz2", Set.of("application/x-bzip2")));

  private static final Set<String> PROGRAMS =
      Set.of(
          "application/x-msdownload",
          "application/x-dosexec",
          "application/x-executable",
          "application/x-elf",
          "application/x-sharedlib",
          "application/x-mach-o-executable",
          "application/x-mach-o",
          "application/java-archive",
          "application/java-vm",
          "application/x-msi",
          "application/vnd.microsoft.portable-executable");

  /** Names programs, libraries and installers go by (Tika lists only some of them per type). */
  private static final Set<String> PROGRAM_NAMES =
      Set.of(
          "exe", "dll", "com", "scr", "sys", "cpl", "ocx", "drv", "msi", "msp", "so", "dylib",
          "bundle", "jar", "war", "ear", "class", "bin", "out", "elf", "o", "app");

  private static final Map<String, String> DESCRIPTIONS =
      Map.ofEntries(
          Map.entry(DOCX, "a Word document"),
          Map.entry(DOCM, "a macro-enabled Word document"),
          Map.entry(XLSX, "an Excel workbook"),
          Map.entry(XLSM, "a macro-enabled Excel workbook"),
          Map.entry(PPTX, "a PowerPoint presentation"),
          Map.entry(PPTM, "a macro-enabled PowerPoint presentation"),
          Map.entry("application/pdf", "a PDF"),
          Map.entry("image/png", "a PNG image"),
          Map.entry("image/jpeg", "a JPEG image"),
          Map.entry("image/gif", "a GIF image"),
          Map.entry("image/tiff", "a TIFF image"),
          Map.entry("image/svg+xml", "an SVG image"),
          Map.entry("application/zip", "a zip archive"),
          Map.entry("application/x-7z-compressed", "a 7-Zip archive"),
          Map.entry("application/gzip", "a gzip archive"),
          Map.entry("application/x-tar", "a tar archive"),
          Map.entry("application/x-gtar", "a tar archive"),
          Map.entry("text/plain", "plain text"),
          Map.entry("text/html", "an HTML page"),
          Map.entry("application/x-msdownload", "a Windows program"),
          Map.entry("application/x-dosexec", "a Windows program"),
          Map.entry("application/x-executable", "a program"),
          Map.entry("application/msword", "a Word 97-2003 document"),
          Map.entry("application/vnd.ms-excel", "an Excel 97-2003 workbook"),
          Map.entry(OOXML_PROTECTED, "a password-protected Office document"),
          Map.entry("application/octet-stream", "binary data of no recognised type"));

  private FileTypeRules() {}

  /** Whether the bytes contradict the name. Empty files and unfamiliar names are not judged. */
  static boolean mismatches(String name, String type, long size) {
    if (size == 0 || type == null) return false;
    String ext = extension(name);
    if (ext.isEmpty()) return PROGRAMS.contains(type);
    Set<String> expected = EXPECTED.get(ext);
    if (expected != null) return !expected.contains(type);
    if (TEXT_NAMES.contains(ext) || endsWithAny(name, Set.of("shp.xml")))
      return !TypeDetector.isTextual(type);
    // a program named as one (setup.exe, lib.dll) says what it is: whether it may leave is the
    // policy's call
    if (PROGRAMS.contains(type) && PROGRAM_NAMES.contains(ext)) return false;
    return PROGRAMS.contains(type);
  }

  static List<Finding> check(String name, String type, long size, FilePolicy policy) {
    List<Finding> findings = new ArrayList<>();
    boolean mismatch = mismatches(name, type, size);
    String ext = extension(name);
    if (mismatch) {
      findings.add(
          Finding.requestProblem(
                  MISMATCH,
                  "",
                  "The file is named '."
                      + ext
                      + "' but its content is "
                      + describe(type)
                      + " ("
                      + type
                      + "). "
                      + "Export it again in the format its name says, or give it the extension that matches its content.")
              .withEvidence("name ." + ext + ", content " + type));
    }
    Set<String> contentExtensions = TypeDetector.extensionsOf(type);
    String forbiddenName = firstMatch(name, policy.forbiddenExtensions());
    String forbiddenContent =
        size == 0
            ? null
            : contentExtensions.stream()
                .filter(policy.forbiddenExtensions()::contains)
                .sorted()
                .findFirst()
                .orElse(null);
    if (forbiddenName != null || forbiddenContent != null) {
      String what =
          forbiddenName != null ? "'." + forbiddenName + "' files" : describe(type) + " files";
      findings.add(
          Finding.requestProblem(
              NOT_ALLOWED,
              "",
              "The "
                  + policy.name()
                  + " policy does not allow "
                  + what
                  + " to be requested, because output checkers "
                  + "cannot fully check them. Convert the content to an allowed format (for example a CSV table or "
                  + "a PNG figure) and remove this file from the request."));
    } else if (!policy.allowedExtensions().isEmpty()) {
      boolean nameAllowed = firstMatch(name, policy.allowedExtensions()) != null;
      boolean contentAllowed =
          !mismatch || contentExtensions.stream().anyMatch(policy.allowedExtensions()::contains);
      if (!nameAllowed || !contentAllowed) {
        findings.add(
            Finding.requestProblem(
                NOT_ALLOWED,
                "",
                "The "
                    + policy.name()
                    + " policy only allows these file types: "
                    + String.join(", ", sorted(policy.allowedExtensions()))
                    + ". This file is "
                    + (nameAllowed
                        ? describe(type)
                        : (ext.isEmpty() ? "a file without an extension" : "'." + ext + "'"))
                    + ". Convert it to one of the allowed types, or ask the output checkers before requesting it."));
      }
    }
    return findings;
  }

  static String describe(String type) {
    return DESCRIPTIONS.getOrDefault(type, "of type " + type);
  }

  /** The lower-case extension of the last element of a name, without the dot, or empty. */
  static String extension(String name) {
    return FileNames.extension(name);
  }

  /**
   * The longest listed extension the name ends with, so {@code roads.shp.xml} matches {@code
   * shp.xml}.
   */
  static String firstMatch(String name, Set<String> extensions) {
    String lower = name.toLowerCase(Locale.ROOT);
    return extensions.stream()
        .filter(e -> lower.endsWith("." + e))
        .max((a, b) -> Integer.compare(a.length(), b.length()))
        .orElse(null);
  }

  private static boolean endsWithAny(String name, Set<String> extensions) {
    return firstMatch(name, extensions) != null;
  }

  private static List<String> sorted(Set<String> set) {
    return set.stream().sorted().toList();
  }
}

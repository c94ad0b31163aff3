package org.outputintake.scan;

import java.util.Locale;
import java.util.Set;

/**
 * Which content scanner reads a file: decided from the detected type first and the name's extension
 * second.
 */
public final class FileKinds {
  public enum TableFormat {
    CSV,
    XLSX,
    XLS
  }

  private static final Set<String> CODE =
      Set.of(
          "r", "py", "do", "ado", "sas", "sps", "sql", "js", "ts", "ipynb", "m", "jl", "sh", "bash",
          "ps1", "bat", "cmd", "scala", "java", "c", "cpp", "h", "rb", "pl", "go", "rs", "kt",
          "jsx", "tsx", "qmd", "stan", "f90", "vb", "vba", "bas", "smcl", "rmd", "rnw", "lua",
          "php", "ksh", "zsh");
  private static final Set<String> CSV = Set.of("csv", "tsv", "tab");
  private static final Set<String> DOCUMENT =
      Set.of(
          "txt",
          "log",
          "docx",
          "doc",
          "docm",
          "pptx",
          "ppt",
          "pptm",
          "rtf",
          "odt",
          "odp",
          "pdf",
          "md",
          "markdown",
          "html",
          "htm",
          "xml",
          "tex",
          "lst",
          "out",
          "rout",
          "text");

  private FileKinds() {}

  /** The table format, or null when the file is not a table. */
  public static TableFormat table(ScanFile file) {
    String type = lower(file.mediaType());
    String ext = file.extension();
    if (type.contains("spreadsheetml") || type.contains("ms-excel.sheet")) return TableFormat.XLSX;
    if (type.equals("application/vnd.ms-excel")) return TableFormat.XLS;
    boolean unknown = type.isEmpty() || type.equals("application/octet-stream");
    if ((ext.equals("xlsx") || ext.equals("xlsm"))
        && (unknown || type.equals("application/x-tika-ooxml") || type.equals("application/zip"))) {
      return TableFormat.XLSX;
    }
    if (ext.equals("xls") && (unknown || type.equals("application/x-tika-msoffice")))
      return TableFormat.XLS;
    if (CSV.contains(ext) && (unknown || type.startsWith("text/"))) return TableFormat.CSV;
    return null;
  }

  public static boolean code(ScanFile file) {
    String type = lower(file.mediaType());
    if (!CODE.contains(file.extension())) return false;
    return type.isEmpty()
        || type.startsWith("text/")
        || type.equals("application/octet-stream")
        || type.contains("json")
        || type.contains("javascript")
        || type.contains("x-sh");
  }

  /**
   * Prose and other text for the identifier scan: plain text, Word, PowerPoint, RTF, OpenDocument
   * and PDF.
   */
  public static boolean document(ScanFile file) {
    if (table(file) != null || code(file)) return false;
    String type = lower(file.mediaType());
    if (type.startsWith("text/")
        || type.equals("application/pdf")
        || type.contains("wordprocessingml")
        || type.contains("presentationml")
        || type.equals("application/msword")
        || type.equals("application/vnd.ms-powerpoint")
        || type.equals("application/rtf")
        || type.contains("opendocument.text")
        || type.contains("opendocument.presentation")) {
      return true;
    }
    boolean unknown =
        type.isEmpty()
            || type.equals("application/octet-stream")
            || type.startsWith("application/x-tika");
    return unknown && DOCUMENT.contains(file.extension());
  }

  public static boolean pdf(ScanFile file) {
    return lower(file.mediaType()).equals("application/pdf")
        || file.mediaType() == null && file.extension().equals("pdf");
  }

  public static boolean plainText(ScanFile file) {
    String type = lower(file.mediaType());
    if (type.startsWith("text/")) return true;
    return type.isEmpty()
        && Set.of("txt", "log", "md", "html", "htm", "xml", "tex", "lst", "out", "text")
            .contains(file.extension());
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}

package org.outputintake.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** An output folder as ACRO's runner leaves it, and archives of it as researchers send them. */
public final class AcroFolders {
  private AcroFolders() {}

  public static final String RESULTS =
      """
      {"version": "0.4.11", "results": {
        "output_0": {"uid": "output_0", "status": "fail", "type": "table", "properties": {},
          "files": [{"name": "output_0_0.csv", "sdc": {}}], "outcome": {}, "command": "crosstab",
          "summary": "fail; threshold: 1 cells may need suppressing; ", "timestamp": "2026-01-01T00:00:00",
          "comments": ["grant types by year"], "exception": "the small cell is a national total, published already"},
        "output_1": {"uid": "output_1", "status": "pass", "type": "table", "properties": {},
          "files": [{"name": "output_1_0.csv", "sdc": {}}], "outcome": {}, "command": "crosstab",
          "summary": "pass", "timestamp": "2026-01-01T00:00:00", "comments": [], "exception": ""}}}
      """;

  public static final String TABLE_0 = "year,G,R\n2010,120,4\n2011,130,140\n";
  public static final String TABLE_1 = "year,G,R\n2010,120,140\n";

  /**
   * ACRO's folder as its runner leaves it: the second table was edited after ACRO checked it, so
   * its checksum no longer matches.
   */
  public static Map<String, byte[]> acroFolder(String folder) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(folder + "results.json", RESULTS.getBytes(StandardCharsets.UTF_8));
    files.put(folder + "output_0_0.csv", TABLE_0.getBytes(StandardCharsets.UTF_8));
    files.put(folder + "output_1_0.csv", TABLE_1.getBytes(StandardCharsets.UTF_8));
    files.put(
        folder + "checksums/output_0_0.csv.txt",
        sha256(TABLE_0.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    files.put(
        folder + "checksums/output_1_0.csv.txt",
        sha256("year,G,R\n2010,125,140\n".getBytes(StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
    return files;
  }

  public static byte[] zip(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var e : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  public static byte[] tarGz(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bytes);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      for (var e : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  public static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.outputintake.inspection.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.inspection.FilePolicies;
import org.outputintake.inspection.PolicyInspector;
import org.outputintake.inspection.PolicySamples;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Inspection;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;

class ArchiveInspectionTest {
  static final byte[] CSV = "region,count\nNorth,120\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  final PolicyInspector inspector = new PolicyInspector();

  Path work() {
    return dir.resolve("work");
  }

  Inspection inspect(Path file, FilePolicy policy) throws IOException {
    return inspector.inspect(
        new ScanFile(file, file.getFileName().toString(), null, Files.size(file), 0),
        ScanContext.of(policy),
        work());
  }

  static FilePolicy limits(int depth, int entries, long bytes, int ratio) {
    return new FilePolicy(
        "test",
        "",
        Set.of(),
        Set.of(),
        Set.of(),
        0,
        0,
        10,
        0,
        new FilePolicy.ArchiveLimits(depth, entries, bytes, ratio));
  }

  static final FilePolicy SRS = FilePolicies.load("ons-srs");

  static List<String> codes(Inspection i) {
    return i.findings().stream().map(Finding::code).toList();
  }

  long filesLeft() throws IOException {
    if (!Files.exists(work())) return 0;
    try (Stream<Path> s = Files.walk(work())) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void aSafeZipIsExpandedIntoEntriesNamedAfterTheArchive() throws IOException {
    Path zip =
        PolicySamples.zip(
            dir,
            "outputs.zip",
            new LinkedHashMap<>(
                Map.of(
                    "tables/table1.csv",
                    CSV,
                    "notes.txt",
                    "Rounded to 5.\n".getBytes(StandardCharsets.UTF_8))));
    Inspection inspection = inspect(zip, SRS);
    assertEquals(List.of(), codes(inspection));
    assertFalse(inspection.scanContent());
    List<String> names = inspection.entries().stream().map(ScanFile::displayName).sorted().toList();
    assertEquals(List.of("outputs.zip!/notes.txt", "outputs.zip!/tables/table1.csv"), names);
    for (ScanFile entry : inspection.entries()) {
      assertEquals(1, entry.depth());
      assertTrue(entry.path().startsWith(work()), entry.path().toString());
      assertTrue(entry.path().getFileName().toString().matches("[0-9]{5}-[A-Za-z0-9._-]+"));
    }
    ScanFile csv =
        inspection.entries().stream()
            .filter(e -> e.extension().equals("csv"))
            .findFirst()
            .orElseThrow();
    assertEquals(CSV.length, csv.size());
    assertEquals(new String(CSV, StandardCharsets.UTF_8), Files.readString(csv.path()));
  }

  @Test
  void aSafe7zIsExpandedIntoEntries() throws IOException {
    Path sevenZ = dir.resolve("outputs.7z");
    try (var out =
        new org.apache.commons.compress.archivers.sevenz.SevenZOutputFile(sevenZ.toFile())) {
      for (var e :
          new LinkedHashMap<>(
                  Map.of(
                      "tables/table1.csv",
                      CSV,
                      "notes.txt",
                      "Rounded to 5.\n".getBytes(StandardCharsets.UTF_8)))
              .entrySet()) {
        var entry = out.createArchiveEntry(dir.toFile(), e.getKey());
        entry.setDirectory(false);
        out.putArchiveEntry(entry);
        out.write(e.getValue());
        out.closeArchiveEntry();
      }
    }
    Inspection inspection = inspect(sevenZ, SRS);
    assertEquals(List.of(), codes(inspection), inspection.findings().toString());
    assertEquals(
        List.of("outputs.7z!/notes.txt", "outputs.7z!/tables/table1.csv"),
        inspection.entries().stream().map(ScanFile::displayName).sorted().toList());
  }

  @Test
  void zipSlipAndAbsoluteNamesAreRefusedAndNothingIsWritten() throws IOException {
    for (String evil :
        List.of(
            "../../etc/cron.d/x.csv",
            "ok/../../x.csv",
            "/etc/passwd",
            "C:\\Windows\\x.csv",
            "..\\..\\x.csv")) {
      Path zip =
          PolicySamples.zip(
              dir, "evil.zip", new LinkedHashMap<>(Map.of("fine.csv", CSV, evil, CSV)));
      Inspection inspection = inspect(zip, SRS);
      assertEquals(List.of("ARCHIVE_UNSAFE"), codes(inspection), evil);
      assertEquals(List.of(), inspection.entries());
      assertFalse(inspection.scanContent());
      assertEquals(0, filesLeft(), evil);
    }
    assertFalse(Files.exists(dir.resolve("x.csv")));
  }

  @Test
  void aSymbolicLinkInATarIsRefused() throws IOException {
    Inspection inspection =
        inspect(PolicySamples.tarWithLink(dir, "links.tar", "/etc/passwd"), SRS);
    assertEquals(List.of("ARCHIVE_UNSAFE"), codes(inspection));
    assertTrue(inspection.findings().get(0).message().contains("link"));
    assertEquals(0, filesLeft());
    Inspection plain = inspect(PolicySamples.tarWithLink(dir, "plain.tar", null), SRS);
    assertEquals(List.of(), codes(plain));
    assertEquals(
        List.of("plain.tar!/table.csv"),
        plain.entries().stream().map(ScanFile::displayName).toList());
  }

  @Test
  void aHighlyCompressibleEntryOverTheRatioIsRefusedWhileStreaming() throws IOException {
    Path bomb = PolicySamples.zip(dir, "bomb.zip", Map.of("zeros.csv", new byte[200_000]));
    assertTrue(Files.size(bomb) < 2_000);
    Inspection inspection = inspect(bomb, limits(3, 1000, 10_000_000, 10));
    assertEquals(List.of("ARCHIVE_UNSAFE"), codes(inspection));
    assertTrue(inspection.findings().get(0).message().contains("10 times"));
    assertEquals(0, filesLeft());
    // A generous ratio lets the same archive through: the ratio, not the size, decided.
    assertEquals(List.of(), codes(inspect(bomb, limits(3, 1000, 10_000_000, 1000))));
  }

  @Test
  void anArchiveExpandingBeyondTheByteLimitIsRefused() throws IOException {
    byte[] random = new byte[60_000];
    new java.util.Random(7).nextBytes(random);
    Path zip =
        PolicySamples.zip(
            dir, "big.zip", new LinkedHashMap<>(Map.of("a.bin", random, "b.bin", random)));
    Inspection inspection = inspect(zip, limits(3, 1000, 100_000, 100));
    assertEquals(List.of("ARCHIVE_UNSAFE"), codes(inspection));
    assertEquals(0, filesLeft());
    assertEquals(List.of(), codes(inspect(zip, limits(3, 1000, 130_000, 100))));
  }

  @Test
  void anArchiveWithMoreEntriesThanAllowedIsRefused() throws IOException {
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) many.put("t" + i + ".csv", CSV);
    Path zip = PolicySamples.zip(dir, "many.zip", many);
    assertEquals(List.of("ARCHIVE_UNSAFE"), codes(inspect(zip, limits(3, 10, 1_000_000, 100))));
    assertEquals(0, filesLeft());
    assertEquals(12, inspect(zip, limits(3, 12, 1_000_000, 100)).entries().size());
  }

  @Test
  void entriesAreCountedWhileStreamingATar() throws IOException {
    Path file = dir.resolve("many.tar");
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < 12; i++) {
        TarArchiveEntry e = new TarArchiveEntry("t" + i + ".csv");
        e.setSize(CSV.length);
        tar.putArchiveEntry(e);
        tar.write(CSV);
        tar.closeArchiveEntry();
      }
    }
    assertEquals(List.of("ARCHIVE_UNSAFE"), codes(inspect(file, limits(3, 10, 1_000_000, 100))));
    assertEquals(0, filesLeft());
    assertEquals(12, inspect(file, limits(3, 12, 1_000_000, 100)).entries().size());
  }

  @Test
  void moreThanAThousandEntriesAreRefusedUnderTheShippedPolicy() throws IOException {
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i <= 1000; i++) many.put("t" + i + ".csv", new byte[0]);
    assertEquals(
        List.of("ARCHIVE_UNSAFE"), codes(inspect(PolicySamples.zip(dir, "many.zip", many), SRS)));
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedAtTheLevelThatPassesIt() throws IOException {
    byte[] level = CSV;
    String name = "table.csv";
    for (int i = 4; i >= 1; i--) {
      level = PolicySamples.zipBytes(Map.of(name, level));
      name = "level" + i + ".zip";
    }
    List<Finding> all = walk(PolicySamples.bytes(dir, "level1.zip", level), SRS);
    assertEquals(List.of("ARCHIVE_UNSAFE"), all.stream().map(Finding::code).toList());
    assertTrue(all.get(0).message().contains("3 levels"));

    byte[] three =
        PolicySamples.zipBytes(
            Map.of(
                "b.zip",
                PolicySamples.zipBytes(
                    Map.of("c.zip", PolicySamples.zipBytes(Map.of("t.csv", CSV))))));
    assertEquals(List.of(), walk(PolicySamples.bytes(dir, "a.zip", three), SRS));
  }

  @Test
  void theByteBudgetIsSharedWithNestedArchives() throws IOException {
    byte[] random = new byte[40_000];
    new java.util.Random(3).nextBytes(random);
    byte[] inner = PolicySamples.zipBytes(Map.of("inner.bin", random));
    Path outer =
        PolicySamples.zip(
            dir, "outer.zip", new LinkedHashMap<>(Map.of("outer.bin", random, "inner.zip", inner)));
    // outer alone expands to ~80 KB, inner adds 40 KB more: 120 KB over a 100 KB budget.
    List<Finding> findings = walk(outer, limits(3, 1000, 100_000, 100));
    assertEquals(List.of("ARCHIVE_UNSAFE"), findings.stream().map(Finding::code).toList());
    assertEquals(List.of(), walk(outer, limits(3, 1000, 200_000, 100)));
  }

  @Test
  void anEncryptedZipEntryIsEncryptedContent() throws IOException {
    Inspection inspection = inspect(PolicySamples.encryptedZip(dir, "locked.zip"), SRS);
    assertEquals(List.of("ENCRYPTED_CONTENT"), codes(inspection));
    assertEquals(List.of(), inspection.entries());
    assertFalse(inspection.scanContent());
  }

  @Test
  void tarGzAndSingleGzipAreExpanded() throws IOException {
    Path tgz = dir.resolve("outputs.tgz");
    try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(tgz));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry e = new TarArchiveEntry("dir/table.csv");
      e.setSize(CSV.length);
      tar.putArchiveEntry(e);
      tar.write(CSV);
      tar.closeArchiveEntry();
    }
    assertEquals(
        List.of("outputs.tgz!/dir/table.csv"),
        inspect(tgz, SRS).entries().stream().map(ScanFile::displayName).toList());

    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GzipCompressorOutputStream(gz)) {
      out.write(CSV);
    }
    Inspection single = inspect(PolicySamples.bytes(dir, "table.csv.gz", gz.toByteArray()), SRS);
    assertEquals(
        List.of("table.csv.gz!/table.csv"),
        single.entries().stream().map(ScanFile::displayName).toList());
  }

  @Test
  void aSevenZipArchiveIsExpandedWhenTheDecoderIsPresentAndOtherwiseRefusedWithAdvice()
      throws IOException {
    Path file = PolicySamples.bytes(dir, "outputs.7z", SevenZip.stored("t.csv", CSV));
    Inspection inspection = inspect(file, SRS);
    if (SevenZipProbe.canDecode()) {
      assertEquals(List.of(), codes(inspection));
      assertEquals(
          List.of("outputs.7z!/t.csv"),
          inspection.entries().stream().map(ScanFile::displayName).toList());
    } else {
      assertEquals(List.of("ARCHIVE_UNSAFE"), codes(inspection));
      assertTrue(inspection.findings().get(0).message().contains("standard zip"));
    }
    assertFalse(inspection.scanContent());
  }

  @Test
  void aPasswordProtectedSevenZipArchiveIsEncryptedContent() throws IOException {
    Path file = PolicySamples.bytes(dir, "locked.7z", SevenZip.aes("t.csv", CSV));
    assertEquals(List.of("ENCRYPTED_CONTENT"), codes(inspect(file, SRS)));
    assertEquals(0, filesLeft());
  }

  @Test
  void aDamagedZipIsRefusedNotThrown() throws IOException {
    byte[] zip = PolicySamples.zipBytes(Map.of("t.csv", CSV));
    byte[] broken = java.util.Arrays.copyOf(zip, zip.length - 30);
    Inspection inspection = inspect(PolicySamples.bytes(dir, "broken.zip", broken), SRS);
    assertFalse(inspection.scanContent());
    assertEquals(List.of(), inspection.entries());
  }

  /** Inspects a file and, as the engine does, every entry in turn; returns all findings. */
  private List<Finding> walk(Path root, FilePolicy policy) throws IOException {
    List<Finding> all = new ArrayList<>();
    Deque<ScanFile> queue = new ArrayDeque<>();
    queue.add(new ScanFile(root, root.getFileName().toString(), null, Files.size(root), 0));
    while (!queue.isEmpty()) {
      ScanFile f = queue.poll();
      Inspection i = inspector.inspect(f, ScanContext.of(policy), work());
      all.addAll(i.findings());
      queue.addAll(i.entries());
    }
    return all;
  }
}

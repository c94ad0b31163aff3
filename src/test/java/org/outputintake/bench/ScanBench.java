package org.outputintake.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.outputintake.inspection.FilePolicies;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanEngine;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.ScanReport;

/**
 * Throughput of the full scan against a bare Commons CSV parse, and peak heap. Run with {@code
 * -Xmx128m}: {@code java -Xmx128m -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.outputintake.bench.ScanBench [dir]}. Each figure is the median of several runs after
 * unmeasured warm-up runs; peak heap is taken over one run.
 */
public final class ScanBench {
  private static final String[] REGIONS = {
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
    "Wales"
  };
  private static final String[] NOTES = {
    "no change from last quarter",
    "revised after validation",
    "provisional figure, see note 4",
    "includes late returns",
    "excludes Scilly",
    "estimate based on 2021 base",
    "see methodology section 3.2",
    "contact jane.doe@example.org for queries",
    "ref ORD-12345678 applied",
    "coverage 98.5% of practices"
  };

  private static final int WARM_UPS = 5;
  private static final int RUNS = 7;

  private ScanBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("oi-bench-");
    Files.createDirectories(dir);
    Path csv = dir.resolve("bench.csv");
    Path xlsx = dir.resolve("bench.xlsx");
    Path uniqueCsv = dir.resolve("bench-unique-notes.csv");
    try {
      writeCsv(csv, 16L * 1024 * 1024, false);
      writeCsv(uniqueCsv, 16L * 1024 * 1024, true);
      writeXlsx(xlsx, 10L * 1024 * 1024);
      double csvMb = Files.size(csv) / (1024.0 * 1024);
      double xlsxMb = Files.size(xlsx) / (1024.0 * 1024);
      ScanEngine engine = org.outputintake.review.StandardScan.engine();
      ScanContext ctx = ScanContext.of(FilePolicies.load("ons-srs"));

      // the JIT needs a few passes before figures settle; the median of several runs resists a
      // noisy neighbour
      double scanSec = median(WARM_UPS, RUNS, () -> scan(engine, ctx, csv));
      ScanReport report;
      long csvPeak;
      try (HeapPeak heap = HeapPeak.start()) {
        report = scan(engine, ctx, csv);
        csvPeak = heap.bytes();
      }
      long records = bareParse(csv);
      double parseSec = median(WARM_UPS, RUNS, () -> bareParse(csv));

      // the worst case for the per-column memory of distinct values: a note that differs on every
      // row
      double uniqueSec = median(WARM_UPS, RUNS, () -> scan(engine, ctx, uniqueCsv));
      double uniqueParseSec = median(WARM_UPS, RUNS, () -> bareParse(uniqueCsv));
      double uniqueMb = Files.size(uniqueCsv) / (1024.0 * 1024);

      double xlsxSec = median(WARM_UPS, RUNS, () -> scan(engine, ctx, xlsx));
      ScanReport xreport;
      long xlsxPeak;
      try (HeapPeak heap = HeapPeak.start()) {
        xreport = scan(engine, ctx, xlsx);
        xlsxPeak = heap.bytes();
      }
      long cells = bareXlsx(xlsx);
      double bareXlsxSec = median(WARM_UPS, RUNS, () -> bareXlsx(xlsx));

      System.out.printf(
          Locale.ROOT, "max heap            %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
      System.out.printf(
          Locale.ROOT,
          "CSV                 %.1f MB, %d records, %d findings%n",
          csvMb,
          records,
          report.files().get(0).findings().size());
      System.out.printf(
          Locale.ROOT, "CSV full scan       %.1f MB/s (%.2f s)%n", csvMb / scanSec, scanSec);
      System.out.printf(
          Locale.ROOT, "CSV bare parse      %.1f MB/s (%.2f s)%n", csvMb / parseSec, parseSec);
      System.out.printf(Locale.ROOT, "scan / parse time   %.2fx%n", scanSec / parseSec);
      System.out.printf(Locale.ROOT, "CSV peak heap       %d MB%n", csvPeak >> 20);
      System.out.printf(
          Locale.ROOT,
          "CSV, unique notes   %.1f MB/s full scan, %.1f MB/s bare parse, %.2fx%n",
          uniqueMb / uniqueSec,
          uniqueMb / uniqueParseSec,
          uniqueSec / uniqueParseSec);
      System.out.printf(
          Locale.ROOT,
          "XLSX                %.1f MB, %d findings%n",
          xlsxMb,
          xreport.files().get(0).findings().size());
      System.out.printf(
          Locale.ROOT, "XLSX full scan      %.1f MB/s (%.2f s)%n", xlsxMb / xlsxSec, xlsxSec);
      System.out.printf(
          Locale.ROOT,
          "XLSX bare SAX parse %.1f MB/s (%.2f s, %d cells)%n",
          xlsxMb / bareXlsxSec,
          bareXlsxSec,
          cells);
      System.out.printf(Locale.ROOT, "XLSX scan / read    %.2fx%n", xlsxSec / bareXlsxSec);
      System.out.printf(Locale.ROOT, "XLSX peak heap      %d MB%n", xlsxPeak >> 20);
    } finally {
      Files.deleteIfExists(csv);
      Files.deleteIfExists(uniqueCsv);
      Files.deleteIfExists(xlsx);
    }
  }

  /**
   * The median wall time of {@code runs} runs after {@code warmUps} unmeasured ones, in seconds.
   */
  private static double median(int warmUps, int runs, Job job) throws IOException {
    for (int i = 0; i < warmUps; i++) job.run();
    double[] t = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      job.run();
      t[i] = (System.nanoTime() - start) / 1e9;
    }
    java.util.Arrays.sort(t);
    return t[runs / 2];
  }

  private interface Job {
    Object run() throws IOException;
  }

  private static ScanReport scan(ScanEngine engine, ScanContext ctx, Path file) {
    return engine.scan(List.of(ScanFile.of(file, file.getFileName().toString())), ctx);
  }

  private static long bareParse(Path csv) throws IOException {
    long n = 0;
    long chars = 0;
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT)) {
      for (CSVRecord rec : p) {
        for (int i = 0; i < rec.size(); i++) chars += rec.get(i).length();
        n++;
      }
    }
    return chars > 0 ? n : -1;
  }

  /**
   * Every sheet's XML parsed by SAX with a handler that only counts cells: the floor for the XLSX
   * scan.
   */
  private static long bareXlsx(Path xlsx) throws IOException {
    long[] n = {0};
    try (var pkg =
        org.apache.poi.openxml4j.opc.OPCPackage.open(
            xlsx.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
      var sheets = new org.apache.poi.xssf.eventusermodel.XSSFReader(pkg, true).getSheetsData();
      while (sheets.hasNext()) {
        try (var in = sheets.next()) {
          var xml = org.apache.poi.util.XMLHelper.newXMLReader();
          xml.setContentHandler(
              new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void startElement(
                    String uri, String local, String qName, org.xml.sax.Attributes atts) {
                  if (local.equals("c")) n[0]++;
                }
              });
          xml.parse(new org.xml.sax.InputSource(in));
        }
      }
    } catch (Exception e) {
      throw new IOException(e);
    }
    return n[0];
  }

  /**
   * @param uniqueNotes whether the free-text column differs on every row (no two cells alike)
   */
  private static void writeCsv(Path p, long bytes, boolean uniqueNotes) throws IOException {
    Random rnd = new Random(42);
    long written = 0;
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      String header = "row_id,year,region,age_band,n,rate_per_1000,mean_cost,notes\n";
      w.write(header);
      written += header.length();
      for (long row = 1; written < bytes; row++) {
        String line =
            row
                + ","
                + (2015 + rnd.nextInt(9))
                + ","
                + REGIONS[rnd.nextInt(REGIONS.length)]
                + ","
                + (rnd.nextInt(8) * 10)
                + "-"
                + (rnd.nextInt(8) * 10 + 9)
                + ","
                + (10 + rnd.nextInt(5000))
                + ","
                + String.format(Locale.ROOT, "%.2f", rnd.nextDouble() * 100)
                + ","
                + String.format(Locale.ROOT, "%.1f", 100 + rnd.nextDouble() * 900)
                + ",\""
                + NOTES[rnd.nextInt(NOTES.length)]
                + (uniqueNotes ? " (batch " + rnd.nextInt(1_000_000) + ")" : "")
                + "\"\n";
        w.write(line);
        written += line.length();
      }
    }
  }

  private static void writeXlsx(Path p, long bytes) throws IOException {
    Random rnd = new Random(7);
    int rows = 300_000;
    for (int attempt = 0; attempt < 4; attempt++) {
      try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
        wb.setCompressTempFiles(true);
        Sheet sheet = wb.createSheet("Table 1");
        Row h = sheet.createRow(0);
        String[] headers = {"row_id", "region", "age_band", "n", "rate", "notes"};
        for (int c = 0; c < headers.length; c++) h.createCell(c).setCellValue(headers[c]);
        for (int r = 1; r <= rows; r++) {
          Row row = sheet.createRow(r);
          row.createCell(0).setCellValue(r);
          row.createCell(1).setCellValue(REGIONS[rnd.nextInt(REGIONS.length)]);
          row.createCell(2).setCellValue(rnd.nextInt(8) * 10 + "-" + (rnd.nextInt(8) * 10 + 9));
          row.createCell(3).setCellValue(10 + rnd.nextInt(5000));
          row.createCell(4).setCellValue(rnd.nextDouble() * 100);
          row.createCell(5)
              .setCellValue(NOTES[rnd.nextInt(NOTES.length)] + " " + rnd.nextInt(1000));
        }
        try (OutputStream out = Files.newOutputStream(p)) {
          wb.write(out);
        }
      }
      long size = Files.size(p);
      if (size >= bytes) return;
      rows = (int) (rows * (bytes * 1.05 / size));
    }
  }
}

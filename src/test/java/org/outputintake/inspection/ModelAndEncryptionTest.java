package org.outputintake.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.Inspection;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;

class ModelAndEncryptionTest {
  @TempDir Path dir;
  final PolicyInspector inspector = new PolicyInspector();

  List<String> codes(Path file) throws IOException {
    return inspect(file).findings().stream().map(f -> f.code()).toList();
  }

  Inspection inspect(Path file) throws IOException {
    return inspector.inspect(
        new ScanFile(file, file.getFileName().toString(), null, Files.size(file), 0),
        ScanContext.of(PolicyInspectorTypeTest.SRS),
        dir.resolve("work"));
  }

  static final byte[] PICKLE = {
    (byte) 0x80, 0x04, (byte) 0x95, 0x05, 0, 0, 0, 0, 0, 0, 0, 'K', 0x01, '.'
  };

  @Test
  void modelExtensionsAreRefusedAndCiteTheSrsRule() throws IOException {
    Inspection inspection = inspect(PolicySamples.text(dir, "classifier.joblib", "whatever"));
    assertEquals(List.of("MODEL_FILE"), inspection.findings().stream().map(f -> f.code()).toList());
    assertTrue(
        inspection
            .findings()
            .get(0)
            .message()
            .contains("Artificial intelligence and machine learning"));
    assertFalse(inspection.scanContent());
  }

  @Test
  void aPickleIsAModelWhateverItsName() throws IOException {
    List<String> codes = codes(PolicySamples.bytes(dir, "table.csv", PICKLE));
    assertTrue(codes.contains("MODEL_FILE"), codes.toString());
    assertTrue(codes.contains("FILE_TYPE_MISMATCH"), codes.toString());
  }

  @Test
  void hdf5SafetensorsGgufAndTfliteContentAreModels() throws IOException {
    byte[] hdf5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0, 0, 0, 0, 0};
    assertTrue(codes(PolicySamples.bytes(dir, "weights.dat", hdf5)).contains("MODEL_FILE"));
    byte[] json =
        "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}"
            .getBytes(StandardCharsets.UTF_8);
    ByteBuffer st = ByteBuffer.allocate(8 + json.length + 4).order(ByteOrder.LITTLE_ENDIAN);
    st.putLong(json.length).put(json).putInt(0);
    assertTrue(codes(PolicySamples.bytes(dir, "weights.bin", st.array())).contains("MODEL_FILE"));
    byte[] gguf =
        "GGUF\u0003\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(codes(PolicySamples.bytes(dir, "llm.bin", gguf)).contains("MODEL_FILE"));
  }

  @Test
  void aPytorchArchiveIsAModelAndIsNotExpanded() throws IOException {
    Path pt =
        PolicySamples.zip(
            dir,
            "net.zip",
            Map.of(
                "archive/data.pkl",
                PICKLE,
                "archive/version",
                "3\n".getBytes(StandardCharsets.US_ASCII)));
    Inspection inspection = inspect(pt);
    assertEquals(List.of("MODEL_FILE"), inspection.findings().stream().map(f -> f.code()).toList());
    assertEquals(List.of(), inspection.entries());
  }

  @Test
  void ordinaryBinaryAndTextAreNotModels() throws IOException {
    assertEquals(List.of(), codes(PolicySamples.text(dir, "t.csv", "a,b\n1,2\n")));
    assertEquals(List.of(), codes(PolicySamples.png(dir, "f.png")));
    assertEquals(
        null,
        ModelFiles.signature(
            PolicySamples.bytes(
                dir,
                "random.bin",
                new byte[] {0x01, 0x02, 0x7f, (byte) 0x80, 0x04, 0x00, 0x10, 0x20, 0x30, 0x40}),
            "application/octet-stream",
            PolicyInspectorTypeTest.SRS));
  }

  @Test
  void anEncryptedOoxmlWorkbookIsEncryptedContentNotAMismatch() throws Exception {
    Path file = dir.resolve("tables.xlsx");
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      enc.confirmPassword("secret");
      try (OutputStream out = enc.getDataStream(fs)) {
        out.write(PolicySamples.xlsxBytes());
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        fs.writeFilesystem(out);
      }
    }
    Inspection inspection = inspect(file);
    assertEquals(FileTypeRules.OOXML_PROTECTED, inspection.mediaType());
    assertEquals(
        List.of("ENCRYPTED_CONTENT"), inspection.findings().stream().map(f -> f.code()).toList());
    assertFalse(inspection.scanContent());
  }

  @Test
  void aPasswordProtectedPdfIsEncryptedContent() throws IOException {
    Path file = dir.resolve("paper.pdf");
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner", "user", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(file.toFile());
    }
    assertEquals(List.of("ENCRYPTED_CONTENT"), codes(file));
    assertEquals(List.of(), codes(PolicySamples.pdf(dir, "open.pdf")));
  }

  @Test
  void aPasswordProtectedXlsIsEncryptedContent() throws IOException {
    Path file = dir.resolve("old.xls");
    Path plain = dir.resolve("plain.xls");
    try (HSSFWorkbook wb = new HSSFWorkbook()) {
      wb.createSheet("Table 1").createRow(0).createCell(0).setCellValue(12);
      wb.write(plain.toFile());
      Biff8EncryptionKey.setCurrentUserPassword("secret");
      try {
        wb.write(file.toFile());
      } finally {
        Biff8EncryptionKey.setCurrentUserPassword(null);
      }
    }
    assertEquals(List.of("ENCRYPTED_CONTENT"), codes(file));
    assertEquals(List.of(), codes(plain));
  }

  @Test
  void aWordDocumentWithTheEncryptedFlagIsEncryptedContent() throws IOException {
    assertEquals(List.of("ENCRYPTED_CONTENT"), codes(legacyWord(dir.resolve("locked.doc"), true)));
    assertEquals(List.of(), codes(legacyWord(dir.resolve("open.doc"), false)));
  }

  // A minimal OLE2 file whose WordDocument stream starts with a FIB; only the fEncrypted bit
  // differs.
  private static Path legacyWord(Path file, boolean encrypted) throws IOException {
    byte[] fib = new byte[512];
    fib[0] = (byte) 0xEC;
    fib[1] = (byte) 0xA5;
    if (encrypted) fib[11] = 0x01;
    try (POIFSFileSystem fs = new POIFSFileSystem();
        OutputStream out = Files.newOutputStream(file)) {
      fs.createDocument(new java.io.ByteArrayInputStream(fib), "WordDocument");
      fs.createDocument(new java.io.ByteArrayInputStream(new byte[512]), "1Table");
      fs.writeFilesystem(out);
    }
    return file;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }
}

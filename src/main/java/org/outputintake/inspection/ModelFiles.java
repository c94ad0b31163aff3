package org.outputintake.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.outputintake.inspection.archive.ZipDirectory;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;

/**
 * AI/ML model files, by name and by content, so that a renamed model is still caught. The
 * signatures are those of the common serialisations: Python pickle (also joblib), HDF5 (Keras),
 * PyTorch zip archives, safetensors, GGUF, TFLite and ONNX.
 */
final class ModelFiles {
  static final String MODEL_FILE = "MODEL_FILE";
  private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private static final int HEADER = 1024;

  private ModelFiles() {}

  static Optional<Finding> check(Path path, String name, String type, FilePolicy policy)
      throws IOException {
    String byName = FileTypeRules.firstMatch(name, policy.modelExtensions());
    String byContent = signature(path, type, policy);
    if (byName == null && byContent == null) return Optional.empty();
    String what = byContent != null ? byContent : "'." + byName + "' model file";
    return Optional.of(
        Finding.requestProblem(
                MODEL_FILE,
                "",
                "This looks like an AI/ML model file ("
                    + what
                    + "). The SRS does not permit AI or machine-learning "
                    + "models or model outputs to leave the environment, because a model can leak information about the "
                    + "data it was trained on (SRS guidance, 'Artificial intelligence and machine learning'). Remove it "
                    + "from the request; to discuss options contact statistical.support@ons.gov.uk.")
            .withEvidence(byContent != null ? "content: " + byContent : "extension ." + byName));
  }

  /** A short description of the model format the bytes show, or null. */
  static String signature(Path path, String type, FilePolicy policy) throws IOException {
    byte[] head = new byte[HEADER];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, HEADER);
    }
    long size = Files.size(path);
    if (startsWith(head, n, 0, HDF5) || startsWith(head, n, 512, HDF5))
      return "HDF5 / Keras weights";
    if ("application/zip".equals(type)) return zipModel(path, policy);
    if (!"application/octet-stream".equals(type)) return null;
    if (n >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5)
      return "Python pickle / joblib";
    if (startsWith(head, n, 0, "GGUF".getBytes(StandardCharsets.US_ASCII))) return "GGUF model";
    if (startsWith(head, n, 4, "TFL3".getBytes(StandardCharsets.US_ASCII)))
      return "TensorFlow Lite model";
    if (isSafetensors(head, n, size)) return "safetensors weights";
    if (isOnnx(head, n)) return "ONNX model";
    return null;
  }

  // safetensors: an 8-byte little-endian header length, then a JSON object of tensor descriptions.
  private static boolean isSafetensors(byte[] head, int n, long size) {
    if (n < 10) return false;
    long len = 0;
    for (int i = 7; i >= 0; i--) len = (len << 8) | (head[i] & 0xff);
    return len >= 2 && len <= size - 8 && head[8] == '{' && (head[9] == '"' || head[9] == '}');
  }

  // ONNX is protobuf: field 1 (ir_version, varint) first, then the producer name in the first
  // bytes.
  private static boolean isOnnx(byte[] head, int n) {
    if (n < 8 || head[0] != 0x08) return false;
    String text =
        new String(head, 0, Math.min(n, 256), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return text.contains("pytorch")
        || text.contains("onnx")
        || text.contains("keras")
        || text.contains("tf2onnx");
  }

  private static String zipModel(Path path, FilePolicy policy) {
    try {
      // A model archive has a handful of entries; a huge directory is left to the archive limits.
      if (ZipDirectory.declaredEntries(path) > policy.archive().maxEntries()) return null;
    } catch (IOException e) {
      return null;
    }
    try (ZipFile zip = ZipFile.builder().setPath(path).get()) {
      boolean config = false;
      boolean weights = false;
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        String name = e.getName().toLowerCase(Locale.ROOT);
        if (name.equals("data.pkl") || name.endsWith("/data.pkl")) return "PyTorch model archive";
        if (name.equals("config.json")) config = true;
        if (name.equals("model.weights.h5")) weights = true;
      }
      return config && weights ? "Keras model archive" : null;
    } catch (IOException | RuntimeException e) {
      return null; // not readable as zip: the archive check reports it
    }
  }

  private static boolean startsWith(byte[] head, int n, int offset, byte[] magic) {
    if (n < offset + magic.length) return false;
    for (int i = 0; i < magic.length; i++) {
      if (head[offset + i] != magic[i]) return false;
    }
    return true;
  }
}

package org.outputintake.scan.code;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.outputintake.scan.ContentScanner;
import org.outputintake.scan.FileKinds;
import org.outputintake.scan.Finding;
import org.outputintake.scan.FindingCollector;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.Severity;

/**
 * Code files and Jupyter notebooks: server paths, entity searches, embedded data, annotation,
 * stored results.
 */
public final class CodeScanner implements ContentScanner {
  static final long MAX_CODE_BYTES = 32L * 1024 * 1024;
  static final long MAX_NOTEBOOK_BYTES = 64L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public boolean appliesTo(ScanFile file) {
    return FileKinds.code(file);
  }

  @Override
  public List<Finding> scan(ScanFile file, ScanContext ctx) throws IOException {
    FindingCollector out = new FindingCollector();
    if (file.extension().equals("ipynb")) {
      notebook(file, out);
    } else {
      script(file, out);
    }
    return out.findings();
  }

  private void script(ScanFile file, FindingCollector out) throws IOException {
    CodeRules rules = new CodeRules(Language.of(file.extension()), out);
    long read = 0;
    try (InputStream in = Files.newInputStream(file.path());
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(
                    in,
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
      String line;
      long n = 0;
      while ((line = reader.readLine()) != null) {
        n++;
        read += line.length() + 1L;
        if (read > MAX_CODE_BYTES) {
          out.add(
              Finding.warning(
                  "SCAN_ERROR",
                  "line " + n,
                  "Only the first 32 MB of the code were checked; "
                      + "a code file this large probably holds data. Split it or remove the data."));
          break;
        }
        rules.line(line, "line " + n);
      }
    }
    rules.finish();
  }

  private void notebook(ScanFile file, FindingCollector out) throws IOException {
    if (Files.size(file.path()) > MAX_NOTEBOOK_BYTES) {
      out.add(
          Finding.warning(
              "SCAN_ERROR",
              "",
              "The notebook is over 64 MB and was not checked; "
                  + "clear its outputs and send it again."));
      return;
    }
    JsonNode root;
    try (InputStream in = Files.newInputStream(file.path())) {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new IOException("the notebook is not valid JSON", e);
    }
    if (root == null || !root.path("cells").isArray()) {
      throw new IOException("the notebook has no cells");
    }
    String lang =
        root.path("metadata")
            .path("kernelspec")
            .path("language")
            .asText(root.path("metadata").path("language_info").path("name").asText("python"))
            .toLowerCase(Locale.ROOT);
    CodeRules rules = new CodeRules(Language.of(lang.equals("r") ? "r" : "py"), out);
    int cellNo = 0;
    int withOutputs = 0;
    int firstWithOutputs = 0;
    for (JsonNode cell : root.path("cells")) {
      cellNo++;
      String type = cell.path("cell_type").asText("");
      String[] lines = source(cell.path("source")).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String where = "cell " + cellNo + ", line " + (i + 1);
        if (type.equals("code")) rules.line(lines[i], where);
        else rules.documentation(lines[i], where);
      }
      JsonNode outputs = cell.path("outputs");
      if (type.equals("code") && outputs.isArray() && outputs.size() > 0) {
        withOutputs++;
        if (firstWithOutputs == 0) firstWithOutputs = cellNo;
      }
    }
    rules.finish();
    if (withOutputs > 0) {
      out.add(
          new Finding(
              "CODE_HAS_RESULTS",
              Severity.BLOCKER,
              "cell " + firstWithOutputs,
              withOutputs
                  + " code cell"
                  + (withOutputs == 1 ? " has" : "s have")
                  + " stored outputs (results). "
                  + "Code must not contain results: clear all outputs (Restart & Clear Output) and save again.",
              withOutputs + " cells"));
    }
  }

  private static String source(JsonNode source) {
    if (source.isTextual()) return source.asText();
    StringBuilder b = new StringBuilder();
    if (source.isArray()) source.forEach(part -> b.append(part.asText()));
    return b.toString();
  }
}

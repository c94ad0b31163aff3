package org.outputintake.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A filled request form for the demo's sample requests. */
final class DemoForms {
  private DemoForms() {}

  static Path filledForm(Path dir, String project, String folder, List<String> files) throws IOException {
    Path p = dir.resolve("output-request-form.txt");
    Files.writeString(p, "Project number: " + project + "\nFolder name: " + folder + "\nFiles: " + files + "\n");
    return p;
  }
}

package org.outputintake.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.outputintake.config.IntakeConfig;
import org.outputintake.intake.RequestReview;
import org.outputintake.intake.folder.FolderSnapshots;
import org.outputintake.policy.PolicyInspector;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Inspection;
import org.outputintake.scan.ScanReport;
import org.outputintake.validation.FileScanner;
import org.outputintake.validation.StandardReview;

/** Builds the review the intake runs on every submission. */
final class Reviews {
  private Reviews() {}

  static RequestReview standard(IntakeConfig config) {
    Path data = config.storage().dataDir();
    FolderSnapshots folders = config.scanning().shareRoot() == null ? null
        : new FolderSnapshots(config.scanning().shareRoot(), data.resolve("snapshots"));
    return new StandardReview(scanner(data), config.scanning().policies(), folders);
  }

  static FileScanner scanner(Path data) {
    PolicyInspector inspector = new PolicyInspector();
    return (files, ctx) -> {
      List<FileReport> reports = new ArrayList<>();
      Path work = Files.createDirectories(data.resolve("work"));
      for (var f : files) {
        Inspection i = inspector.inspect(f, ctx, work);
        reports.add(new FileReport(f.displayName(), i.mediaType(), "", f.size(), i.findings()));
      }
      return new ScanReport(ctx.policy().name(), reports);
    };
  }

}

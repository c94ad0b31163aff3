package org.outputintake.app;

import org.outputintake.config.IntakeConfig;
import org.outputintake.intake.RequestReview;
import org.outputintake.review.StandardReview;
import org.outputintake.scan.ScanEngine;
import org.outputintake.sharefolder.FolderSnapshots;

/**
 * Builds the review the intake runs on every submission: the same engine as the {@code check}
 * command.
 */
final class Reviews {
  private Reviews() {}

  static RequestReview standard(
      IntakeConfig config,
      java.util.function.Function<String, org.outputintake.scan.FilePolicy> policies,
      java.time.Clock clock) {
    FolderSnapshots folders =
        config.scanning().shareRoot() == null
            ? null
            : new FolderSnapshots(
                config.scanning().shareRoot(),
                config.storage().dataDir().resolve("snapshots"),
                clock,
                FolderSnapshots.Limits.DEFAULT);
    ScanEngine engine = org.outputintake.review.StandardScan.engine();
    return new StandardReview(engine::scan, policies, folders);
  }
}

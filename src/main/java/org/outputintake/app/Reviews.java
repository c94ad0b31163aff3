package org.outputintake.app;

import java.util.EnumMap;
import java.util.Map;
import org.outputintake.config.IntakeConfig;
import org.outputintake.intake.RequestReview;
import org.outputintake.review.StandardReview;
import org.outputintake.scan.ScanEngine;
import org.outputintake.sharefolder.FolderSnapshots;
import org.outputintake.ticket.RequestKind;

/**
 * Builds the review the intake runs on every submission: the same engine as the {@code check}
 * command, chosen by the request's kind.
 */
final class Reviews {
  private Reviews() {}

  static RequestReview standard(
      IntakeConfig config,
      java.util.function.Function<String, org.outputintake.scan.FilePolicy> policies,
      java.time.Clock clock) {
    RequestReview output = outputReview(config, policies, clock);
    Map<RequestKind, RequestReview> byKind = new EnumMap<>(RequestKind.class);
    byKind.put(RequestKind.OUTPUT, output);
    // the ingest and transfer reviews (review.kinds.IngestReview, TransferReview) are not in this
    // branch yet: their requests are reviewed as outputs until they are
    byKind.put(RequestKind.INGEST, output);
    byKind.put(RequestKind.TRANSFER, output);
    return input -> byKind.get(input.kind()).review(input);
  }

  private static RequestReview outputReview(
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

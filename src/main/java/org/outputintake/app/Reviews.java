package org.outputintake.app;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.outputintake.config.IntakeConfig;
import org.outputintake.intake.RequestReview;
import org.outputintake.review.StandardReview;
import org.outputintake.review.kinds.IngestReview;
import org.outputintake.review.kinds.TransferReview;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.ScanEngine;
import org.outputintake.sharefolder.FolderSnapshots;
import org.outputintake.ticket.RequestKind;

/**
 * Builds the review the intake runs on every submission: the same engine as the {@code check}
 * command, with the form and the checks of the request's kind.
 */
final class Reviews {
  private Reviews() {}

  static RequestReview standard(
      IntakeConfig config, Function<String, FilePolicy> policies, java.time.Clock clock) {
    FolderSnapshots folders =
        config.scanning().shareRoot() == null
            ? null
            : new FolderSnapshots(
                config.scanning().shareRoot(),
                config.storage().dataDir().resolve("snapshots"),
                clock,
                FolderSnapshots.Limits.DEFAULT);
    ScanEngine engine = org.outputintake.review.StandardScan.engine();
    Map<RequestKind, RequestReview> byKind = new EnumMap<>(RequestKind.class);
    byKind.put(RequestKind.OUTPUT, new StandardReview(engine::scan, policies, folders));
    byKind.put(RequestKind.INGEST, new IngestReview(engine::scan, policies));
    byKind.put(RequestKind.TRANSFER, new TransferReview(engine::scan, policies, folders));
    return input -> byKind.get(input.kind()).review(input);
  }
}

package org.outputintake.review.kinds;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.outputintake.form.DataFormCheck;
import org.outputintake.form.DataFormKind;
import org.outputintake.form.DataRequestForm;
import org.outputintake.intake.RequestReview;
import org.outputintake.mail.InboundMessage;
import org.outputintake.review.FileScanner;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.ScanReport;
import org.outputintake.sharefolder.FolderSnapshots;
import org.outputintake.sharefolder.SnapshotResult;

/**
 * A transfer (seed 001 section 3): the files are the folder the form names in the source project's
 * Ready for Checking, snapshotted as output folder mode does; the destination's approved data and
 * permission apply, since that is where the files go.
 */
public final class TransferReview implements RequestReview {
  /** A transfer's files are inside the SRS, so without the share they cannot be read. */
  public static final String FOLDER_MODE_REQUIRED = RequestReview.TRANSFER_NEEDS_FOLDER_MODE;

  private final DataReview review;
  private final FolderSnapshots folders;

  /**
   * @param folders folder mode (scanning.share-root), or null when the bot cannot read the share
   */
  public TransferReview(
      FileScanner scanner, Function<String, FilePolicy> policies, FolderSnapshots folders) {
    this.review = new DataReview(scanner, policies);
    this.folders = folders;
  }

  @Override
  public Result review(Input in) throws IOException {
    if (in.destination() == null)
      throw new IllegalArgumentException("a transfer has a destination");
    List<ScanFile> attached = DataReview.scanFiles(in.files());
    Optional<DataFormCheck.Found> found = review.form(attached);
    DataRequestForm form = found.map(DataFormCheck.Found::form).orElse(null);
    ScanFile formFile = found.map(DataFormCheck.Found::file).orElse(null);
    List<Finding> problems = new ArrayList<>();
    List<InboundMessage.Attachment> sources = new ArrayList<>(in.files());
    List<ScanFile> all = new ArrayList<>(attached);
    List<ScanFile> files = new ArrayList<>();
    String snapshotJson = null;
    if (form == null) {
      problems.add(review.noForm(DataFormKind.TRANSFER, attached));
    } else if (folders == null) {
      problems.add(
          Finding.requestProblem(
              FOLDER_MODE_REQUIRED,
              "",
              "A transfer's files are copied from the source project's Ready for Checking, which"
                  + " this service cannot read (no share is configured). Contact SRS Customer"
                  + " Support, who will arrange the transfer."));
    } else if (!form.folder().isEmpty()) {
      SnapshotResult snap = folders.snapshot(in.project().number(), form.folder());
      snap.findings().stream().filter(Finding::blocksRequest).forEach(problems::add);
      if (snap.snapshot().isPresent()) {
        snapshotJson = snap.snapshot().get().toJson();
        for (ScanFile f : snap.snapshot().get().toScanFiles()) {
          files.add(f);
          all.add(f);
          sources.add(
              new InboundMessage.Attachment(
                  f.displayName(), "application/octet-stream", f.path(), f.size(), null, false));
        }
      }
    }
    if (form != null) {
      problems.addAll(
          DataFormCheck.check(
              form,
              new DataFormCheck.Expected(
                  DataFormKind.TRANSFER,
                  in.project().number(),
                  in.destination().number(),
                  files.stream().map(ScanFile::displayName).toList())));
    }
    ScanReport report = review.scan(files, in.destination());
    problems.addAll(review.check(form, files, in.project(), in.destination(), report));
    return new Result(
        problems,
        review.outcomes(sources, all, formFile, form, report, in.destination()),
        form == null || form.folder().isEmpty() ? null : form.folder(),
        null,
        review.policyName(in.destination()),
        List.of(),
        snapshotJson);
  }
}

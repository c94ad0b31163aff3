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
import org.outputintake.review.FileScanner;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.ScanReport;

/**
 * An ingest (seed 001 section 2): files from outside the SRS, attached to the email with the ingest
 * request form, checked against the project's approved data and permission.
 */
public final class IngestReview implements RequestReview {
  private final DataReview review;

  public IngestReview(FileScanner scanner, Function<String, FilePolicy> policies) {
    this.review = new DataReview(scanner, policies);
  }

  @Override
  public Result review(Input in) throws IOException {
    List<ScanFile> attached = DataReview.scanFiles(in.files());
    Optional<DataFormCheck.Found> found = review.form(attached);
    DataRequestForm form = found.map(DataFormCheck.Found::form).orElse(null);
    ScanFile formFile = found.map(DataFormCheck.Found::file).orElse(null);
    List<ScanFile> files = new ArrayList<>(attached);
    files.removeIf(f -> formFile != null && f.path().equals(formFile.path()));
    List<Finding> problems = new ArrayList<>();
    if (form == null) {
      problems.add(review.noForm(DataFormKind.INGEST, attached));
    } else {
      problems.addAll(
          DataFormCheck.check(
              form,
              new DataFormCheck.Expected(
                  DataFormKind.INGEST,
                  in.project().number(),
                  "",
                  files.stream().map(ScanFile::displayName).toList())));
    }
    ScanReport report = review.scan(files, in.project());
    problems.addAll(review.check(form, files, in.project(), in.project(), report));
    return new Result(
        problems,
        review.outcomes(in.files(), attached, formFile, form, report, in.project()),
        null,
        null,
        review.policyName(in.project()),
        List.of(),
        null);
  }
}

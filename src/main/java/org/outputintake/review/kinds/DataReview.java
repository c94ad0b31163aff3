package org.outputintake.review.kinds;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.outputintake.form.DataFileEntry;
import org.outputintake.form.DataFormCheck;
import org.outputintake.form.DataFormKind;
import org.outputintake.form.DataFormReader;
import org.outputintake.form.DataRequestForm;
import org.outputintake.form.FormReader;
import org.outputintake.form.RequestForms;
import org.outputintake.inspection.SafeFileName;
import org.outputintake.intake.RequestReview;
import org.outputintake.mail.InboundMessage;
import org.outputintake.project.Project;
import org.outputintake.review.FileScanner;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.ScanReport;

/**
 * The review both ingests and transfers share once their files are known: the form against the
 * request, the file rules and scanners under the project's policy with identifiers and code rules
 * as blockers, and the data checks against the approving project's approved_data.
 */
final class DataReview {
  private final FileScanner scanner;
  private final Function<String, FilePolicy> policies;
  private final DataFormReader forms = new DataFormReader();

  DataReview(FileScanner scanner, Function<String, FilePolicy> policies) {
    this.scanner = scanner;
    this.policies = policies;
  }

  static List<ScanFile> scanFiles(List<InboundMessage.Attachment> files) {
    List<ScanFile> out = new ArrayList<>();
    for (InboundMessage.Attachment a : files) {
      out.add(
          new ScanFile(a.file(), SafeFileName.of(a.name()).display(), null, a.size(), 0, a.name()));
    }
    return out;
  }

  Optional<DataFormCheck.Found> form(List<ScanFile> attached) {
    return DataFormCheck.find(attached, forms);
  }

  /** Why no form was found: missing, unreadable, or a form of another kind. */
  Finding noForm(DataFormKind kind, List<ScanFile> attached) {
    for (ScanFile f : attached) {
      if (new FormReader().read(f).isForm()) {
        return DataFormCheck.wrongKind(kind, f.displayName(), "output request form");
      }
    }
    return attached.stream()
        .filter(RequestForms::namedLikeForm)
        .findFirst()
        .map(f -> DataFormCheck.unreadable(kind, f.displayName(), forms.read(f).reason()))
        .orElseGet(() -> DataFormCheck.missing(kind));
  }

  /**
   * @param files the request's files, the form left out
   * @param approving the project whose approved_data and permission apply
   */
  List<Finding> check(
      DataRequestForm form,
      List<ScanFile> files,
      Project project,
      Project approving,
      ScanReport report)
      throws IOException {
    List<Finding> problems = new ArrayList<>();
    for (FileReport r : report.files()) {
      for (Finding f : r.findings()) {
        Finding read = KindFindings.read(f, approving);
        if (read.blocksRequest()) problems.add(inFile(read, r.file()));
      }
    }
    if (form == null) return problems;
    for (ScanFile file : files) {
      Optional<DataFileEntry> entry = form.entryFor(file.displayName());
      if (entry.isPresent() && entry.get().holdsData() == org.outputintake.form.Answer.YES) {
        problems.addAll(DataChecks.dataFile(file, entry.get(), approving));
      }
    }
    return problems;
  }

  ScanReport scan(List<ScanFile> files, Project project) throws IOException {
    return scanner.scan(
        files,
        new ScanContext(policies.apply(project.policy()), project.threshold(), java.util.Set.of()));
  }

  String policyName(Project project) {
    return policies.apply(project.policy()).name();
  }

  /** Per file, its report as this kind reads it, with the warnings of the data checks added. */
  List<RequestReview.FileOutcome> outcomes(
      List<InboundMessage.Attachment> sources,
      List<ScanFile> scanned,
      ScanFile formFile,
      DataRequestForm form,
      ScanReport report,
      Project approving)
      throws IOException {
    List<RequestReview.FileOutcome> out = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      InboundMessage.Attachment a = sources.get(i);
      ScanFile sf = scanned.get(i);
      if (formFile != null && sf.path().equals(formFile.path())) {
        out.add(new RequestReview.FileOutcome(a, "form", a.contentType(), List.of()));
        continue;
      }
      List<FileReport> mine = new ArrayList<>();
      for (FileReport r : report.files()) {
        if (!r.file().equals(sf.displayName()) && !r.file().startsWith(sf.displayName() + "!/"))
          continue;
        List<Finding> findings = new ArrayList<>();
        r.findings().forEach(f -> findings.add(KindFindings.read(f, approving)));
        if (r.file().equals(sf.displayName())) {
          DataFileEntry entry = form == null ? null : form.entryFor(sf.displayName()).orElse(null);
          ScanFile typed =
              new ScanFile(sf.path(), sf.displayName(), r.type(), sf.size(), 0, sf.receivedName());
          findings.addAll(DataChecks.columns(typed, entry));
        }
        mine.add(new FileReport(r.file(), r.type(), r.sha256(), r.size(), findings));
      }
      String type = mine.isEmpty() ? a.contentType() : mine.get(0).type();
      out.add(new RequestReview.FileOutcome(a, "output", type, mine));
    }
    return out;
  }

  private static Finding inFile(Finding f, String file) {
    return f.withLocation(f.location().isEmpty() ? file : file + ", " + f.location());
  }
}

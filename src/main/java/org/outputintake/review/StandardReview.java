package org.outputintake.review;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outputintake.form.FormCheck;
import org.outputintake.form.FormExpectations;
import org.outputintake.form.FormReader;
import org.outputintake.form.RequestForm;
import org.outputintake.form.RequestForms;
import org.outputintake.inspection.SafeFileName;
import org.outputintake.intake.RequestReview;
import org.outputintake.mail.InboundMessage;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.FindingCollector;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.ScanReport;
import org.outputintake.scan.Severity;
import org.outputintake.scan.table.SupportedDominance;
import org.outputintake.sharefolder.FolderSnapshots;
import org.outputintake.sharefolder.SnapshotResult;

/**
 * The complete answer for one submission (seed 002, sections 2 and 3): the request form, every file
 * against the project's policy, and the scanners. Every problem is collected so the researcher gets
 * one reply listing all of them, never one problem per round trip. Problems with the form and the
 * file rules block the ticket; scanner findings are reported but never block on their own.
 */
public final class StandardReview implements RequestReview {
  private static final Pattern DATED_FOLDER =
      Pattern.compile("\\b(\\d{4}_\\d{2}_\\d{2}_[A-Za-z0-9_-]*[A-Za-z0-9])");
  private static final Pattern LABELLED_FOLDER =
      Pattern.compile(
          "(?im)folder(?:\\s+name)?\\s*[:=]\\s*\"?([A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9])");

  /** The problems of one code listed one by one; the rest are counted ("and N more"). */
  static final int MAX_SAME_PROBLEM = 10;

  private final FileScanner scanner;

  /** The project's file policy by name, parsed once when the registry was loaded. */
  private final java.util.function.Function<String, FilePolicy> policies;

  private final FolderSnapshots folders;
  private final FormReader forms = new FormReader();

  /**
   * @param folders folder mode (files read from the project share), or null for attachment mode
   */
  public StandardReview(
      FileScanner scanner,
      java.util.function.Function<String, FilePolicy> policies,
      FolderSnapshots folders) {
    this.scanner = scanner;
    this.policies = policies;
    this.folders = folders;
  }

  @Override
  public Result review(Input in) throws IOException {
    FilePolicy policy = policies.apply(in.project().policy());
    List<ScanFile> attached = new ArrayList<>();
    for (InboundMessage.Attachment a : in.files()) {
      attached.add(
          new ScanFile(a.file(), SafeFileName.of(a.name()).display(), null, a.size(), 0, a.name()));
    }
    List<Finding> problems = new ArrayList<>();
    Optional<RequestForms.FoundForm> found = RequestForms.findForm(attached, forms);
    List<ScanFile> outputs = new ArrayList<>(attached);
    List<InboundMessage.Attachment> sources = new ArrayList<>(in.files());
    String snapshotJson = null;
    String folderName =
        found
            .map(f -> f.form().folderName())
            .filter(n -> n != null && !n.isBlank())
            .orElseGet(() -> folderNamedIn(in.bodyText()));
    if (folders != null && folderName != null) {
      SnapshotResult snap = folders.snapshot(in.project().number(), folderName);
      // a skipped link is worth telling officers but is no reason to hold the request
      snap.findings().stream().filter(Finding::blocksRequest).forEach(problems::add);
      if (snap.snapshot().isPresent()) {
        var snapshot = snap.snapshot().get();
        snapshotJson = snapshot.toJson();
        // the folder's files become the ticket's files, as if attached (seed 002: the form goes in
        // the folder too)
        for (ScanFile f : snapshot.toScanFiles()) {
          attached.add(f);
          outputs.add(f);
          sources.add(
              new InboundMessage.Attachment(
                  f.displayName(), "application/octet-stream", f.path(), f.size(), null, false));
        }
        if (found.isEmpty()) found = RequestForms.findForm(snapshot.toScanFiles(), forms);
      }
    }
    RequestForm form = found.map(RequestForms.FoundForm::form).orElse(null);
    ScanFile formFile =
        found
            .map(RequestForms.FoundForm::file)
            .or(() -> attached.stream().filter(RequestForms::namedLikeForm).findFirst())
            .orElse(null);
    if (form == null) {
      // a file named as the form that did not read as one is the researcher's paperwork, not an
      // output: say why it was not read rather than scan it for identifiers as if for release
      problems.add(
          0,
          formFile != null
              ? RequestForms.formUnreadable(formFile.displayName(), forms.read(formFile).reason())
              : RequestForms.formMissing());
    }
    outputs.removeIf(f -> formFile != null && f.path().equals(formFile.path()));
    problems.addAll(RequestFileNames.duplicates(outputs));
    ScanContext context =
        new ScanContext(
            policy,
            in.project().threshold(),
            form == null ? java.util.Set.of() : form.declaredCountColumns());
    ScanReport report = scanner.scan(outputs, context);
    if (form != null) {
      FormExpectations expect =
          new FormExpectations(
              in.subjectProjectNumber(),
              RequestFileNames.withArchiveEntries(outputs, report),
              in.lastFolderVersion() == null
                  ? OptionalInt.empty()
                  : OptionalInt.of(in.lastFolderVersion()),
              in.project().number());
      problems.addAll(FormCheck.check(form, expect));
    }
    // a 42.zip-style bomb refuses every archive inside it: the researcher reads the first few and
    // how many more, not a hundred lines of the same
    FindingCollector fromFiles = new FindingCollector(MAX_SAME_PROBLEM);
    for (FileReport r : report.files()) {
      for (Finding f : r.findings()) {
        if (f.blocksRequest()) fromFiles.add(inFile(f, r.file()));
      }
    }
    problems.addAll(fromFiles.findings());
    List<FileOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      InboundMessage.Attachment a = sources.get(i);
      ScanFile sf = attached.get(i);
      if (formFile != null && sf.path().equals(formFile.path())) {
        outcomes.add(new FileOutcome(a, "form", a.contentType(), List.of()));
        continue;
      }
      List<FileReport> mine = reportsFor(report, sf.displayName());
      String type = mine.isEmpty() ? a.contentType() : mine.get(0).type();
      boolean supporting = form != null && form.isSupporting(sf.displayName());
      if (supporting) mine = markedSupporting(mine);
      outcomes.add(new FileOutcome(a, supporting ? "supporting" : "output", type, mine));
    }
    List<Finding> body =
        aboutTheEmail(
            new org.outputintake.scan.identifier.IdentifierFinder()
                .scanText(in.bodyText(), "email body"));
    return new Result(
        problems,
        outcomes,
        form == null ? null : form.folderName(),
        form == null
            ? null
            : form.folderVersion().isPresent() ? form.folderVersion().getAsInt() : null,
        policy.name(),
        body,
        snapshotJson);
  }

  /**
   * Folder mode: the folder named in the email body (seed 002 asks researchers to give it there).
   */
  static String folderNamedIn(String body) {
    if (body == null) return null;
    Matcher dated = DATED_FOLDER.matcher(body);
    if (dated.find()) return dated.group(1);
    Matcher labelled = LABELLED_FOLDER.matcher(body);
    return labelled.find() ? labelled.group(1) : null;
  }

  private static List<FileReport> reportsFor(ScanReport report, String name) {
    return report.files().stream()
        .filter(r -> r.file().equals(name) || r.file().startsWith(name + "!/"))
        .toList();
  }

  /**
   * The form already keeps the file in the TRE, as a supporting file's finding asks: that finding
   * is then information for the checker, not something for the researcher to fix.
   */
  private static List<FileReport> markedSupporting(List<FileReport> reports) {
    List<FileReport> out = new ArrayList<>();
    for (FileReport r : reports) {
      List<Finding> findings = new ArrayList<>();
      for (Finding f : r.findings()) {
        boolean asked = f.code().equals(SupportedDominance.SUPPORTING);
        findings.add(
            asked
                ? new Finding(
                    f.code(),
                    Severity.INFO,
                    f.location(),
                    f.message() + " The form marks it Supporting: it stays in the TRE.",
                    f.evidence())
                : f);
      }
      out.add(new FileReport(r.file(), r.type(), r.sha256(), r.size(), findings));
    }
    return out;
  }

  /**
   * The email itself is not an output: the advice for outputs ("remove them") does not fit the
   * researcher's own telephone number in a signature, while results written into the email do
   * matter (seed 002: no uncleared material in emails).
   */
  static List<Finding> aboutTheEmail(List<Finding> found) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : found) {
      String what =
          org.outputintake.scan.identifier.IdentifierFinder.looksLike(
              org.outputintake.scan.identifier.IdentifierKind.valueOf(f.code()));
      out.add(
          f.withMessage(
              what
                  + " Your own contact details (a signature) are fine; never write results or data"
                  + " from the Secure Research Service into an email: send them as files for checking."));
    }
    return out;
  }

  private static Finding inFile(Finding f, String file) {
    String where = f.location().isEmpty() ? file : file + ", " + f.location();
    return f.withLocation(where);
  }
}

package org.outputintake.inspection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.outputintake.inspection.archive.ArchiveBudget;
import org.outputintake.inspection.archive.ArchiveExpander;
import org.outputintake.inspection.archive.Expansion;
import org.outputintake.scan.FileInspector;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Inspection;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;

/**
 * Detects a file's type from its bytes and applies the policy's file rules: type mismatch, allowed
 * and forbidden types, size, model files, encryption, and safe archive expansion. A name received
 * with control or text-direction characters adds a FILE_NAME_UNSAFE warning. Thread-safe; one
 * instance may serve many scans.
 *
 * <p>Archive limits on bytes and entries apply to a top-level file and everything nested in it. The
 * budget is remembered against the directory an archive was expanded into, so when the engine hands
 * back a nested archive (a file inside that directory) it draws on the same budget. Budgets whose
 * directory has gone are forgotten.
 */
public class PolicyInspector implements FileInspector {
  static final String FILE_EMPTY = "FILE_EMPTY";
  private final Map<Path, ArchiveBudget> budgets = new ConcurrentHashMap<>();

  public PolicyInspector() {}

  @Override
  public Inspection inspect(ScanFile file, ScanContext context, Path workDir) throws IOException {
    FilePolicy policy = context.policy();
    forgetRemovedBudgets();
    long size = Files.size(file.path());
    String type = detect(file.path());
    List<Finding> findings = new ArrayList<>(SafeFileName.of(file.receivedName()).problems());
    if (size == 0 && file.depth() == 0) findings.add(empty());
    findings.addAll(FileTypeRules.check(file.displayName(), type, size, policy));
    boolean scanContent = findings.stream().noneMatch(f -> f.code().equals(FileTypeRules.MISMATCH));
    boolean tooLarge = policy.maxFileBytes() > 0 && size > policy.maxFileBytes();
    if (tooLarge) {
      findings.add(
          Finding.requestProblem(
              "FILE_TOO_LARGE",
              "",
              "The file is "
                  + megabytes(size)
                  + ", over the "
                  + policy.name()
                  + " limit of "
                  + megabytes(policy.maxFileBytes())
                  + " per file. Reduce it (fewer rows "
                  + "or columns, a smaller image) or split it into several files."));
      scanContent = false;
    }
    Optional<Finding> model = ModelFiles.check(file.path(), file.displayName(), type, policy);
    if (model.isPresent()) {
      findings.add(model.get());
      return new Inspection(type, findings, List.of(), false);
    }
    Optional<Finding> encrypted = EncryptedContent.check(file.path(), type);
    if (encrypted.isPresent()) {
      findings.add(encrypted.get());
      return new Inspection(type, findings, List.of(), false);
    }
    if (!ArchiveExpander.isArchive(type))
      return new Inspection(type, findings, List.of(), scanContent);
    if (tooLarge) return new Inspection(type, findings, List.of(), false);
    ArchiveBudget budget = budgetFor(file, policy);
    Expansion expansion = new ArchiveExpander(policy.archive()).expand(file, type, budget, workDir);
    findings.addAll(expansion.findings());
    expansion.entries().stream()
        .map(e -> e.path().getParent())
        .distinct()
        .forEach(dir -> budgets.put(dir.toAbsolutePath().normalize(), budget));
    return new Inspection(type, findings, expansion.entries(), false);
  }

  /**
   * The type from the bytes alone: a name is never given to Tika, so a renamed file cannot fool it.
   */
  public String detect(Path path) throws IOException {
    return TypeDetector.detect(path);
  }

  private ArchiveBudget budgetFor(ScanFile file, FilePolicy policy) {
    if (file.depth() > 0) {
      for (Path p = file.path().toAbsolutePath().normalize().getParent();
          p != null;
          p = p.getParent()) {
        ArchiveBudget shared = budgets.get(p);
        if (shared != null) return shared;
      }
    }
    return new ArchiveBudget(policy.archive());
  }

  private void forgetRemovedBudgets() {
    budgets.keySet().removeIf(dir -> !Files.isDirectory(dir));
  }

  static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return mb == Math.rint(mb) ? String.format("%.0f MB", mb) : String.format("%.1f MB", mb);
  }

  /**
   * A 0-byte file sent for output has nothing to check or release: a failed export or the wrong
   * attachment. (Inside an archive an empty entry, such as a {@code .gitkeep}, holds nothing to
   * disclose and is left alone.)
   */
  private static Finding empty() {
    return Finding.requestProblem(
        FILE_EMPTY,
        "",
        "The file is empty (0 bytes), so there is nothing to check or release. Attach the file "
            + "again (export or save it afresh if it came out empty), or remove it from the request "
            + "and the form.");
  }
}

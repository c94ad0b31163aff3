package org.outputintake.review.kinds;

import java.util.Set;
import org.outputintake.project.IndirectIdentifiers;
import org.outputintake.project.Project;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;
import org.outputintake.scan.identifier.IdentifierFinder;
import org.outputintake.scan.identifier.IdentifierKind;

/**
 * The engine's findings as an ingest or transfer reads them: what informs the checkers of an output
 * is a rule here (seed 002 section 2). Direct identifiers are never allowed in the SRS; indirect
 * ones only with the project's special permission; code must hold no data and search for no single
 * entity.
 */
final class KindFindings {
  /** The code rules that keep data and single-entity searches out (scan.code). */
  static final Set<String> CODE_BLOCKERS =
      Set.of("CODE_EMBEDDED_DATA", "CODE_ENTITY_SEARCH", "CODE_HAS_RESULTS");

  private KindFindings() {}

  /**
   * The finding as this kind of request treats it; the evidence stays the engine's, which is
   * already masked.
   *
   * @param approving the project whose permission applies (a transfer's destination)
   */
  static Finding read(Finding f, Project approving) {
    IdentifierKind kind = identifier(f.code());
    if (kind != null) {
      String what = IdentifierFinder.looksLike(kind);
      if (kind.direct()) {
        return new Finding(
            f.code(),
            Severity.BLOCKER,
            f.location(),
            what
                + " Direct identifiers are never allowed in the Secure Research Service: remove"
                + " them from the file and send the request again.",
            f.evidence(),
            Finding.Scope.REQUEST);
      }
      if (approving.indirectIdentifiers() == IndirectIdentifiers.PERMITTED) {
        return new Finding(
            f.code(),
            Severity.WARNING,
            f.location(),
            what
                + " Project "
                + approving.number()
                + " has special permission for indirect identifiers (indirect_identifiers:"
                + " permitted): the checker confirms they are within it.",
            f.evidence(),
            Finding.Scope.CONTENT);
      }
      return new Finding(
          f.code(),
          Severity.BLOCKER,
          f.location(),
          what
              + " Indirect identifiers need special permission, which project "
              + approving.number()
              + " does not have: remove them, or ask for the permission (an addendum) first.",
          f.evidence(),
          Finding.Scope.REQUEST);
    }
    if (CODE_BLOCKERS.contains(f.code())) {
      return new Finding(
          f.code(),
          Severity.BLOCKER,
          f.location(),
          f.message(),
          f.evidence(),
          Finding.Scope.REQUEST);
    }
    return f;
  }

  private static IdentifierKind identifier(String code) {
    return IdentifierKind.ofCode(code);
  }
}

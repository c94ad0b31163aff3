package org.outputintake.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outputintake.scan.Finding;

/**
 * Supporting material packed inside an archive that is for output. An attached file is released
 * whole, so {@code #release} would send the supporting files with the outputs although the form
 * says they stay in the TRE (seed 002: supporting material is for checking only).
 */
final class SupportingInArchives {
  private static final int NAMED = 5;

  private SupportingInArchives() {}

  /**
   * One blocker per attached archive that is not itself marked Supporting and holds entries the
   * form marks Supporting.
   *
   * @param attachedFileNames display names, archive entries as {@code a.zip!/dir/x.R}
   */
  static List<Finding> check(RequestForm form, List<String> attachedFileNames) {
    Map<String, List<String>> byArchive = new LinkedHashMap<>();
    for (String name : attachedFileNames) {
      AttachedName a = AttachedName.of(name);
      if (!a.isArchiveEntry() || !supporting(form, a.namesMostSpecificFirst().get(0))) continue;
      if (supporting(form, a.outermost())) continue;
      String archive = name.substring(0, name.indexOf("!/"));
      byArchive.computeIfAbsent(archive, k -> new ArrayList<>()).add(name);
    }
    List<Finding> findings = new ArrayList<>();
    byArchive.forEach(
        (archive, entries) ->
            findings.add(
                Finding.requestProblem(
                        FormCheck.SUPPORTING_IN_OUTPUT_ARCHIVE,
                        archive,
                        "The form marks "
                            + names(entries, archive)
                            + " Supporting, but "
                            + (entries.size() == 1 ? "it is" : "they are")
                            + " inside '"
                            + archive
                            + "', which is for output. An archive is released whole, so the"
                            + " supporting material would leave with it. Attach supporting files"
                            + " outside the output archive (on their own, or in an archive of their"
                            + " own marked Supporting on the form) and send the request again.")
                    .withEvidence(archive)));
    return findings;
  }

  private static boolean supporting(RequestForm form, String baseName) {
    return form.files().stream()
        .anyMatch(f -> f.baseName().equals(baseName) && f.use() == FileUse.SUPPORTING);
  }

  private static String names(List<String> entries, String archive) {
    List<String> shown = new ArrayList<>();
    for (String e : entries.subList(0, Math.min(NAMED, entries.size()))) {
      shown.add("'" + e.substring(archive.length() + 2) + "'");
    }
    String list = String.join(", ", shown);
    return entries.size() > NAMED ? list + " and " + (entries.size() - NAMED) + " more" : list;
  }
}

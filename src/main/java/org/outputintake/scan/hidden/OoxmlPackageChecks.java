package org.outputintake.scan.hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageProperties;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.outputintake.scan.Finding;
import org.outputintake.scan.identifier.Mask;

/**
 * Checks every Office Open XML package shares: macros, links to other files and data sources, and
 * the people named in the document properties. Parts are looked at by name and relationship, never
 * loaded as a document.
 */
final class OoxmlPackageChecks {
  private OoxmlPackageChecks() {}

  static List<Finding> check(OPCPackage pkg) throws InvalidFormatException {
    List<Finding> findings = new ArrayList<>();
    boolean macros = false;
    boolean macroSheets = false;
    boolean connections = false;
    int externalWorkbooks = 0;
    List<String> linkedObjects = new ArrayList<>();
    for (PackagePart part : pkg.getParts()) {
      String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
      String type = part.getContentType().toLowerCase(Locale.ROOT);
      if (name.endsWith("vbaproject.bin") || type.contains("vbaproject")) macros = true;
      if (name.startsWith("/xl/macrosheets/") || type.contains("macrosheet")) macroSheets = true;
      if (name.startsWith("/xl/externallinks/")) externalWorkbooks++;
      if (name.equals("/xl/connections.xml")
          || name.startsWith("/customxml/") && type.contains("datasource")) {
        connections = true;
      }
      if (part.isRelationshipPart()) continue;
      for (PackageRelationship rel : part.getRelationships()) {
        String relType = rel.getRelationshipType().toLowerCase(Locale.ROOT);
        if (rel.getTargetMode() == TargetMode.EXTERNAL
            && (relType.endsWith("/oleobject")
                || relType.endsWith("/externallinkpath")
                || relType.endsWith("/package"))) {
          linkedObjects.add(Mask.linkTarget(rel.getTargetURI().toString()));
        }
      }
    }
    if (macros) findings.add(HiddenCodes.macros("vbaProject.bin"));
    if (macroSheets) {
      findings.add(
          Finding.blocker(
              HiddenCodes.ACTIVE_CONTENT,
              "macro sheets",
              "The workbook contains Excel 4.0 macro sheets, which run code. Copy the results into a new workbook "
                  + "without macro sheets and request that."));
    }
    if (externalWorkbooks > 0 || !linkedObjects.isEmpty()) {
      findings.add(
          Finding.warning(
                  HiddenCodes.EXTERNAL_LINK,
                  "",
                  "The file links to "
                      + (externalWorkbooks + linkedObjects.size())
                      + " other file(s). Linked values "
                      + "can update from files the checker cannot see, and link paths can reveal server names. Break the "
                      + "links (paste values) before requesting the file.")
              .withEvidence(
                  linkedObjects.isEmpty()
                      ? externalWorkbooks + " external workbook link(s)"
                      : "targets "
                          + String.join(
                              ", ", linkedObjects.subList(0, Math.min(3, linkedObjects.size())))));
    }
    if (connections) {
      findings.add(
          Finding.warning(
              HiddenCodes.EXTERNAL_LINK,
              "data connections",
              "The workbook has connections to external data sources (queries or database links). Remove the "
                  + "connections (Data > Queries & Connections) so that only the values are requested."));
    }
    PackageProperties props = pkg.getPackageProperties();
    findings.addAll(
        HiddenCodes.authors(
            props.getCreatorProperty().orElse(null),
            props.getLastModifiedByProperty().orElse(null)));
    return findings;
  }
}

package org.outputintake.review.kinds;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.outputintake.form.DataFileEntry;
import org.outputintake.form.DataFormCheck;
import org.outputintake.project.Project;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.table.TableGrid;

/**
 * What the form says about a data file against what the project is approved for and what the file
 * holds (seed 001 sections 2-3, seed 002 section 4): the dataset approved, every variable listed,
 * geography lookups from the SRS Libraries rather than attached.
 */
final class DataChecks {
  static final String DATA_NOT_APPROVED = "DATA_NOT_APPROVED";
  static final String VARIABLE_NOT_LISTED = "VARIABLE_NOT_LISTED";
  static final String GEOGRAPHY_LOOKUP = "GEOGRAPHY_LOOKUP";

  /** An ONS (GSS) geography code: a letter for the country, two digits for the entity, six more. */
  private static final Pattern GSS_CODE = Pattern.compile("[EWSNK]\\d{8}");

  private static final int ROWS_READ = 200;

  private DataChecks() {}

  /**
   * @param approving the project whose approved_data applies: the ingest's, or a transfer's
   *     destination
   */
  static List<Finding> dataFile(ScanFile file, DataFileEntry entry, Project approving) {
    List<Finding> out = new ArrayList<>();
    String name = file.displayName();
    if (entry.dataset().isEmpty()) {
      out.add(
          DataFormCheck.incomplete(
              "request form, " + name,
              "The form says '"
                  + name
                  + "' holds data but names no dataset it comes from. Name the dataset, as in the"
                  + " project's application or addendum."));
    } else if (!approving.approves(entry.dataset())) {
      out.add(
          Finding.requestProblem(
              DATA_NOT_APPROVED,
              name,
              "The dataset named for '"
                  + name
                  + "' is not approved for project "
                  + approving.number()
                  + ". Data must be approved in the project's application or an addendum: raise an"
                  + " addendum through the project's page on the Researcher Access Service (or the"
                  + " ingest request form), give its reference on the form, and send the request"
                  + " again once it is approved."));
    }
    return out;
  }

  /** The columns of a table file the form does not list, and whether it is a geography lookup. */
  static List<Finding> columns(ScanFile file, DataFileEntry entry) throws IOException {
    List<Finding> out = new ArrayList<>();
    for (TableGrid.Sheet sheet : TableGrid.read(file, ROWS_READ)) {
      if (sheet.headerRow() < 1 || sheet.rows().size() < sheet.headerRow()) continue;
      String[] header = sheet.rows().get(sheet.headerRow() - 1);
      String where =
          file.displayName() + (sheet.name().isEmpty() ? "" : ", sheet '" + sheet.name() + "'");
      if (entry != null) {
        List<String> unlisted = new ArrayList<>();
        for (String h : header) {
          if (h != null && !h.isBlank() && !entry.lists(h)) unlisted.add(h.strip());
        }
        if (!unlisted.isEmpty()) {
          out.add(
              Finding.warning(
                      VARIABLE_NOT_LISTED,
                      where,
                      unlisted.size()
                          + " column"
                          + (unlisted.size() == 1 ? " is" : "s are")
                          + " not listed among the file's variables on the form. Only the"
                          + " variables the project needs may come in (data minimisation): list"
                          + " them on the form with why they are needed, or remove them.")
                  .withEvidence(unlisted.size() + " columns"));
        }
      }
      if (geographyLookup(sheet, header)) {
        out.add(
            Finding.warning(
                GEOGRAPHY_LOOKUP,
                where,
                "This looks like a geography lookup (ONS geography codes with names). Use the"
                    + " lookups in the SRS Libraries, or name the file on the ONS Open Geography"
                    + " Portal in the request for the SRS team to download, rather than attaching it."));
      }
    }
    return out;
  }

  /**
   * A column whose values are mostly ONS geography codes beside a column of words (their names):
   * the shape of every lookup on the Open Geography Portal ({@code LSOA21CD,LSOA21NM,...}).
   */
  static boolean geographyLookup(TableGrid.Sheet sheet, String[] header) {
    int codes = 0;
    int names = 0;
    for (int c = 0; c < header.length; c++) {
      int filled = 0;
      int gss = 0;
      int words = 0;
      for (int r = sheet.dataStart() - 1; r < sheet.rows().size(); r++) {
        String[] row = sheet.rows().get(r);
        if (r < 0 || c >= row.length || row[c] == null || row[c].isBlank()) continue;
        filled++;
        String v = row[c].strip();
        if (GSS_CODE.matcher(v).matches()) gss++;
        else if (v.chars().anyMatch(Character::isLetter) && v.chars().noneMatch(Character::isDigit))
          words++;
      }
      if (filled == 0) continue;
      if (gss * 10 >= filled * 8) codes++;
      else if (words * 10 >= filled * 8) names++;
    }
    return codes >= 1 && names >= 1;
  }
}

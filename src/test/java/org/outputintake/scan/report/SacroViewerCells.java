package org.outputintake.scan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which CSV cell SACRO-Viewer highlights for each cell position of an ACRO {@code results.json},
 * restated from the viewer's own code (AI-SDC/SACRO-Viewer):
 *
 * <ul>
 *   <li>{@code sacro/models.py}, {@code ACROOutputs.annotate}: for every file, {@code sdc.cells}
 *       becomes {@code cell_index}, {@code "x,y"} mapped to the flags at {@code [x, y]};
 *   <li>{@code assets/src/scripts/_table-builder.js}, {@code tableBuilder}: the file is parsed with
 *       {@code Papa.parse(csvString).data}; its row 0 becomes the table head, rows 1.. the body
 *       rows, each cell a {@code td};
 *   <li>the same file, {@code highlightFailingCells}: the cell {@code "x,y"} is {@code
 *       tr:nth-child(x + 1) > td:nth-child(y + 2)} of the body (both 1-based), that is Papa row
 *       {@code x + 1}, column {@code y + 1}.
 * </ul>
 *
 * Papa's defaults are kept: comma, double quotes doubled inside quotes, {@code \r\n}, {@code \n} or
 * {@code \r} line ends, empty lines kept as rows of one empty cell.
 */
public final class SacroViewerCells {
  /**
   * One highlighted cell: the output file's name, its flags, the Papa row and column (0-based) and
   * the text the viewer shows there (null when the position is outside the table).
   */
  public record Highlight(String file, List<String> flags, int row, int column, String text) {}

  private SacroViewerCells() {}

  public static List<Highlight> highlights(Path folder) throws IOException {
    JsonNode root = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
    List<Highlight> out = new ArrayList<>();
    for (JsonNode output : root.path("results")) {
      for (JsonNode file : output.path("files")) {
        String name = file.path("name").asText();
        // models.py: cell_index[f"{x},{y}"].append(flag)
        Map<String, List<String>> cellIndex = new LinkedHashMap<>();
        file.path("sdc")
            .path("cells")
            .properties()
            .forEach(
                e -> {
                  for (JsonNode xy : e.getValue())
                    cellIndex
                        .computeIfAbsent(
                            xy.get(0).asInt() + "," + xy.get(1).asInt(), k -> new ArrayList<>())
                        .add(e.getKey());
                });
        if (cellIndex.isEmpty()) continue;
        List<List<String>> data =
            papaParse(Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
        for (Map.Entry<String, List<String>> e : cellIndex.entrySet()) {
          // _table-builder.js: x = index[0] + 1 (nth-child of the body), y = index[1] + 2
          String[] xy = e.getKey().split(",");
          int bodyRow = Integer.parseInt(xy[0]) + 1; // 1-based among the body rows
          int td = Integer.parseInt(xy[1]) + 2; // 1-based among the row's cells
          int row = bodyRow; // the body is Papa rows 1.., so body row n is Papa row n
          int column = td - 1;
          String text =
              row < data.size() && column < data.get(row).size() ? data.get(row).get(column) : null;
          out.add(new Highlight(name, e.getValue(), row, column, text));
        }
      }
    }
    return out;
  }

  /** {@code Papa.parse(s).data} with Papa's default configuration. */
  static List<List<String>> papaParse(String s) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          cell.append('"');
          i += 2;
          continue;
        }
        if (c == '"') quoted = false;
        else cell.append(c);
        i++;
        continue;
      }
      if (c == '"' && cell.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' || c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
      } else {
        cell.append(c);
      }
      i++;
    }
    // Papa keeps a last line without its line end; after a final line end it adds one empty row
    row.add(cell.toString());
    rows.add(row);
    return rows;
  }
}

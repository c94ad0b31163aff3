package org.outputintake.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bank holidays of one region, from {@code config/bank-holidays.yaml} (a mapping of region to
 * dates), or from the copy bundled in the jar when that file does not exist.
 */
public final class BankHolidays {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private BankHolidays() {}

  /**
   * @throws ConfigException naming the file or {@code sla.region} when the region or a date cannot
   *     be used
   */
  public static Set<LocalDate> load(Path file, String region) {
    JsonNode root;
    try (InputStream in =
        file != null && Files.isRegularFile(file)
            ? Files.newInputStream(file)
            : BankHolidays.class.getResourceAsStream("/defaults/bank-holidays.yaml")) {
      if (in == null)
        throw new ConfigException(
            "sla.bank-holidays: " + file + " does not exist and no copy is bundled");
      root = YAML.readTree(in);
    } catch (IOException e) {
      throw new ConfigException(
          "sla.bank-holidays: " + file + " is not valid YAML: " + e.getMessage(), e);
    }
    JsonNode dates = root == null ? null : root.get(region);
    if (dates == null || !dates.isArray()) {
      StringBuilder known = new StringBuilder();
      if (root != null)
        root.fieldNames()
            .forEachRemaining(n -> known.append(known.length() == 0 ? "" : ", ").append(n));
      throw new ConfigException(
          "sla.region is '"
              + region
              + "', which "
              + file
              + " does not list: write one of "
              + known);
    }
    Set<LocalDate> out = new TreeSet<>();
    for (JsonNode d : dates) {
      try {
        out.add(LocalDate.parse(d.asText().trim()));
      } catch (DateTimeParseException e) {
        throw new ConfigException(
            "sla.bank-holidays: '"
                + d.asText()
                + "' under "
                + region
                + " is not a date: write e.g. 2026-12-25");
      }
    }
    return Set.copyOf(out);
  }
}

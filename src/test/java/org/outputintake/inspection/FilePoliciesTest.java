package org.outputintake.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.FilePolicy;

class FilePoliciesTest {
  @TempDir Path dir;

  @Test
  void theShippedSrsPolicyForbidsTheGuidanceTypesAndAllowsEverythingElse() {
    FilePolicy srs = FilePolicies.load("ons-srs");
    assertEquals("ons-srs", srs.name());
    assertTrue(srs.allowedExtensions().isEmpty());
    for (String ext :
        new String[] {
          "shp", "shp.xml", "json", "md", "rmd", "html", "rproj", "rpres", "rdata", "rds"
        }) {
      assertTrue(srs.forbiddenExtensions().contains(ext), ext);
    }
    assertTrue(srs.modelExtensions().contains("pkl"));
    assertEquals(10, srs.threshold());
    assertEquals(new FilePolicy.ArchiveLimits(3, 1000, 200L * 1024 * 1024, 100), srs.archive());
  }

  @Test
  void theShippedOpenSafelyPolicyListsAllowedTypesAndLimits() {
    FilePolicy os = FilePolicies.load("opensafely");
    assertTrue(
        os.allowedExtensions()
            .containsAll(java.util.Set.of("csv", "png", "jpeg", "svg", "txt", "json")));
    assertEquals(16L * 1024 * 1024, os.maxFileBytes());
    assertEquals(5000, os.maxRows());
    assertEquals(8, os.threshold());
    assertEquals(5, os.roundingBase());
  }

  @Test
  void aBadSizeValueNamesTheKey() throws IOException {
    Path file =
        Files.writeString(dir.resolve("bad.yaml"), "name: bad\nmax-file-size: sixteen megs\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FilePolicies.load(file.toString()));
    assertTrue(e.getMessage().contains("max-file-size"), e.getMessage());
    Path archive =
        Files.writeString(dir.resolve("bad2.yaml"), "archive:\n  max-expanded-size: lots\n");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> FilePolicies.load(archive.toString()))
            .getMessage()
            .contains("archive.max-expanded-size"));
  }

  @Test
  void sizesAcceptUnitsAndPlainBytes() {
    assertEquals(16L * 1024 * 1024, FilePolicies.parseSize("16MB"));
    assertEquals(200L * 1024 * 1024, FilePolicies.parseSize("200 MB"));
    assertEquals(512L * 1024, FilePolicies.parseSize("512kb"));
    assertEquals(1048576L, FilePolicies.parseSize("1048576"));
  }

  @Test
  void anUnknownNameIsAClearError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FilePolicies.load("no-such-policy", dir));
    assertTrue(e.getMessage().contains("unknown policy 'no-such-policy'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FilePolicies.load("../etc/passwd", dir));
  }

  @Test
  void aLocalPolicyFileWinsOverTheBundledOne() throws IOException {
    Files.writeString(dir.resolve("ons-srs.yaml"), "name: ons-srs\nthreshold: 20\n");
    assertEquals(20, FilePolicies.load("ons-srs", dir).threshold());
  }
}

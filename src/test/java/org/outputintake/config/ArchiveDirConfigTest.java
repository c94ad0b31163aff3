package org.outputintake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code storage.archive-dir}: optional, created when missing, and refused at start-up when it
 * cannot be written.
 */
class ArchiveDirConfigTest {
  @TempDir Path dir;

  private IntakeConfig load(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("intake.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(env::get).load(file);
  }

  @Test
  void archiveDirIsUnsetByDefault() throws Exception {
    assertNull(load("{}\n", Map.of()).storage().archiveDir());
  }

  @Test
  void aMissingArchiveDirIsCreated_andMayComeFromTheEnvironment() throws Exception {
    Path archive = dir.resolve("srv").resolve("archive");
    assertEquals(
        archive,
        load("storage: { archive-dir: \"" + archive + "\" }\n", Map.of()).storage().archiveDir());
    assertTrue(Files.isDirectory(archive));

    Path fromEnv = dir.resolve("env-archive");
    assertEquals(
        fromEnv,
        load("{}\n", Map.of("INTAKE_STORAGE_ARCHIVE_DIR", fromEnv.toString()))
            .storage()
            .archiveDir());
  }

  @Test
  void anArchiveDirThatIsAFile_isRefusedNamingTheKey() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> load("storage: { archive-dir: \"" + file + "\" }\n", Map.of()));
    assertTrue(e.getMessage().startsWith("storage.archive-dir"), e.getMessage());
  }
}

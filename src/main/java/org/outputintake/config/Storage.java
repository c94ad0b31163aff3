package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.require;

import java.nio.file.Path;

/**
 * @param dataDir where raw messages and attachments are kept (content-addressed)
 * @param archiveDir where a closed ticket's permanent record is exported; null for no automatic
 *     export
 * @param sharedDir a folder every instance mounts, where the stored files are kept instead of under
 *     {@code dataDir} (which is then scratch space only); null to keep them under {@code dataDir},
 *     or in the database when that is PostgreSQL
 */
public record Storage(Path dataDir, Path archiveDir, Path sharedDir) {
  public Storage(Path dataDir) {
    this(dataDir, null, null);
  }

  public Storage(Path dataDir, Path archiveDir) {
    this(dataDir, archiveDir, null);
  }

  public Storage {
    require(dataDir != null, "storage.data-dir must name a directory, e.g. data");
  }
}

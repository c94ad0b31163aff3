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
  /** Everything under {@code dataDir} on this host; no automatic export. */
  public static Storage at(Path dataDir) {
    return new Storage(dataDir, null, null);
  }

  /** The same storage exporting closed tickets to {@code dir} (null: only on demand). */
  public Storage withArchiveDir(Path dir) {
    return new Storage(dataDir, dir, sharedDir);
  }

  public Storage {
    require(dataDir != null, "storage.data-dir must name a directory, e.g. data");
  }
}

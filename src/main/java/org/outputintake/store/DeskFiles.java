package org.outputintake.store;

import java.nio.file.Path;
import java.util.Objects;
import org.outputintake.config.Storage;

/**
 * Where the desk's stored files (raw emails, attachments) live, so every instance of the bot reads
 * the same bytes: in {@code storage.shared-dir} when one is named; else in the database when it is
 * PostgreSQL (instances share nothing else); else under {@code storage.data-dir}, the one host's
 * own disk. With a shared copy, the data directory keeps this host's copies as a cache.
 *
 * @param files attachments, by SHA-256
 * @param messages raw emails, by SHA-256 with {@code .eml}
 */
public record DeskFiles(Where where, RawStore files, RawStore messages) {
  /** The home of the stored files. */
  public enum Where {
    DATA_DIR,
    SHARED_DIR,
    DATABASE
  }

  public DeskFiles {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(messages, "messages");
  }

  public static DeskFiles of(Storage storage, Database db) {
    Path data = storage.dataDir();
    if (storage.sharedDir() != null) {
      Path shared = storage.sharedDir();
      return new DeskFiles(
          Where.SHARED_DIR,
          new RawStore(shared.resolve("files")),
          new RawStore(shared.resolve("messages")));
    }
    if (db.vendor() == Vendor.POSTGRESQL) {
      DatabaseFiles inDb = new DatabaseFiles(db);
      return new DeskFiles(
          Where.DATABASE,
          new RawStore(data.resolve("files"), inDb),
          new RawStore(data.resolve("messages"), inDb));
    }
    return new DeskFiles(
        Where.DATA_DIR,
        new RawStore(data.resolve("files")),
        new RawStore(data.resolve("messages")));
  }
}

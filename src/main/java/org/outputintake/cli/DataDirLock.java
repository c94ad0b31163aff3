package org.outputintake.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.outputintake.config.ConfigException;

/**
 * One bot per data directory on SQLite: the file is one process's, and its mailbox leases are taken
 * at once on the strength of this lock. The second is refused at start-up instead. (On PostgreSQL
 * the mailbox leases let several instances share the database; no lock is taken.) The operating
 * system drops the lock when the process ends, however it ends, so a crash leaves nothing to clean
 * up.
 */
final class DataDirLock implements AutoCloseable {
  static final String FILE = "intake.lock";
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @throws ConfigException when another process (or this one) holds the directory
   */
  static DataDirLock acquire(Path dataDir, String startedAt) {
    Path file = dataDir.resolve(FILE);
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        channel.close();
        throw new ConfigException(
            "another Output Intake is already running on storage.data-dir "
                + dataDir.toAbsolutePath()
                + (holder.isEmpty() ? "" : " (" + holder + ")")
                + ": stop it first. A SQLite database serves one bot; to run several instances,"
                + " put the database on PostgreSQL (README: Several instances).");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              ("pid " + ProcessHandle.current().pid() + ", started " + startedAt + "\n")
                  .getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
      return new DataDirLock(file, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new ConfigException(
          "storage.data-dir "
              + dataDir
              + " cannot hold the lock file "
              + FILE
              + " ("
              + ConfigException.reason(e)
              + "): set it to a directory the bot's user can write",
          e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) return;
    try {
      channel.close();
    } catch (IOException ignored) {
      // the refusal matters more than a failed close
    }
  }

  /**
   * Removes the lock file, then releases the lock: removed while still held, so no other process
   * can have locked the file being removed. A process that dies leaves the file, whose lock the
   * operating system has dropped; the next start takes it over.
   */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a file left behind holds no lock: the next start takes it over
    }
    try {
      lock.release();
    } catch (IOException ignored) {
      // released by the operating system when the process ends anyway
    }
    closeQuietly(channel);
  }
}

package org.outputintake.inspection.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the entry count a zip declares in its end-of-central-directory record, so that an archive
 * claiming millions of entries is refused before a zip library parses (and holds in memory) its
 * whole directory.
 */
public final class ZipDirectory {
  private static final int EOCD_SIZE = 22;
  private static final int MAX_COMMENT = 0xFFFF;

  private ZipDirectory() {}

  /**
   * The declared number of entries; {@link Long#MAX_VALUE} for the zip64 marker; -1 when there is
   * no record.
   */
  public static long declaredEntries(Path zip) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(zip)) {
      long size = ch.size();
      int tail = (int) Math.min(size, EOCD_SIZE + MAX_COMMENT);
      ByteBuffer b = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
      ch.position(size - tail);
      while (b.hasRemaining() && ch.read(b) > 0) {
        // read the tail of the file
      }
      for (int i = tail - EOCD_SIZE; i >= 0; i--) {
        if (b.getInt(i) == 0x06054b50) {
          int total = b.getShort(i + 10) & 0xffff;
          return total == 0xffff ? Long.MAX_VALUE : total;
        }
      }
      return -1;
    }
  }
}

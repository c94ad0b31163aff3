package org.outputintake.inspection.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads just enough of a 7z file to tell whether it is encrypted, without decoding it: Commons
 * Compress needs the optional xz library to decode any 7z, and an encrypted archive must be
 * reported as such either way. The AES coder id (06 F1 07 01) appears in the archive's header
 * whether the file list itself is encrypted ("encrypted headers") or only the data.
 */
final class SevenZipProbe {
  private static final byte[] AES_CODER = {0x06, (byte) 0xF1, 0x07, 0x01};
  private static final int MAX_HEADER = 1 << 20;
  private static final boolean DECODER_PRESENT = isPresent("org.tukaani.xz.FilterOptions");

  private SevenZipProbe() {}

  /**
   * Whether this runtime can decode 7z archives (Commons Compress loads xz classes for every 7z).
   */
  static boolean canDecode() {
    return DECODER_PRESENT;
  }

  static boolean isEncrypted(Path path) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(path)) {
      ByteBuffer start = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
      while (start.hasRemaining() && ch.read(start) > 0) {
        // fill the signature header
      }
      if (start.hasRemaining()) return false;
      long offset = start.getLong(12);
      long size = start.getLong(20);
      if (offset < 0 || size <= 0 || size > MAX_HEADER || 32 + offset + size > ch.size())
        return false;
      ByteBuffer header = ByteBuffer.allocate((int) size);
      ch.position(32 + offset);
      while (header.hasRemaining() && ch.read(header) > 0) {
        // fill the header
      }
      return contains(header.array(), AES_CODER);
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return true;
    }
    return false;
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, SevenZipProbe.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}

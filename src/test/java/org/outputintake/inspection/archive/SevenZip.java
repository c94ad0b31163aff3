package org.outputintake.inspection.archive;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Writes a minimal 7z archive with one stored (Copy) entry. Commons Compress writes 7z only with
 * the optional xz library, which this project does not ship, so tests build the format by hand
 * (7zFormat.txt).
 */
final class SevenZip {
  private SevenZip() {}

  static byte[] stored(String name, byte[] content) {
    return build(name, content, new byte[] {0x01, 0x00});
  }

  /**
   * The same layout with the AES coder in place of Copy, as 7-Zip writes for a password-protected
   * archive.
   */
  static byte[] aes(String name, byte[] content) {
    return build(name, content, new byte[] {0x04, 0x06, (byte) 0xF1, 0x07, 0x01});
  }

  private static byte[] build(String name, byte[] content, byte[] coder) {
    if (content.length >= 0x80)
      throw new IllegalArgumentException("keep test content under 128 bytes");
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    h.write(0x01); // Header
    h.write(0x04); // MainStreamsInfo
    h.writeBytes(new byte[] {0x06, 0x00, 0x01, 0x09, (byte) content.length, 0x00}); // PackInfo
    h.writeBytes(new byte[] {0x07, 0x0B, 0x01, 0x00, 0x01});
    h.writeBytes(coder);
    h.writeBytes(new byte[] {0x0C, (byte) content.length, 0x00});
    h.writeBytes(new byte[] {0x08, 0x00}); // SubStreamsInfo: one stream, no digests
    h.write(0x00); // end of MainStreamsInfo
    byte[] utf16 = (name + "\0").getBytes(StandardCharsets.UTF_16LE);
    h.writeBytes(new byte[] {0x05, 0x01, 0x11, (byte) (utf16.length + 1), 0x00});
    h.writeBytes(utf16);
    h.writeBytes(new byte[] {0x00, 0x00}); // end of FilesInfo, end of Header
    byte[] header = h.toByteArray();

    ByteBuffer start = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
    start.putLong(content.length).putLong(header.length).putInt((int) crc(header));
    ByteBuffer out =
        ByteBuffer.allocate(32 + content.length + header.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0x00, 0x04});
    out.putInt((int) crc(start.array()));
    out.put(start.array()).put(content).put(header);
    return out.array();
  }

  private static long crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }
}

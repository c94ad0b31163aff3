package org.outputintake.scan.hidden;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.outputintake.scan.Finding;

/**
 * The GPS position in an image's EXIF data (JPEG APP1, PNG eXIf, TIFF), parsed directly: only the
 * IFD structure is walked, no pixel data is read, and every offset is bounds-checked so a crafted
 * file cannot loop or overrun.
 */
final class ImageMetadata {
  private static final int GPS_IFD = 0x8825;
  private static final int MAX_ENTRIES = 1000;
  private static final long MAX_MAPPED = 512L * 1024 * 1024;

  enum Format {
    JPEG,
    PNG,
    TIFF
  }

  private ImageMetadata() {}

  static List<Finding> scan(Path path, Format format) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      if (ch.size() > MAX_MAPPED || ch.size() < 8) return List.of();
      ByteBuffer file = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
      ByteBuffer tiff =
          switch (format) {
            case JPEG -> jpegExif(file);
            case PNG -> pngExif(file);
            case TIFF -> file;
          };
      if (tiff == null || !hasGps(tiff)) return List.of();
      return List.of(
          Finding.warning(
                  HiddenCodes.EMBEDDED_METADATA,
                  "EXIF data",
                  "The image records a GPS position (where it was taken or made). A location can identify a person or "
                      + "a place. Remove the metadata (export the figure again, or strip EXIF data) before release.")
              .withEvidence("GPS latitude/longitude present"));
    }
  }

  private static ByteBuffer jpegExif(ByteBuffer b) {
    if ((b.get(0) & 0xff) != 0xFF || (b.get(1) & 0xff) != 0xD8) return null;
    int pos = 2;
    while (pos + 4 <= b.limit()) {
      if ((b.get(pos) & 0xff) != 0xFF) return null;
      int marker = b.get(pos + 1) & 0xff;
      if (marker == 0xDA || marker == 0xD9)
        return null; // image data starts: no more metadata segments
      int len = ((b.get(pos + 2) & 0xff) << 8) | (b.get(pos + 3) & 0xff);
      if (len < 2 || pos + 2 + len > b.limit()) return null;
      if (marker == 0xE1
          && len > 8
          && b.get(pos + 4) == 'E'
          && b.get(pos + 5) == 'x'
          && b.get(pos + 6) == 'i'
          && b.get(pos + 7) == 'f') {
        return b.slice(pos + 10, len - 8);
      }
      pos += 2 + len;
    }
    return null;
  }

  private static ByteBuffer pngExif(ByteBuffer b) {
    int pos = 8;
    while (pos + 12 <= b.limit()) {
      long len = b.order(ByteOrder.BIG_ENDIAN).getInt(pos) & 0xffffffffL;
      if (pos + 12 + len > b.limit()) return null;
      if (b.get(pos + 4) == 'e'
          && b.get(pos + 5) == 'X'
          && b.get(pos + 6) == 'I'
          && b.get(pos + 7) == 'f') {
        return b.slice(pos + 8, (int) len);
      }
      if (b.get(pos + 4) == 'I'
          && b.get(pos + 5) == 'E'
          && b.get(pos + 6) == 'N'
          && b.get(pos + 7) == 'D') {
        return null;
      }
      pos += 12 + (int) len;
    }
    return null;
  }

  /** Whether IFD0 points to a GPS IFD that holds a latitude or longitude tag. */
  static boolean hasGps(ByteBuffer tiff) {
    if (tiff.limit() < 8) return false;
    ByteBuffer b = tiff.duplicate();
    if (b.get(0) == 'I' && b.get(1) == 'I') b.order(ByteOrder.LITTLE_ENDIAN);
    else if (b.get(0) == 'M' && b.get(1) == 'M') b.order(ByteOrder.BIG_ENDIAN);
    else return false;
    long ifd0 = b.getInt(4) & 0xffffffffL;
    long gps = tagValue(b, ifd0, GPS_IFD);
    if (gps <= 0) return false;
    // GPSLatitudeRef, GPSLatitude, GPSLongitudeRef, GPSLongitude
    for (int tag = 1; tag <= 4; tag++) {
      if (tagValue(b, gps, tag) >= 0) return true;
    }
    return false;
  }

  /** The value (or value offset) of a tag in the IFD at {@code offset}, or -1. */
  private static long tagValue(ByteBuffer b, long offset, int wanted) {
    if (offset < 8 || offset + 2 > b.limit()) return -1;
    int count = b.getShort((int) offset) & 0xffff;
    for (int i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
      int entry = (int) offset + 2 + 12 * i;
      if (entry + 12 > b.limit()) return -1;
      if ((b.getShort(entry) & 0xffff) == wanted) return b.getInt(entry + 8) & 0xffffffffL;
    }
    return -1;
  }
}

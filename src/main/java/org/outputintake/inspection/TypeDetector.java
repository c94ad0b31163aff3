package org.outputintake.inspection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Media types from bytes. Tika's default detector is built from the service loader, so the
 * Microsoft module's container detectors give exact OOXML types (docx, xlsm, encrypted packages)
 * instead of a generic {@code application/x-tika-ooxml}. The name is never passed in: a renamed
 * file must not fool detection.
 */
final class TypeDetector {
  private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();
  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
  private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();
  private static final Set<String> TEXTUAL =
      Set.of(
          "application/xml",
          "application/json",
          "application/javascript",
          "application/x-sh",
          "application/xhtml+xml",
          "image/svg+xml",
          "message/rfc822",
          "application/mbox",
          "application/x-ipynb+json");

  private TypeDetector() {}

  static String detect(Path path) throws IOException {
    try (TikaInputStream in = TikaInputStream.get(path)) {
      return DETECTOR.detect(in, new Metadata()).getBaseType().toString();
    }
  }

  /** Text a reviewer can read in an editor: text/*, XML, JSON, scripts. */
  static boolean isTextual(String type) {
    if (type == null) return false;
    if (type.startsWith("text/") || TEXTUAL.contains(type)) return true;
    MediaType media = MediaType.parse(type);
    return media != null
        && (REGISTRY.isSpecializationOf(media, MediaType.TEXT_PLAIN)
            || REGISTRY.isSpecializationOf(media, MediaType.APPLICATION_XML));
  }

  /** The extensions (lower-case, no dot) Tika associates with a type; empty when unknown. */
  static Set<String> extensionsOf(String type) {
    try {
      MimeType mime = TYPES.forName(type);
      return mime.getExtensions().stream()
          .map(e -> e.toLowerCase(java.util.Locale.ROOT).replaceFirst("^\\.", ""))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
    } catch (MimeTypeException e) {
      return Set.of();
    }
  }
}

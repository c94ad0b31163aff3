package org.outputintake.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the bot writes it everywhere (store keys, file reports, releases, manifests): lower-
 * case hex. The one place a digest is made, so every hash the bot compares is computed alike.
 */
public final class Sha256 {
  private Sha256() {}

  /** A fresh digest, for a stream that is hashed as it is copied. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** The digest's value as hex; the digest is reset. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** The file's hash, read in blocks, opened with {@code options}. */
  public static String of(Path file, java.nio.file.OpenOption... options) throws IOException {
    MessageDigest digest = digest();
    try (InputStream in = Files.newInputStream(file, options)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) digest.update(buffer, 0, n);
    }
    return hex(digest);
  }
}

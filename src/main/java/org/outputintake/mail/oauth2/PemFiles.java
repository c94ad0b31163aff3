package org.outputintake.mail.oauth2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** The certificate and its private key an app registration may use instead of a secret. */
final class PemFiles {
  private PemFiles() {}

  static X509Certificate certificate(String key, Path file) throws TokenUnavailable {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | GeneralSecurityException | ClassCastException e) {
      throw unusable(key, file, "not a readable PEM certificate", e);
    }
  }

  /** An unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}), RSA as Entra ID expects. */
  static PrivateKey privateKey(String key, Path file) throws TokenUnavailable {
    try {
      String pem = Files.readString(file);
      if (!pem.contains("-----BEGIN PRIVATE KEY-----"))
        throw unusable(
            key,
            file,
            "not an unencrypted PKCS#8 PEM key (convert it with: openssl pkcs8 -topk8 -nocrypt)",
            null);
      String body =
          pem.replaceAll("(?s).*-----BEGIN PRIVATE KEY-----", "")
              .replaceAll("(?s)-----END PRIVATE KEY-----.*", "")
              .replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw unusable(key, file, "not a readable RSA private key", e);
    }
  }

  private static TokenUnavailable unusable(String key, Path file, String why, Throwable e) {
    return new TokenUnavailable(
        TokenUnavailable.Cause.REFUSED, key + " names " + file + ", which is " + why, e);
  }
}

package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.require;

/**
 * @param url SQLite (embedded, the default) or PostgreSQL
 * @param username PostgreSQL's login; SQLite has none
 * @param password PostgreSQL's password, from {@code database.password}, {@code
 *     database.password-file} or {@code INTAKE_DATABASE_PASSWORD}; never shown
 */
public record DatabaseSettings(String url, String username, String password) {
  public DatabaseSettings {
    require(
        url != null && (url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:")),
        "database.url must be a SQLite or PostgreSQL JDBC URL such as jdbc:sqlite:data/intake.db"
            + " or jdbc:postgresql://db.example.org:5432/intake");
    username = username == null || username.isBlank() ? null : username;
    password = password == null || password.isEmpty() ? null : password;
  }

  /** A database that needs no login: SQLite, or PostgreSQL trusting this host. */
  public static DatabaseSettings withoutLogin(String url) {
    return new DatabaseSettings(url, null, null);
  }

  /** Without the password: a configuration is printed and logged. */
  @Override
  public String toString() {
    return "DatabaseSettings[url="
        + url
        + ", username="
        + username
        + ", password="
        + (password == null ? "unset" : "(set)")
        + "]";
  }
}

package org.outputintake.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The database products the bot runs on. Each has its own migration folder for the schema written
 * before both were supported (V1..V13: their SQLite checksums must not change under installations
 * already upgraded); everything later is portable SQL in one folder both run.
 */
public enum Vendor {
  SQLITE("jdbc:sqlite:"),
  POSTGRESQL("jdbc:postgresql:");

  private final String urlPrefix;

  Vendor(String urlPrefix) {
    this.urlPrefix = urlPrefix;
  }

  public static Vendor of(String url) {
    for (Vendor v : values()) if (url != null && url.startsWith(v.urlPrefix)) return v;
    throw new IllegalArgumentException(
        "database.url must start with jdbc:sqlite: or jdbc:postgresql:, not " + url);
  }

  /** The vendor of an open connection. */
  public static Vendor of(Connection c) throws SQLException {
    return of(c.getMetaData().getURL());
  }

  /**
   * What a {@code SELECT} ends with to lock the rows it reads until the transaction ends. SQLite
   * needs nothing: its transactions take the whole database's write lock at BEGIN (IMMEDIATE). On
   * PostgreSQL the NO KEY form: two such locks wait for each other, but a row inserted elsewhere
   * that refers to the locked one (its foreign-key check takes KEY SHARE) does not wait for it, nor
   * it for that row.
   */
  public String forUpdate() {
    return this == POSTGRESQL ? " FOR NO KEY UPDATE" : "";
  }

  /** Flyway locations: this vendor's history up to V13, the portable migrations, the Java ones. */
  String[] migrations() {
    return new String[] {
      "classpath:db/vendor/" + name().toLowerCase(Locale.ROOT),
      "classpath:db/migration",
      "classpath:org/outputintake/store/migration"
    };
  }
}

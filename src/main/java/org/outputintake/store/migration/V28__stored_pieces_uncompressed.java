package org.outputintake.store.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.outputintake.store.Vendor;

/**
 * Stores the pieces of files kept in PostgreSQL without compression. Most outputs arrive already
 * compressed (Word, Excel, PDF, PNG), so PostgreSQL's own compression of each 1 MiB piece (pglz, on
 * one core) spent about a third of the database's CPU in the intake benchmark for little space, on
 * the cores the scans need; files on a local disk are not compressed either. Only rows written
 * after this change are affected. Nothing to do on SQLite, which stores values as given.
 */
public class V28__stored_pieces_uncompressed extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    if (Vendor.of(context.getConnection()) != Vendor.POSTGRESQL) return;
    try (Statement s = context.getConnection().createStatement()) {
      s.execute("ALTER TABLE stored_file_piece ALTER COLUMN bytes SET STORAGE EXTERNAL");
    }
  }
}

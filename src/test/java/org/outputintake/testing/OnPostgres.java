package org.outputintake.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.outputintake.store.Vendor;

/**
 * Runs a test class's bots on PostgreSQL instead of SQLite: {@code @OnPostgres class
 * OutboxCrashOnPostgresTest extends OutboxCrashTest {}} runs every test of the class again, each
 * bot on a fresh database of the embedded server ({@link TestDatabases}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@ExtendWith(OnPostgres.Extension.class)
public @interface OnPostgres {
  final class Extension implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
      TestDatabases.use(Vendor.POSTGRESQL);
    }

    @Override
    public void afterEach(ExtensionContext context) {
      TestDatabases.use(Vendor.SQLITE);
    }
  }
}

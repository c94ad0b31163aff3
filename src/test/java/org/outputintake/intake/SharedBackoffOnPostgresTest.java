package org.outputintake.intake;

import org.outputintake.testing.OnPostgres;

/** {@link SharedBackoffTest} again, on PostgreSQL. */
@OnPostgres
class SharedBackoffOnPostgresTest extends SharedBackoffTest {}

package org.outputintake.intake;

import org.outputintake.testing.OnPostgres;

/** {@link SharedStuckMovesTest} again, on PostgreSQL. */
@OnPostgres
class SharedStuckMovesOnPostgresTest extends SharedStuckMovesTest {}

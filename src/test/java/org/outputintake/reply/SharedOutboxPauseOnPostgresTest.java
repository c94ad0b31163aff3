package org.outputintake.reply;

import org.outputintake.testing.OnPostgres;

/** {@link SharedOutboxPauseTest} again, on PostgreSQL. */
@OnPostgres
class SharedOutboxPauseOnPostgresTest extends SharedOutboxPauseTest {}

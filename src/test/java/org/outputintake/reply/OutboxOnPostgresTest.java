package org.outputintake.reply;

import org.outputintake.testing.OnPostgres;

/** {@link OutboxTest} again, on PostgreSQL. */
@OnPostgres
class OutboxOnPostgresTest extends OutboxTest {}

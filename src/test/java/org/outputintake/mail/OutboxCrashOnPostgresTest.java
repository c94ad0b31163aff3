package org.outputintake.mail;

import org.outputintake.testing.OnPostgres;

/** {@link OutboxCrashTest} again, on PostgreSQL. */
@OnPostgres
class OutboxCrashOnPostgresTest extends OutboxCrashTest {}

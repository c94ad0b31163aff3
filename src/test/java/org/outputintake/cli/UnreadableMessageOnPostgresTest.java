package org.outputintake.cli;

import org.outputintake.testing.OnPostgres;

/** {@link UnreadableMessageTest} again, on PostgreSQL: the count and the record are shared. */
@OnPostgres
class UnreadableMessageOnPostgresTest extends UnreadableMessageTest {}

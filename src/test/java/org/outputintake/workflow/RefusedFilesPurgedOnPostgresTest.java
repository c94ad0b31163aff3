package org.outputintake.workflow;

import org.outputintake.testing.OnPostgres;

/** {@link RefusedFilesPurgedByEmailTest} again, on PostgreSQL: the bytes leave stored_file too. */
@OnPostgres
class RefusedFilesPurgedOnPostgresTest extends RefusedFilesPurgedByEmailTest {}

package org.outputintake.workflow;

import org.outputintake.testing.OnPostgres;

/** {@link DeskByEmailTest} again, on PostgreSQL. */
@OnPostgres
class DeskByEmailOnPostgresTest extends DeskByEmailTest {}

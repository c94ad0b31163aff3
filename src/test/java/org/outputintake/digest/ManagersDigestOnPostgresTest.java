package org.outputintake.digest;

import org.outputintake.testing.OnPostgres;

/** {@link ManagersDigestTest} again, on PostgreSQL. */
@OnPostgres
class ManagersDigestOnPostgresTest extends ManagersDigestTest {}

package org.outputintake.intake;

import org.outputintake.testing.OnPostgres;

/** {@link IntakePipelineTest} again, on PostgreSQL. */
@OnPostgres
class IntakePipelineOnPostgresTest extends IntakePipelineTest {}

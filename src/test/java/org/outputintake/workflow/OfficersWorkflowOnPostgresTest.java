package org.outputintake.workflow;

import org.outputintake.testing.OnPostgres;

/** {@link OfficersWorkflowTest} again, on PostgreSQL. */
@OnPostgres
class OfficersWorkflowOnPostgresTest extends OfficersWorkflowTest {}

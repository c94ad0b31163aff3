package org.outputintake.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.config.Staff;

/** A fresh {@link WorkflowFixture} for each test: its own SQLite file in a temp directory. */
abstract class OnTheDesk {
  @TempDir Path dir;
  WorkflowFixture desk;

  @BeforeEach
  void openDesk() throws Exception {
    desk = WorkflowFixture.open(dir);
  }

  @AfterEach
  void closeDesk() {
    desk.close();
  }

  static final String DAVE = "dave.officer@example.org";

  /** A fresh desk whose officers are {@code officers}, the list and the manager as before. */
  void withOfficers(String... officers) throws Exception {
    withStaff(
        Staff.of(
            WorkflowFixture.OFFICERS_LIST, List.of(officers), List.of(WorkflowFixture.MANAGER)));
  }

  /** A fresh desk whose staff is {@code staff}. */
  void withStaff(Staff staff) throws Exception {
    desk.close();
    desk =
        WorkflowFixture.open(
            Files.createTempDirectory(dir, "desk"), c -> c.toBuilder().staff(staff).build());
  }

  /** Alice and Bob take the ticket and both pass it. */
  void twoPasses(String id) {
    desk.say(WorkflowFixture.ALICE, id, "#take");
    desk.say(WorkflowFixture.BOB, id, "#take");
    desk.say(WorkflowFixture.ALICE, id, "#pass fine");
    desk.say(WorkflowFixture.BOB, id, "#pass fine");
  }
}

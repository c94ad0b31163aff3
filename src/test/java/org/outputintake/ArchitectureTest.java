package org.outputintake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout of the code as rules the build checks. Features in dependency order, top to bottom:
 *
 * <pre>
 * cli → app → validation → intake → digest → workflow · archive → sla → mail → reply → form · policy · ticket
 *     → scan → config · project · store (the ground floor)
 * </pre>
 *
 * A feature may use those below it, never those above; there are no cycles between features.
 */
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.outputintake");
  }

  @Test
  void featuresUseOnlyTheFeaturesBelowThem() {
    ArchRule rule =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("cli")
            .definedBy("org.outputintake.cli..")
            .layer("app")
            .definedBy("org.outputintake.app..")
            .layer("validation")
            .definedBy("org.outputintake.validation..")
            .layer("intake")
            .definedBy("org.outputintake.intake..")
            .layer("workflow")
            .definedBy("org.outputintake.workflow..")
            .layer("digest")
            .definedBy("org.outputintake.digest..")
            .layer("archive")
            .definedBy("org.outputintake.archive..")
            .layer("sla")
            .definedBy("org.outputintake.sla..")
            .layer("mail")
            .definedBy("org.outputintake.mail..")
            .layer("reply")
            .definedBy("org.outputintake.reply..")
            .layer("form")
            .definedBy("org.outputintake.form..")
            .layer("policy")
            .definedBy("org.outputintake.policy..")
            .layer("ticket")
            .definedBy("org.outputintake.ticket..")
            .layer("scan")
            .definedBy("org.outputintake.scan..")
            .layer("ground")
            .definedBy(
                "org.outputintake.config..",
                "org.outputintake.project..",
                "org.outputintake.store..")
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("app")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("validation")
            .mayOnlyBeAccessedByLayers("app", "cli")
            .whereLayer("intake")
            .mayOnlyBeAccessedByLayers("validation", "app", "cli")
            .whereLayer("workflow")
            .mayOnlyBeAccessedByLayers("digest", "intake", "validation", "app", "cli")
            .whereLayer("digest")
            .mayOnlyBeAccessedByLayers("intake", "app", "cli")
            .whereLayer("archive")
            .mayOnlyBeAccessedByLayers("intake", "app", "cli")
            .whereLayer("sla")
            .mayOnlyBeAccessedByLayers(
                "workflow", "digest", "archive", "intake", "validation", "app", "cli")
            .whereLayer("mail")
            .mayOnlyBeAccessedByLayers(
                "workflow", "digest", "archive", "intake", "validation", "app", "cli")
            .whereLayer("reply")
            .mayOnlyBeAccessedByLayers(
                "mail",
                "sla",
                "workflow",
                "digest",
                "archive",
                "intake",
                "validation",
                "app",
                "cli")
            .whereLayer("form")
            .mayOnlyBeAccessedByLayers(
                "reply",
                "mail",
                "sla",
                "workflow",
                "digest",
                "archive",
                "intake",
                "validation",
                "app",
                "cli")
            .whereLayer("policy")
            .mayOnlyBeAccessedByLayers(
                "reply",
                "mail",
                "sla",
                "workflow",
                "digest",
                "archive",
                "intake",
                "validation",
                "app",
                "cli")
            .whereLayer("ticket")
            .mayOnlyBeAccessedByLayers(
                "reply",
                "mail",
                "sla",
                "workflow",
                "digest",
                "archive",
                "intake",
                "validation",
                "app",
                "cli")
            .whereLayer("scan")
            .mayOnlyBeAccessedByLayers(
                "form",
                "policy",
                "ticket",
                "reply",
                "mail",
                "sla",
                "workflow",
                "digest",
                "archive",
                "intake",
                "validation",
                "app",
                "cli")
            .whereLayer("ground")
            .mayOnlyBeAccessedByLayers(
                "scan",
                "form",
                "policy",
                "ticket",
                "reply",
                "mail",
                "sla",
                "workflow",
                "digest",
                "archive",
                "intake",
                "validation",
                "app",
                "cli");
    rule.check(main);
  }

  @Test
  void noCyclesBetweenFeatures() {
    slices().matching("org.outputintake.(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void theGroundFloorDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.outputintake.config..", "org.outputintake.project..", "org.outputintake.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.outputintake.cli..",
            "org.outputintake.app..",
            "org.outputintake.intake..",
            "org.outputintake.workflow..",
            "org.outputintake.digest..",
            "org.outputintake.archive..",
            "org.outputintake.mail..",
            "org.outputintake.reply..",
            "org.outputintake.form..",
            "org.outputintake.policy..",
            "org.outputintake.ticket..",
            "org.outputintake.scan..",
            "org.outputintake.validation..",
            "org.outputintake.sla..")
        .check(main);
  }

  /**
   * The demo's sample senders play the researchers' and officers' own mail clients, so they send
   * real mail.
   */
  @Test
  void onlyTheMailAdapterTouchesTheMailLibraries() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.outputintake.mail..")
        .and()
        .haveNameNotMatching(
            "org\\.outputintake\\.(app\\.SampleRequests|app\\.DemoOfficers|cli\\.DemoCommand)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..", "org.apache.james..")
        .check(main);
  }

  /** A handler passes a transaction along; only the class that owns a table writes its SQL. */
  @Test
  void sqlStaysInTheClassesThatOwnTables() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.outputintake.store..")
        .and()
        .haveNameNotMatching(
            ".*\\.(Outbox|AuditLog|MailLog|MailboxState|TicketRepository|TicketFiles|"
                + "WorkflowStore|TicketRecord|DigestQuery|ServiceLevel|ServiceLevelReminders|ScheduleRuns)(\\$.*)?")
        .should()
        .callMethod(Connection.class, "prepareStatement", String.class)
        .orShould()
        .callMethod(Connection.class, "createStatement")
        .check(main);
  }

  /** Time comes from an injected Clock, so tests, digests and the service level can set it. */
  @Test
  void theCoreNeverReadsTheSystemClock() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.outputintake.cli..", "org.outputintake.app..")
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callConstructor(java.util.Date.class)
        .check(main);
  }

  @Test
  void onlyTheCommandLineEndsTheProcess() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.outputintake.cli..")
        .should()
        .callMethod(System.class, "exit", int.class)
        .check(main);
  }
}

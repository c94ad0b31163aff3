package org.outputintake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout of the code as rules the build checks. Features in dependency order, top to bottom:
 *
 * <pre>
 * cli → demo → app → review → intake → digest → workflow · archive → sla → mail → reply
 *     → form · inspection · sharefolder · ticket → backoff → scan → config · project · store · text (the ground floor)
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

  /** Top to bottom; a layer may be used by every layer in a tier above its own, by no other. */
  private static final List<List<String>> TIERS =
      List.of(
          List.of("cli"),
          List.of("demo"),
          List.of("app"),
          List.of("review"),
          List.of("intake"),
          List.of("digest"),
          List.of("workflow", "archive"),
          List.of("sla"),
          List.of("mail"),
          List.of("reply"),
          List.of("form", "inspection", "sharefolder", "ticket"),
          List.of("backoff"),
          List.of("scan"),
          List.of("ground"));

  /** Also keeps the ground floor (config, project, store) from depending on any feature. */
  @Test
  void featuresUseOnlyTheFeaturesBelowThem() {
    Architectures.LayeredArchitecture rule =
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
    for (List<String> tier : TIERS) {
      for (String layer : tier) rule = rule.layer(layer).definedBy(packages(layer));
    }
    List<String> above = new ArrayList<>();
    for (List<String> tier : TIERS) {
      for (String layer : tier) {
        rule =
            above.isEmpty()
                ? rule.whereLayer(layer).mayNotBeAccessedByAnyLayer()
                : rule.whereLayer(layer).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
      }
      above.addAll(tier);
    }
    rule.check(main);
  }

  private static String[] packages(String layer) {
    return layer.equals("ground")
        ? new String[] {
          "org.outputintake.config..",
          "org.outputintake.project..",
          "org.outputintake.store..",
          "org.outputintake.text.."
        }
        : new String[] {"org.outputintake." + layer + ".."};
  }

  @Test
  void noCyclesBetweenFeatures() {
    slices().matching("org.outputintake.(*)..").should().beFreeOfCycles().check(main);
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
            "org\\.outputintake\\.(demo\\.SampleRequests|demo\\.DemoOfficers|cli\\.DemoCommand|cli\\.DemoAuthResults)(\\$.*)?")
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
            "org\\.outputintake\\.("
                + "reply\\.Outbox|reply\\.SentReplies|"
                + "ticket\\.AuditLog|"
                + "intake\\.MailLog|"
                + "intake\\.MailboxState|"
                + "intake\\.StuckMoves|"
                + "intake\\.BrokenFetches|"
                + "ticket\\.TicketRepository|"
                + "ticket\\.TicketFiles|"
                + "ticket\\.PurgedFiles|"
                + "workflow\\.WorkflowStore|"
                + "workflow\\.DecidingChecker|"
                + "workflow\\.OwnerDecision|"
                + "workflow\\.ProvenDecisions|"
                + "workflow\\.DeskQuery|"
                + "archive\\.TicketRecord|"
                + "digest\\.DigestQuery|"
                + "digest\\.ServiceLevelReminders|"
                + "digest\\.ScheduleRuns|"
                + "digest\\.Chasing|"
                + "digest\\.ChaseDigest|"
                + "workflow\\.Confirmations|"
                + "backoff\\.SharedWaits"
                + ")(\\$.*)?")
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
        .resideOutsideOfPackages(
            "org.outputintake.cli..", "org.outputintake.demo..", "org.outputintake.app..")
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
        .orShould()
        .callMethod(java.time.Clock.class, "systemUTC")
        .orShould()
        .callMethod(java.time.Clock.class, "systemDefaultZone")
        .orShould()
        .callMethod(java.time.Clock.class, "system", java.time.ZoneId.class)
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

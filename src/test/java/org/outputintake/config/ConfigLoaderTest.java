package org.outputintake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  private static final Path SHIPPED = Path.of("config", "intake.yaml");

  @TempDir Path dir;

  private static ConfigLoader loader(Map<String, String> env) {
    return new ConfigLoader(env::get);
  }

  @Test
  void shippedConfigLoadsWithPasswordFromTheEnvironment() {
    IntakeConfig c = loader(Map.of("INTAKE_IMAP_PASSWORD", "s3cret")).load(SHIPPED);

    assertEquals("statistical.support@example.org", c.mailbox().address());
    assertEquals("localhost", c.mailbox().imap().host());
    assertEquals(3143, c.mailbox().imap().port());
    assertEquals("s3cret", c.mailbox().imap().password());
    assertEquals("support", c.mailbox().imap().username());
    assertEquals("password", c.mailbox().imap().auth());
    assertEquals(3025, c.mailbox().smtp().port());
    assertEquals("INBOX", c.mailbox().folders().inbox());
    assertEquals(Duration.ofSeconds(60), c.poll().interval());
    assertTrue(c.poll().idle());
    assertEquals(Duration.ofMinutes(20), c.poll().idleRenew());
    assertEquals("jdbc:sqlite:data/intake.db", c.database().url());
    assertEquals("STATS", c.tickets().prefix());
    assertEquals(10001, c.tickets().firstNumber());
    assertEquals(4, c.projects().minDigits());
    assertEquals(10, c.projects().maxDigits());
    assertEquals(Path.of("config/projects.csv"), c.projects().registry());
    assertEquals(10, c.replies().maxPerSenderPerHour());
    assertEquals("ons-srs", c.scanning().defaultPolicy());
    assertNull(c.scanning().shareRoot());
  }

  @Test
  void unsetVariableWithoutFallbackLeavesThePasswordEmpty() {
    IntakeConfig c = loader(Map.of()).load(SHIPPED);

    assertNull(c.mailbox().imap().password());
    assertNull(c.mailbox().smtp().password());
  }

  @Test
  void bundledDefaultsLoadOnTheirOwn() {
    IntakeConfig c = loader(Map.of()).loadDefaults();

    assertEquals("STATS", c.tickets().prefix());
    assertEquals(2, c.poll().workers());
  }

  @Test
  void fallbackIsUsedOnlyWhenTheVariableIsUnset() throws IOException {
    Path file =
        write(
            """
        mailbox:
          imap:
            username: ${IMAP_USER:-fallback-user}
            host: ${IMAP_HOST:-imap.fallback.example}
        """);

    IntakeConfig c = loader(Map.of("IMAP_HOST", "imap.example.org")).load(file);

    assertEquals("fallback-user", c.mailbox().imap().username());
    assertEquals("imap.example.org", c.mailbox().imap().host());
  }

  @Test
  void variableCanBeEmbeddedInLongerText() throws IOException {
    Path file = write("database:\n  url: jdbc:sqlite:${DATA_DIR:-data}/intake.db\n");

    assertEquals(
        "jdbc:sqlite:/srv/x/intake.db",
        loader(Map.of("DATA_DIR", "/srv/x")).load(file).database().url());
    assertEquals("jdbc:sqlite:data/intake.db", loader(Map.of()).load(file).database().url());
  }

  @Test
  void environmentOverridesTheFileKeyByKey() {
    IntakeConfig c =
        loader(
                Map.of(
                    "INTAKE_POLL_INTERVAL", "5s",
                    "INTAKE_MAILBOX_IMAP_HOST", "imap.example.org",
                    "INTAKE_MAILBOX_IMAP_PORT", "993",
                    "INTAKE_MAILBOX_FOLDERS_PROCESSED", "Done",
                    "INTAKE_TICKETS_FIRST_NUMBER", "20001"))
            .load(SHIPPED);

    assertEquals(Duration.ofSeconds(5), c.poll().interval());
    assertEquals("imap.example.org", c.mailbox().imap().host());
    assertEquals(993, c.mailbox().imap().port());
    assertEquals("localhost", c.mailbox().smtp().host(), "the SMTP host is not touched");
    assertEquals("Done", c.mailbox().folders().processed());
    assertEquals(20001, c.tickets().firstNumber());
  }

  @Test
  void operationsEndpointIsOffUnlessAPortIsSet_andListensOnLoopbackByDefault() {
    assertFalse(loader(Map.of()).load(SHIPPED).server().enabled());

    IntakeConfig c = loader(Map.of("INTAKE_SERVER_PORT", "9464")).load(SHIPPED);

    assertEquals(java.util.OptionalInt.of(9464), c.server().port());
    assertEquals("127.0.0.1", c.server().address());
  }

  @Test
  void environmentOverrideMayItselfNameAVariable() {
    IntakeConfig c = loader(Map.of("INTAKE_MAILBOX_IMAP_USERNAME", "${WHO:-bot}")).load(SHIPPED);

    assertEquals("bot", c.mailbox().imap().username());
  }

  @Test
  void passwordIsReadFromPasswordFileAndStripped() throws IOException {
    Path secret = dir.resolve("imap-secret");
    Files.writeString(secret, "from-file\n");
    Path file = write("mailbox:\n  imap:\n    password-file: " + secret + "\n");

    IntakeConfig c = loader(Map.of()).load(file);

    assertEquals("from-file", c.mailbox().imap().password());
  }

  @Test
  void passwordFileCanBeNamedByEnvironmentVariable() throws IOException {
    Path secret = dir.resolve("smtp-secret");
    Files.writeString(secret, "docker-secret\n");

    IntakeConfig c =
        loader(Map.of("INTAKE_MAILBOX_SMTP_PASSWORD_FILE", secret.toString())).load(SHIPPED);

    assertEquals("docker-secret", c.mailbox().smtp().password());
  }

  @Test
  void shareRootCanBeSetByEnvironmentVariable() {
    IntakeConfig c =
        loader(Map.of("INTAKE_SCANNING_SHARE_ROOT", "/srv/srs/projects")).load(SHIPPED);

    assertEquals(Path.of("/srv/srs/projects"), c.scanning().shareRoot());
  }

  @Test
  void passwordFromEnvironmentWinsOverPasswordFile() throws IOException {
    Path secret = dir.resolve("imap-secret");
    Files.writeString(secret, "from-file");
    Path file = write("mailbox:\n  imap:\n    password-file: " + secret + "\n");

    assertEquals(
        "from-env",
        loader(Map.of("INTAKE_IMAP_PASSWORD", "from-env")).load(file).mailbox().imap().password());
  }

  @Test
  void unreadablePasswordFileNamesTheKey() throws IOException {
    Path file =
        write("mailbox:\n  imap:\n    password-file: " + dir.resolve("missing-secret") + "\n");

    ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of()).load(file));
    assertTrue(e.getMessage().contains("mailbox.imap.password-file"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}: {1} -> message names {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "poll:\\n  interval: soon|poll.interval",
        "poll:\\n  interval: 5 minutes|poll.interval",
        "poll:\\n  idle-renew: 30m|poll.idle-renew",
        "poll:\\n  idle: maybe|poll.idle",
        "poll:\\n  workers: 0|poll.workers",
        "poll:\\n  workers: many|poll.workers",
        "mailbox:\\n  imap:\\n    port: abc|mailbox.imap.port",
        "mailbox:\\n  imap:\\n    port: 70000|mailbox.imap.port",
        "mailbox:\\n  smtp:\\n    port: 0|mailbox.smtp.port",
        "mailbox:\\n  smtp:\\n    timeout: forever|mailbox.smtp.timeout",
        "mailbox:\\n  address: not-an-address|mailbox.address",
        "mailbox:\\n  imap:\\n    auth: kerberos|auth",
        "tickets:\\n  prefix: stats|tickets.prefix",
        "tickets:\\n  first-number: 0|tickets.first-number",
        "tickets:\\n  subject-format: \"{{subject}} [{{ticketId}}]\"|tickets.subject-format",
        "projects:\\n  number-digits: four-ten|projects.number-digits",
        "projects:\\n  number-digits: 10-4|projects.number-digits",
        "database:\\n  url: jdbc:mysql://db/intake|database.url",
        "server:\\n  port: 0|server.port",
        "server:\\n  port: web|server.port",
        "server:\\n  port: 70000|server.port",
        "server:\\n  address: http://0.0.0.0|server.address",
        "replies:\\n  max-per-sender-per-hour: 0|replies.max-per-sender-per-hour",
        "mailbox:\\n  folders: { inbox: INBOX, processed: INBOX, quarantine: Quarantine }|mailbox.folders.processed",
      })
  void badValueIsRejectedWithAMessageNamingTheKey(String yaml, String key) throws IOException {
    Path file = write(yaml.replace("\\n", "\n") + "\n");

    ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of()).load(file));
    assertTrue(
        e.getMessage().contains(key), () -> "message should name " + key + ": " + e.getMessage());
  }

  @Test
  void badValueFromEnvironmentIsRejectedWithTheKey() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> loader(Map.of("INTAKE_POLL_INTERVAL", "often")).load(SHIPPED));
    assertTrue(e.getMessage().contains("poll.interval"), e.getMessage());
  }

  @Test
  void missingFileIsRejectedNamingTheFile() {
    Path missing = dir.resolve("nope.yaml");

    ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of()).load(missing));
    assertTrue(
        e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"),
        e.getMessage());
  }

  @Test
  void fileThatIsNotYamlIsRejected() throws IOException {
    Path file = write("mailbox: [unclosed\n  imap: {\n");

    ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of()).load(file));
    assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
  }

  @Test
  void yamlThatIsNotAMappingIsRejected() throws IOException {
    Path file = write("- just\n- a list\n");

    ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of()).load(file));
    assertTrue(e.getMessage().contains("must be a YAML mapping"), e.getMessage());
  }

  @ParameterizedTest(name = "ssl {0}, starttls {1} -> {2}")
  @CsvSource({"false,false,PLAIN", "true,false,SSL", "false,true,STARTTLS"})
  void theSslAndStarttlsKeysNameTheServersTransport(
      String ssl, String starttls, Server.Transport expected) throws IOException {
    Path file = write("mailbox:\n  smtp:\n    ssl: " + ssl + "\n    starttls: " + starttls + "\n");

    assertEquals(expected, loader(Map.of()).load(file).mailbox().smtp().transport());
  }

  @ParameterizedTest(name = "imap ssl {0}, starttls {1} -> {2}")
  @CsvSource({"false,false,PLAIN", "true,false,SSL", "false,true,STARTTLS"})
  void theImapServersTransportIsNamedByTheSameKeys(
      String ssl, String starttls, Server.Transport expected) throws IOException {
    Path file = write("mailbox:\n  imap:\n    ssl: " + ssl + "\n    starttls: " + starttls + "\n");

    assertEquals(expected, loader(Map.of()).load(file).mailbox().imap().transport());
  }

  @Test
  void aServerThatIsBothSslAndStarttlsIsRefusedSayingWhichToKeep() throws IOException {
    Path file = write("mailbox:\n  smtp:\n    ssl: true\n    starttls: true\n");

    ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of()).load(file));
    assertTrue(
        e.getMessage().contains("mailbox.smtp.ssl and mailbox.smtp.starttls are both true"),
        e.getMessage());
    assertTrue(e.getMessage().contains("keep ssl: true for a TLS port"), e.getMessage());
  }

  @Test
  void emptyFileMeansTheDefaults() throws IOException {
    Path file = write("");

    assertEquals("STATS", loader(Map.of()).load(file).tickets().prefix());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "60s,PT1M",
    "5m,PT5M",
    "1h,PT1H",
    "500ms,PT0.5S",
    "2d,PT48H",
    "PT1M,PT1M",
    "30,PT30S",
    "' 90s ',PT1M30S"
  })
  void durationsAcceptShortAndIsoSpellings(String text, String iso) {
    assertEquals(Duration.parse(iso), ConfigLoader.parseDuration("k", text));
  }

  @Test
  void recordsRejectInvalidValuesWhenBuiltDirectly() {
    assertThrows(ConfigException.class, () -> new Folders("INBOX", "Processed", "INBOX"));
    assertThrows(ConfigException.class, () -> Tickets.onePrefix("STATS", 1, "Re: {{subject}}"));
    Tickets t = Tickets.onePrefix("STATS", 1, null);
    assertEquals("[{{ticketId}}] {{subject}}", t.subjectFormat());
    assertFalse(
        Server.withoutOAuth2("h", 1, Server.Transport.PLAIN, " ", null, null, null)
            .hasCredentials());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pol:\\n  interval: 60s|unknown key 'pol': did you mean 'poll'?",
        "poll:\\n  intervall: 60s|unknown key 'poll.intervall': did you mean 'poll.interval'?",
        "mailbox:\\n  imap:\\n    hots: mail.example.org|unknown key 'mailbox.imap.hots': did you mean 'mailbox.imap.host'?",
        "interval: 60s|unknown key 'interval': did you mean 'poll.interval'?",
        "colour: blue|unknown key 'colour'",
      })
  void unknownKeyIsRefused_namingItAndTheNearestKnownKey(String yaml, String expected)
      throws IOException {
    Path file = write(yaml.replace("\\n", "\n") + "\n");

    ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of()).load(file));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void keysKnownOnlyAsCommentedDefaultsAreAccepted() throws IOException {
    Path file =
        write(
            "mailbox:\n  imap:\n    password-file: "
                + dir.resolve("none")
                + "\n"
                + "scanning:\n  share-root: /srv/projects\n");
    Files.writeString(dir.resolve("none"), "x");

    assertEquals(Path.of("/srv/projects"), loader(Map.of()).load(file).scanning().shareRoot());
  }

  @Test
  void knownKeysComeFromTheBundledDefaults_soTheShippedConfigHasNoUnknownKey() {
    assertEquals(
        "STATS", loader(Map.of("INTAKE_IMAP_PASSWORD", "x")).load(SHIPPED).tickets().prefix());
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("intake.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}

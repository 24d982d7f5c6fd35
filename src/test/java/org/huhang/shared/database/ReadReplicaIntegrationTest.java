package org.huhang.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.Party;
import org.huhang.registration.RecordApplication;
import org.huhang.reporting.Reporting;
import org.huhang.shared.Actor;
import org.huhang.shared.Role;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.ResidentIdNumber;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports read from a streaming standby (issue 13, "Beyond one machine"): two real PostgreSQL 15
 * servers on loopback, a primary and an asynchronous standby, started by the test's own script
 * (src/test/resources/replica/servers.sh, Debian's postgresql-15). With HUHANG_REPLICA_URL set, a
 * registrar's write goes to the primary; the city's figures come from the standby: with the
 * standby's replay paused, the figures do not see a new application while the primary holds it, and
 * see it once replay resumes. Skipped without PostgreSQL 15's binaries, unless CI=true.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReadReplicaIntegrationTest {

  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static final int PRIMARY = 25_000 + (int) (ProcessHandle.current().pid() % 2_000) * 2;
  private static final int STANDBY = PRIMARY + 1;
  private static Path servers;

  @Autowired private DivorceApplications applications;
  @Autowired private Reporting reporting;
  @Autowired private JdbcClient jdbc;
  @Autowired private TransactionTemplate transactions;

  @DynamicPropertySource
  static void twoServers(DynamicPropertyRegistry registry) throws Exception {
    if (!Files.isExecutable(BIN.resolve("pg_basebackup"))) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            "PostgreSQL 15 is needed (apt-get install -y postgresql-15): " + BIN);
      }
      Assumptions.abort("PostgreSQL 15 is not installed (" + BIN + "): skipped");
    }
    servers = Files.createTempDirectory("huhang-replica-");
    run("start", servers.toString(), Integer.toString(PRIMARY), Integer.toString(STANDBY));
    stopAtExit(servers);
    registry.add("spring.datasource.url", () -> url(PRIMARY));
    registry.add("spring.datasource.username", () -> "huhang");
    registry.add("spring.datasource.password", () -> "");
    registry.add("huhang.replica.url", () -> url(STANDBY));
    registry.add("huhang.demo", () -> "false");
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    String encoded = Base64.getEncoder().encodeToString(key);
    registry.add("huhang.data-key", () -> encoded);
  }

  /**
   * The servers stop when the JVM ends, after this class's context (closed right after the class,
   * {@link DirtiesContext}) let go of its connections: stopped earlier, its pools would wait for
   * them at shutdown.
   */
  private static void stopAtExit(Path dir) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    run("stop", dir.toString());
                  } catch (Exception e) {
                    System.err.println("servers.sh stop failed: " + e);
                  }
                }));
  }

  @Test
  void writesGoToThePrimaryAndTheFiguresComeFromTheStandby() throws Exception {
    // Where a transaction's connection comes from: the standby is the server in recovery.
    assertThat(inRecovery(true)).isTrue();
    assertThat(inRecovery(false)).isFalse();

    Actor registrar =
        new Actor(
            null,
            "registrar-test",
            "测试",
            Role.REGISTRAR,
            "371623",
            "无棣县",
            "/370000/371600/371623/");
    Actor admin =
        new Actor(null, "admin-test", "测试", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");
    LocalDate received = LocalDate.of(2024, 3, 4);
    applications.record(application(received, 1), registrar);
    awaitReplayed();
    assertThat(applicationsInFigures(admin, received)).isEqualTo(1);

    standby("select pg_wal_replay_pause()");
    try {
      applications.record(application(received, 2), registrar);
      assertThat(
              jdbc.sql("select count(*) from registration.divorce_application")
                  .query(Long.class)
                  .single())
          .as("the primary holds both")
          .isEqualTo(2);
      assertThat(applicationsInFigures(admin, received))
          .as("the figures read the paused standby")
          .isEqualTo(1);
    } finally {
      standby("select pg_wal_replay_resume()");
    }
    awaitReplayed();
    assertThat(applicationsInFigures(admin, received)).isEqualTo(2);
  }

  private long applicationsInFigures(Actor admin, LocalDate day) {
    return reporting.summary("371600", day, day, admin).figures().applications();
  }

  private boolean inRecovery(boolean readOnly) {
    TransactionTemplate t = new TransactionTemplate(transactions.getTransactionManager());
    t.setReadOnly(readOnly);
    return Boolean.TRUE.equals(
        t.execute(s -> jdbc.sql("select pg_is_in_recovery()").query(Boolean.class).single()));
  }

  /** Waits until the standby has replayed everything the primary wrote so far. */
  private void awaitReplayed() throws Exception {
    String target = jdbc.sql("select pg_current_wal_lsn()::text").query(String.class).single();
    for (int i = 0; i < 200; i++) {
      Boolean done = standbyValue("select pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn");
      if (Boolean.TRUE.equals(done)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the standby did not catch up with " + target);
  }

  private static void standby(String sql) throws Exception {
    standbyValue(sql);
  }

  private static Boolean standbyValue(String sql) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(url(STANDBY), "huhang", "");
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      Object value = rs.getObject(1);
      return value instanceof Boolean b ? b : null;
    }
  }

  private static RecordApplication application(LocalDate received, int n) {
    LocalDate his = LocalDate.of(1985, 1, n);
    LocalDate hers = LocalDate.of(1987, 2, n);
    return new RecordApplication(
        received,
        new Party("王" + "一二".charAt(n - 1) + "强", Gender.MALE, his, id("371623", his, 971), null),
        new Party(
            "李" + "一二".charAt(n - 1) + "梅", Gender.FEMALE, hers, id("371623", hers, 970), null),
        LocalDate.of(2012, 5, 1),
        0,
        false,
        false,
        null,
        null);
  }

  private static String id(String county, LocalDate birth, int sequence) {
    String first17 =
        county + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + sequence;
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private static String url(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/huhang";
  }

  private static void run(String... args) throws IOException, InterruptedException {
    Path script = Path.of("src/test/resources/replica/servers.sh").toAbsolutePath();
    String[] command = new String[args.length + 2];
    command[0] = "bash";
    command[1] = script.toString();
    System.arraycopy(args, 0, command, 2, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        out.append(line).append('\n');
      }
    }
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("servers.sh " + String.join(" ", args) + " failed:\n" + out);
    }
  }
}

package org.huhang.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.person.ResidentIdNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14, the embedded database's backup: written while the application runs, it unpacks into an
 * empty directory on which PostgreSQL starts (replaying its log) and holds what the live database
 * held when it was written, identity numbers readable with the data key. Only the city
 * administrator writes one; each is audited.
 */
class EmbeddedBackupIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired EmbeddedBackups backups;
  @Autowired PersonalDataProtector protector;
  @Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;

  /** A backup another test (the endpoint probe) started in the background finishes first. */
  @org.junit.jupiter.api.BeforeEach
  void noBackupRunning() throws InterruptedException {
    awaitIdle(backups);
  }

  static void awaitIdle(EmbeddedBackups backups) throws InterruptedException {
    for (int i = 0; i < 1200 && backups.progress().running(); i++) {
      Thread.sleep(100);
    }
  }

  @Test
  void aBackupWrittenWhileRunningRestoresToTheSameDataReadableWithTheKey() throws Exception {
    long volunteers = count(jdbc, "volunteer.volunteer");
    long applications = count(jdbc, "registration.divorce_application");
    String json =
        mvc.perform(post("/api/v1/system/backups").with(httpBasic("admin", DEMO_PASSWORD)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.keyFingerprint").value(protector.fingerprint()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String name = json.replaceAll("(?s).*\"name\":\"([^\"]+)\".*", "$1");
    Path archive = backups.directory().resolve(name);
    assertThat(archive).exists();
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(archive)))
        .isEqualTo("rw-------");
    // Written after the backup: must not be in it.
    jdbc.sql("insert into kernel.figure_change (received_on) values (date '1999-09-09')").update();

    Path restored = Files.createTempDirectory("huhang-restored-");
    try {
      unpack(archive, restored);
      assertThat(restored.resolve("backup_label")).exists();
      assertThat(restored.resolve("postmaster.pid")).doesNotExist();
      try (EmbeddedPostgres copy =
          EmbeddedPostgres.builder()
              .setDataDirectory(restored)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .start()) {
        JdbcClient restoredDb = JdbcClient.create(copy.getPostgresDatabase());
        assertThat(count(restoredDb, "volunteer.volunteer")).isEqualTo(volunteers);
        assertThat(count(restoredDb, "registration.divorce_application")).isEqualTo(applications);
        assertThat(
                restoredDb
                    .sql(
                        "select count(*) from kernel.figure_change where received_on = date '1999-09-09'")
                    .query(Long.class)
                    .single())
            .isZero();
        byte[] cipher =
            restoredDb
                .sql("select id_number_cipher from volunteer.volunteer order by id limit 1")
                .query(byte[].class)
                .single();
        assertThat(
                ResidentIdNumber.check(
                    protector.decrypt(cipher),
                    java.time.LocalDate.now(org.huhang.shared.LegalTime.ZONE)))
            .isEmpty();
        assertThat(
                restoredDb
                    .sql("select fingerprint from kernel.data_key_version where version = 1")
                    .query(String.class)
                    .single())
            .isEqualTo(protector.fingerprint());
      }
    } finally {
      jdbc.sql("delete from kernel.figure_change where received_on = date '1999-09-09'").update();
      delete(restored);
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from audit.audit_event where action = 'system.backup'"
                        + " and entity_id = :name")
                .param("name", name)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    mvc.perform(get("/system/backups").with(user(accounts.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(name)));
  }

  @Test
  void thePageStartsABackupInTheBackgroundAndFollowsItUntilItIsListed() throws Exception {
    int before = backups.list().size();
    var admin = user(accounts.loadUserByUsername("admin"));
    mvc.perform(
            post("/system/backups")
                .with(admin)
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().is3xxRedirection());
    awaitIdle(backups);
    EmbeddedBackups.Progress done = backups.progress();
    assertThat(done.running()).isFalse();
    assertThat(done.failure()).isNull();
    assertThat(backups.list()).hasSize(before + 1);
    assertThat(done.last().name()).isEqualTo(backups.list().get(0).name());
    // The state the page polls: the last backup written, no polling left.
    mvc.perform(get("/system/backups/state").with(admin).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(done.last().name())))
        .andExpect(content().string(Matchers.not(Matchers.containsString("every 2s"))));
    assertThat(
            jdbc.sql(
                    "select count(*) from audit.audit_event where action = 'system.backup'"
                        + " and entity_id = :name")
                .param("name", done.last().name())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void onlyTheCityAdministratorWritesOrSeesBackups() throws Exception {
    for (String user : new String[] {"admin-371623", "counselor-371623", "analyst"}) {
      mvc.perform(post("/api/v1/system/backups").with(httpBasic(user, DEMO_PASSWORD)))
          .andExpect(status().isForbidden());
    }
    mvc.perform(post("/api/v1/system/backups")).andExpect(status().isUnauthorized());
    mvc.perform(get("/system/backups").with(user(accounts.loadUserByUsername("admin-371623"))))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/system/backups/state").with(user(accounts.loadUserByUsername("admin-371623"))))
        .andExpect(status().isForbidden());
  }

  static long count(JdbcClient db, String table) {
    return db.sql("select count(*) from " + table).query(Long.class).single();
  }

  static void unpack(Path archive, Path into) throws Exception {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        Path target = into.resolve(e.getName()).normalize();
        assertThat(target.startsWith(into)).isTrue();
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target);
        }
      }
    }
  }

  static void delete(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

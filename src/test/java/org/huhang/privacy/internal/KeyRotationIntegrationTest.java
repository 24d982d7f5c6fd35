package org.huhang.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.audit.AuditTrail;
import org.huhang.privacy.KeyRotationView;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.Role;
import org.huhang.shared.person.DataKeyStarts;
import org.huhang.shared.person.DataKeyVersions;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.person.SealedColumns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-key rotation on the demo data: a second key version is configured, seals new data at once,
 * the job moves every sealed value of every module to it (each still opens to the same plain data),
 * nothing is left under version 1, version 1 retires after the quiet while, and a start without a
 * key that is still needed is refused while one without the retired key succeeds.
 *
 * <p>The shared database is this test's only through a transaction rolled back at the end of each
 * method: the job's batches, the new version's row and the retirement all join it, so the other
 * tests read the demo data sealed under version 1 as before.
 */
class KeyRotationIntegrationTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired PersonalDataProtector protector;
  @Autowired DataKeyVersions versions;
  @Autowired AuditTrail audit;
  @Autowired PlatformTransactionManager transactions;
  @Autowired List<SealedColumns> sealed;
  @Autowired KeyRotation rotation;
  @Autowired Environment environment;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  static Actor city() {
    return new Actor(
        null, "admin", "滨州市妇联管理员", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");
  }

  /** A clock the test moves past the quiet while. */
  static final class MovableClock extends Clock {
    private Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("Asia/Shanghai");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** The environment of a start with the test context's first key file and these later keys. */
  MockEnvironment start(String laterKeys) {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("huhang.data-key-file", environment.getProperty("huhang.data-key-file"));
    if (laterKeys != null) {
      env.setProperty("huhang.data-keys", laterKeys);
    }
    return env;
  }

  /** Every sealed value of every declared column: where it is, its key version, its plain data. */
  record Sealed(String where, int version, String plainDigest) {}

  List<Sealed> everySealedValue(PersonalDataProtector opener) throws Exception {
    List<Sealed> out = new ArrayList<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (SealedColumns t : sealed) {
      for (String column : t.columns()) {
        String keys = String.join(" || '/' || ", t.key().stream().map(k -> k + "::text").toList());
        List<Object[]> rows =
            jdbc.sql(
                    "select "
                        + keys
                        + ", "
                        + column
                        + " from "
                        + t.table()
                        + " where "
                        + column
                        + " is not null order by 1")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)})
                .list();
        for (Object[] row : rows) {
          byte[] value = (byte[]) row[1];
          out.add(
              new Sealed(
                  t.table() + "." + column + "#" + row[0],
                  PersonalDataProtector.keyVersion(value),
                  HexFormat.of().formatHex(sha.digest(opener.decryptBytes(value)))));
        }
      }
    }
    return out;
  }

  static Map<String, Sealed> byPlace(List<Sealed> values) {
    Map<String, Sealed> map = new LinkedHashMap<>();
    values.forEach(v -> map.put(v.where(), v));
    return map;
  }

  /** What the other tests read afterwards: one key version and every value sealed under it. */
  @AfterTransaction
  void theSharedDatabaseIsAsBefore() throws Exception {
    assertThat(versions.all()).extracting(DataKeyVersions.KeyVersion::version).containsExactly(1);
    assertThat(versions.all().get(0).retired()).isFalse();
    assertThat(everySealedValue(protector))
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v.version()).as(v.where()).isEqualTo(1));
  }

  @Test
  @Transactional
  void aNewKeyVersionSealsAtOnceTheJobMovesEverythingAndTheOldVersionRetires() throws Exception {
    // Written under version 1, as the application does until a second version is configured.
    UUID staged = UUID.randomUUID();
    jdbc.sql(
            """
            insert into kernel.import_staging (id, kind, uploaded_by, uploaded_at, file_name, content)
            values (:id, 'test', 'admin', now(), 'rotation.csv', :content)""")
        .param("id", staged)
        .param("content", protector.encryptBytes("姓名,身份证号\n".getBytes()))
        .update();
    List<Sealed> before = everySealedValue(protector);
    assertThat(before).hasSizeGreaterThan(100);
    assertThat(before).allSatisfy(v -> assertThat(v.version()).isEqualTo(1));
    assertThat(before.stream().map(v -> v.where().substring(0, v.where().indexOf('#'))).distinct())
        .as("demo data in many of the declared columns")
        .hasSizeGreaterThan(8);

    byte[] second = new byte[32];
    new SecureRandom().nextBytes(second);
    String laterKeys = "2:" + Base64.getEncoder().encodeToString(second);
    PersonalDataProtector rotated = DataKeyStarts.start(start(laterKeys), jdbc);

    // The new version is recorded and seals new data at once; version 1 still opens.
    assertThat(rotated.activeVersion()).isEqualTo(2);
    assertThat(PersonalDataProtector.keyVersion(rotated.encrypt("13800138000"))).isEqualTo(2);
    assertThat(versions.all())
        .extracting(DataKeyVersions.KeyVersion::version)
        .containsExactly(1, 2);
    assertThat(versions.all().get(1).fingerprint())
        .isEqualTo(rotated.fingerprints().get(2))
        .isNotEqualTo(protector.fingerprint());
    assertThat(rotated.lookupHash("phone:13800138000"))
        .isEqualTo(protector.lookupHash("phone:13800138000"));

    MovableClock clock = new MovableClock();
    KeyRotation job =
        new KeyRotation(
            sealed, jdbc, rotated, versions, audit, transactions, clock, Duration.ofMinutes(10));
    KeyRotationView waiting = job.view(city());
    assertThat(waiting.active()).isEqualTo(2);
    assertThat(waiting.waiting()).isGreaterThanOrEqualTo(before.size());
    assertThat(waiting.versions().get(0).values()).isEqualTo(waiting.waiting());
    assertThat(waiting.versions().get(0).retirable()).isFalse();
    assertThatThrownBy(() -> job.retire(1, city()))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).problems().get(0).messageKey())
        .isEqualTo("keys.retire.inUse");

    KeyRotationView.Run run = job.runNow();

    // At least the values read before; a background job of the shared context may add one.
    assertThat(run.resealed()).isGreaterThanOrEqualTo(before.size());
    assertThat(run.failed()).isZero();
    List<Sealed> all = everySealedValue(rotated);
    assertThat(all).allSatisfy(v -> assertThat(v.version()).as(v.where()).isEqualTo(2));
    Map<String, Sealed> after = byPlace(all);
    for (Sealed b : before) {
      Sealed a = after.get(b.where());
      assertThat(a).as(b.where()).isNotNull();
      assertThat(a.version()).as(b.where()).isEqualTo(2);
      assertThat(a.plainDigest())
          .as(b.where() + " opens to the same data")
          .isEqualTo(b.plainDigest());
    }
    assertThat(job.runNow().resealed()).as("a second run finds nothing").isZero();
    assertThat(
            jdbc.sql("select count(*) from audit.audit_event where action = 'data-key.reseal'")
                .query(Long.class)
                .single())
        .isPositive();

    // Progress reaches zero; the quiet while keeps version 1 a little longer.
    KeyRotationView done = job.view(city());
    assertThat(done.waiting()).isZero();
    assertThat(done.percent()).isEqualTo(100);
    assertThat(done.versions().get(0).values()).isZero();
    assertThat(done.versions().get(0).retirable()).isFalse();
    assertThatThrownBy(() -> job.retire(1, city()))
        .extracting(e -> ((DomainException) e).problems().get(0).messageKey())
        .isEqualTo("keys.retire.tooSoon");
    assertThatThrownBy(() -> job.retire(2, city()))
        .extracting(e -> ((DomainException) e).problems().get(0).messageKey())
        .isEqualTo("keys.retire.active");

    clock.advance(Duration.ofMinutes(11));
    assertThat(job.view(city()).versions().get(0).retirable()).isTrue();
    job.retire(1, city());
    assertThat(versions.all().get(0).retired()).isTrue();
    assertThat(versions.all().get(0).retiredBy()).isEqualTo("admin");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit.audit_event where action = 'data-key.retire'"
                        + " and entity_id = 'version 1'")
                .query(Long.class)
                .single())
        .isOne();

    // Version 2 is not retired: a start without its key is refused.
    assertThatThrownBy(() -> DataKeyStarts.start(start(null), jdbc))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("数据密钥版本 2")
        .hasMessageContaining("没有配置它的密钥");
    // A wrong key for version 2 is refused as well.
    byte[] other = new byte[32];
    assertThatThrownBy(
            () ->
                DataKeyStarts.start(start("2:" + Base64.getEncoder().encodeToString(other)), jdbc))
        .hasMessageContaining("不符");

    // Version 1 retired: a start with version 2's key alone, no first key file, succeeds; the
    // lookup key is opened from its copy under version 2, so the hashes still find everything.
    Path noFirstKey =
        Files.createTempDirectory(Path.of("target").toAbsolutePath(), "no-first-key-")
            .resolve("huhang-data.key");
    MockEnvironment withoutFirst =
        new MockEnvironment()
            .withProperty("huhang.data-key-file", noFirstKey.toString())
            .withProperty("huhang.data-keys", laterKeys);
    PersonalDataProtector onlySecond = DataKeyStarts.start(withoutFirst, jdbc);
    assertThat(onlySecond.versions()).containsExactly(2);
    assertThat(onlySecond.lookupHash("id:11010519491231002X"))
        .isEqualTo(protector.lookupHash("id:11010519491231002X"));
    assertThat(onlySecond.fingerprint()).isEqualTo(protector.fingerprint());
    byte[] content =
        jdbc.sql("select content from kernel.import_staging where id = :id")
            .param("id", staged)
            .query(byte[].class)
            .single();
    assertThat(new String(onlySecond.decryptBytes(content))).isEqualTo("姓名,身份证号\n");
    assertThat(noFirstKey).doesNotExist();
  }

  @Test
  @Transactional
  void aSaveThatWritesAnOldValueBackIsCaughtAndRestartsTheQuietWhile() throws Exception {
    byte[] second = new byte[32];
    new SecureRandom().nextBytes(second);
    PersonalDataProtector rotated =
        DataKeyStarts.start(start("2:" + Base64.getEncoder().encodeToString(second)), jdbc);
    MovableClock clock = new MovableClock();
    KeyRotation job =
        new KeyRotation(
            sealed, jdbc, rotated, versions, audit, transactions, clock, Duration.ofMinutes(10));
    job.runNow();
    clock.advance(Duration.ofMinutes(11));
    // A save that had read the volunteer before its batch writes the old value back.
    UUID volunteer =
        jdbc.sql("select id from volunteer.volunteer order by id limit 1")
            .query(UUID.class)
            .single();
    jdbc.sql("update volunteer.volunteer set phone_cipher = :old where id = :id")
        .param("old", protector.encrypt("13900000000"))
        .param("id", volunteer)
        .update();
    assertThatThrownBy(() -> job.retire(1, city()))
        .extracting(e -> ((DomainException) e).problems().get(0).messageKey())
        .isEqualTo("keys.retire.inUse");
    assertThat(job.runNow().resealed()).isOne();
    assertThatThrownBy(() -> job.retire(1, city()))
        .extracting(e -> ((DomainException) e).problems().get(0).messageKey())
        .isEqualTo("keys.retire.tooSoon");
    assertThat(
            rotated.decrypt(
                jdbc.sql("select phone_cipher from volunteer.volunteer where id = :id")
                    .param("id", volunteer)
                    .query(byte[].class)
                    .single()))
        .isEqualTo("13900000000");
    assertThat(
            jdbc.sql("select resealed_at from kernel.data_key_version where version = 1")
                .query(Timestamp.class)
                .single()
                .toInstant())
        .isEqualTo(clock.instant());

    // A value this instance cannot open (a version whose key it lacks) is counted, left as it is,
    // and does not stop the run.
    byte[] foreign =
        PersonalDataProtector.withVersions(Map.of(1, new byte[32], 3, second)).encrypt("x");
    jdbc.sql("update volunteer.volunteer set phone_cipher = :v where id = :id")
        .param("v", foreign)
        .param("id", volunteer)
        .update();
    KeyRotationView.Run stuck = job.runNow();
    assertThat(stuck.failed()).isOne();
    assertThat(stuck.resealed()).isZero();
    assertThat(
            jdbc.sql("select phone_cipher from volunteer.volunteer where id = :id")
                .param("id", volunteer)
                .query(byte[].class)
                .single())
        .isEqualTo(foreign);
    assertThat(job.view(city()).columns())
        .filteredOn(
            c -> c.table().equals("volunteer.volunteer") && c.column().equals("phone_cipher"))
        .singleElement()
        .satisfies(c -> assertThat(c.values()).containsEntry(3, 1L));
  }

  @Test
  void theCityAdministratorSeesTheKeysAndNobodyElse() throws Exception {
    var admin = users.loadUserByUsername("admin");
    mvc.perform(get("/privacy/keys").with(user(admin)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("数据密钥更换")))
        .andExpect(content().string(Matchers.containsString("id=\"key-version-1\"")))
        .andExpect(content().string(Matchers.containsString("当前使用：新数据用它加密")))
        .andExpect(
            content().string(Matchers.containsString(protector.fingerprint().substring(0, 12))))
        .andExpect(content().string(Matchers.containsString("会谈记录")))
        .andExpect(content().string(Matchers.containsString("全部")))
        .andExpect(content().string(Matchers.containsString("--huhang.new-data-key=N")));
    // The state part alone, as the page polls it while a run goes on.
    mvc.perform(get("/privacy/keys").with(user(admin)).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("<section id=\"keys-state\"")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
    mvc.perform(post("/privacy/keys/1/retire").with(user(admin)).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("是当前使用的或最新的密钥，不能停用")));
    assertThat(versions.all().get(0).retired()).isFalse();
    mvc.perform(post("/privacy/keys/9/retire").with(user(admin)).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(post("/privacy/keys/run").with(user(admin)).with(csrf()))
        .andExpect(status().is3xxRedirection());
    for (String other : List.of("admin-371623", "manager-371623", "analyst")) {
      mvc.perform(get("/privacy/keys").with(user(users.loadUserByUsername(other))))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/privacy/keys/run").with(user(users.loadUserByUsername(other))).with(csrf()))
          .andExpect(status().isForbidden());
    }
    mvc.perform(get("/privacy/keys")).andExpect(status().is3xxRedirection());
  }
}

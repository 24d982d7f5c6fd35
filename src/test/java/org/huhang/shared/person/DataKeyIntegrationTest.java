package org.huhang.shared.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.annotation.Transactional;

/** The data key: created once, then required; a lost or different key stops the start. */
class DataKeyIntegrationTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired PersonalDataProtector protector;
  @Autowired Environment environment;

  @Test
  void theDatabaseRemembersWhichKeyItsDataNeeds() {
    assertThat(
            jdbc.sql("select fingerprint from kernel.data_key_version where version = 1")
                .query(String.class)
                .single())
        .isEqualTo(protector.fingerprint());
  }

  @Test
  void aMissingKeyFileStopsTheStartInsteadOfLosingData() throws Exception {
    Path missing =
        Files.createTempDirectory(Path.of("target").toAbsolutePath(), "no-key-")
            .resolve("huhang-data.key");
    MockEnvironment env =
        new MockEnvironment().withProperty("huhang.data-key-file", missing.toString());
    assertThatThrownBy(() -> new DataKeyConfiguration().personalDataProtector(env, jdbc))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("丢失");
    assertThat(missing).doesNotExist();
  }

  @Test
  void anotherKeyStopsTheStart() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("HUHANG_DATA_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    assertThatThrownBy(() -> new DataKeyConfiguration().personalDataProtector(env, jdbc))
        .hasMessageContaining("不符");
  }

  @Test
  void encryptionRoundTripsAndHashesAreStable() {
    byte[] sealed = protector.encrypt("11010519491231002X");
    assertThat(protector.decrypt(sealed)).isEqualTo("11010519491231002X");
    assertThat(protector.encrypt("11010519491231002X")).isNotEqualTo(sealed);
    assertThat(protector.lookupHash("11010519491231002X"))
        .isEqualTo(protector.lookupHash("11010519491231002X"));
  }

  /** A copy of the test context's first key file in a directory of its own. */
  Path firstKeyCopy() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "new-key-");
    return Files.copy(
        Path.of(environment.getProperty("huhang.data-key-file")), dir.resolve("huhang-data.key"));
  }

  /** The command of the embedded database: writes the next version's key file once. */
  @Test
  @Transactional
  void aNewVersionsKeyFileIsWrittenOnceAndThenSealsNewData() throws Exception {
    Path first = firstKeyCopy();
    Path second = first.resolveSibling("huhang-data-2.key");
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("huhang.data-key-file", first.toString())
            .withProperty("huhang.new-data-key", "2");

    PersonalDataProtector rotated = new DataKeyConfiguration().personalDataProtector(env, jdbc);

    assertThat(second).exists();
    assertThat(Files.getPosixFilePermissions(second))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    assertThat(rotated.activeVersion()).isEqualTo(2);
    assertThat(PersonalDataProtector.keyVersion(rotated.encrypt("x"))).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "select fingerprint from kernel.data_key_version where version = 2"
                        + " and lookup_key_sealed is not null")
                .query(String.class)
                .single())
        .isEqualTo(rotated.fingerprints().get(2));
    String key = Files.readString(second);

    // Left in the start script, the option changes nothing.
    PersonalDataProtector again = new DataKeyConfiguration().personalDataProtector(env, jdbc);
    assertThat(Files.readString(second)).isEqualTo(key);
    assertThat(again.fingerprints()).isEqualTo(rotated.fingerprints());
    try (var files = Files.list(first.getParent())) {
      assertThat(files).hasSize(2);
    }

    // A version the database knows is never made anew: its lost file is a lost file.
    Files.delete(second);
    assertThatThrownBy(() -> new DataKeyConfiguration().personalDataProtector(env, jdbc))
        .hasMessageContaining("丢失")
        .hasMessageContaining("huhang-data-2.key");
    assertThat(second).doesNotExist();
    // Without the option the same start names the version that has no key.
    assertThatThrownBy(
            () ->
                new DataKeyConfiguration()
                    .personalDataProtector(
                        new MockEnvironment()
                            .withProperty("huhang.data-key-file", first.toString()),
                        jdbc))
        .hasMessageContaining("数据密钥版本 2");
  }

  @Test
  void aNewVersionMustBeNewerAndOnlyTheEmbeddedDatabaseWritesKeyFiles() throws Exception {
    Path first = firstKeyCopy();
    assertThatThrownBy(
            () ->
                new DataKeyConfiguration()
                    .personalDataProtector(
                        new MockEnvironment()
                            .withProperty("huhang.data-key-file", first.toString())
                            .withProperty("huhang.new-data-key", "1"),
                        jdbc))
        .hasMessageContaining("2 到 255");
    assertThatThrownBy(
            () ->
                new DataKeyConfiguration()
                    .personalDataProtector(
                        new MockEnvironment()
                            .withProperty("spring.datasource.url", "jdbc:postgresql://db/huhang")
                            .withProperty("HUHANG_DATA_KEY", Files.readString(first).strip())
                            .withProperty("huhang.new-data-key", "2"),
                        jdbc))
        .hasMessageContaining("HUHANG_DATA_KEYS");
    try (var files = Files.list(first.getParent())) {
      assertThat(files).hasSize(1);
    }
    assertThat(jdbc.sql("select count(*) from kernel.data_key_version").query(Long.class).single())
        .isOne();
  }
}

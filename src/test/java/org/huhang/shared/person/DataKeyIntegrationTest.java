package org.huhang.shared.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** The data key: created once, then required; a lost or different key stops the start. */
class DataKeyIntegrationTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired PersonalDataProtector protector;

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
}

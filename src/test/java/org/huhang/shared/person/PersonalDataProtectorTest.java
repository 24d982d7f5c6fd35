package org.huhang.shared.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The ciphertext formats: format 1 (version 1, as every value written before key versions) still
 * opens, later versions write format 2 with their number, and the lookup hashes stay those of the
 * first version whatever version seals.
 */
class PersonalDataProtectorTest {

  static byte[] key(int fill) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) fill);
    return k;
  }

  /** A value sealed as the release before key versions did, written out by hand. */
  static byte[] formatOneAsBefore(byte[] dataKey, String plain) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(dataKey, "HmacSHA256"));
    byte[] aes = mac.doFinal("huhang/encrypt/v1".getBytes(StandardCharsets.UTF_8));
    byte[] iv = new byte[12];
    Arrays.fill(iv, (byte) 7);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aes, "AES"), new GCMParameterSpec(128, iv));
    byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.allocate(1 + 12 + sealed.length).put((byte) 1).put(iv).put(sealed).array();
  }

  @Test
  void aValueSealedBeforeKeyVersionsStillOpensUnderEveryConfiguration() throws Exception {
    byte[] old = formatOneAsBefore(key(1), "11010519491231002X");
    assertThat(PersonalDataProtector.keyVersion(old)).isEqualTo(1);
    assertThat(new PersonalDataProtector(key(1)).decrypt(old)).isEqualTo("11010519491231002X");
    PersonalDataProtector rotated =
        PersonalDataProtector.withVersions(Map.of(1, key(1), 2, key(2)));
    assertThat(rotated.decrypt(old)).isEqualTo("11010519491231002X");
  }

  @Test
  void versionOneStillWritesFormatOneSoThatTheReleaseBeforeCanReadIt() {
    byte[] sealed = new PersonalDataProtector(key(1)).encrypt("13800138000");
    assertThat(sealed[0]).isEqualTo((byte) 1);
    assertThat(sealed).hasSize(1 + 12 + 11 + 16);
    assertThat(PersonalDataProtector.keyVersion(sealed)).isEqualTo(1);
  }

  @Test
  void theNewestVersionSealsNewDataInFormatTwoWithItsNumber() {
    PersonalDataProtector p =
        PersonalDataProtector.withVersions(Map.of(1, key(1), 3, key(3), 2, key(2)));
    assertThat(p.activeVersion()).isEqualTo(3);
    assertThat(p.versions()).containsExactly(1, 2, 3);
    byte[] sealed = p.encrypt("会谈记录");
    assertThat(sealed[0]).isEqualTo((byte) 2);
    assertThat(sealed[1]).isEqualTo((byte) 3);
    assertThat(PersonalDataProtector.keyVersion(sealed)).isEqualTo(3);
    assertThat(p.decrypt(sealed)).isEqualTo("会谈记录");
  }

  @Test
  void resealingMovesAValueToTheActiveVersionAndLeavesOneThereAlone() {
    PersonalDataProtector v1 = new PersonalDataProtector(key(1));
    PersonalDataProtector v2 = PersonalDataProtector.withVersions(Map.of(1, key(1), 2, key(2)));
    byte[] old = v1.encryptBytes(new byte[] {1, 2, 3});
    byte[] moved = v2.reseal(old);
    assertThat(PersonalDataProtector.keyVersion(moved)).isEqualTo(2);
    assertThat(v2.decryptBytes(moved)).containsExactly(1, 2, 3);
    assertThat(v2.reseal(moved)).isSameAs(moved);
    assertThat(v2.reseal(null)).isNull();
  }

  @Test
  void aVersionWhoseKeyIsNotConfiguredIsNamedNotGuessed() {
    PersonalDataProtector v2 = PersonalDataProtector.withVersions(Map.of(1, key(1), 2, key(2)));
    byte[] sealed = v2.encrypt("x");
    assertThatThrownBy(() -> new PersonalDataProtector(key(1)).decrypt(sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 2 is not configured");
  }

  @Test
  void theVersionByteIsAuthenticated() {
    PersonalDataProtector p =
        PersonalDataProtector.withVersions(Map.of(1, key(1), 2, key(2), 3, key(2)));
    byte[] sealed = p.encrypt("x");
    sealed[1] = 2; // the same key under another number: the tag no longer holds
    assertThatThrownBy(() -> p.decrypt(sealed)).hasMessageContaining("decryption failed");
  }

  @Test
  void unknownFormatsAndDamagedValuesAreRefused() {
    PersonalDataProtector p = new PersonalDataProtector(key(1));
    assertThat(PersonalDataProtector.keyVersion(new byte[] {9, 1, 2})).isEqualTo(-1);
    assertThat(PersonalDataProtector.keyVersion(new byte[] {2, 0, 2})).isEqualTo(-1);
    assertThat(PersonalDataProtector.keyVersion(new byte[] {1})).isEqualTo(-1);
    assertThat(PersonalDataProtector.keyVersion(null)).isEqualTo(-1);
    assertThatThrownBy(() -> p.decryptBytes(new byte[] {9, 1, 2}))
        .hasMessageContaining("unknown ciphertext format");
    byte[] sealed = p.encrypt("x");
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> p.decrypt(sealed)).hasMessageContaining("decryption failed");
    assertThatThrownBy(() -> p.decryptBytes(new byte[] {1, 0, 0})).hasMessageContaining("damaged");
  }

  @Test
  void lookupHashesAndTheFingerprintStayThoseOfTheFirstVersion() {
    PersonalDataProtector v1 = new PersonalDataProtector(key(1));
    PersonalDataProtector v3 = PersonalDataProtector.withVersions(Map.of(1, key(1), 3, key(3)));
    assertThat(v3.lookupHash("phone:13800138000")).isEqualTo(v1.lookupHash("phone:13800138000"));
    assertThat(v3.fingerprint()).isEqualTo(v1.fingerprint());
    assertThat(PersonalDataProtector.fingerprintOf(key(1))).isEqualTo(v1.fingerprint());
    assertThat(v3.fingerprints())
        .containsEntry(1, v1.fingerprint())
        .containsEntry(3, PersonalDataProtector.fingerprintOf(key(3)));
    assertThat(PersonalDataProtector.fingerprintOf(key(3))).isNotEqualTo(v1.fingerprint());
  }

  @Test
  void theLookupKeyKeptUnderALaterVersionOpensToTheSameKey() {
    PersonalDataProtector v2 = PersonalDataProtector.withVersions(Map.of(1, key(1), 2, key(2)));
    byte[] kept = v2.sealedLookupKey(2);
    assertThat(PersonalDataProtector.keyVersion(kept)).isEqualTo(2);
    PersonalDataProtector onlyTwo =
        new PersonalDataProtector(
            Map.of(2, key(2)),
            PersonalDataProtector.withVersions(Map.of(2, key(2))).decryptBytes(kept));
    assertThat(onlyTwo.lookupHash("id:1")).isEqualTo(v2.lookupHash("id:1"));
    assertThat(
            PersonalDataProtector.fingerprintOfLookupKey(PersonalDataProtector.lookupKeyOf(key(1))))
        .isEqualTo(HexFormat.of().formatHex(v2.lookupHash("huhang key check")));
  }

  @Test
  void keysAndVersionsOutOfRangeAreRefused() {
    assertThatThrownBy(() -> new PersonalDataProtector(new byte[16]))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> PersonalDataProtector.withVersions(Map.of(256, key(1))))
        .hasMessageContaining("between 1 and 255");
    assertThat(DataKeySources.listed("2:" + b64(key(2)) + ", 3:" + b64(key(3))))
        .containsOnlyKeys(2, 3);
    assertThatThrownBy(() -> DataKeySources.listed("1:" + b64(key(1))))
        .hasMessageContaining("HUHANG_DATA_KEY");
    assertThatThrownBy(() -> DataKeySources.listed("2:" + b64(key(2)) + ",2:" + b64(key(3))))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> DataKeySources.listed("2:" + b64(new byte[31])))
        .hasMessageContaining("32 bytes");
  }

  static String b64(byte[] k) {
    return java.util.Base64.getEncoder().encodeToString(k);
  }
}

package org.huhang.shared.person;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest (AES-256-GCM) and makes keyed hashes (HMAC-SHA256) to look it up
 * without decrypting: the same identity number always hashes the same, so duplicates are found.
 *
 * <p>The data key has versions (issue 16): new data is always sealed under the newest configured
 * version, and a ciphertext names the version that sealed it, so older data still opens while the
 * rotation job re-encrypts it. Format 1 is one byte 1, the 12-byte IV and the sealed bytes, and
 * always means key version 1 (everything written before versions existed, and what version 1 still
 * writes, so that an older release can read it). Format 2 is the byte 2, the key version (one byte,
 * 2 to 255), the IV and the sealed bytes; its first two bytes are authenticated with it.
 *
 * <p>The lookup key of the hashes does not rotate: it is derived from the first version's key and
 * kept unchanged (see DataKeyConfiguration for how it outlives that version), because every stored
 * hash and the audit chain depend on it.
 */
public final class PersonalDataProtector {

  /** The format of version 1: the byte 1 then the IV; the key version is implied. */
  static final byte FORMAT_1 = 1;

  /** The format of the later versions: the byte 2, the key version, then the IV. */
  static final byte FORMAT_2 = 2;

  public static final int MAX_VERSION = 255;

  private static final int IV_LENGTH = 12;
  private static final int TAG_BITS = 128;
  private static final String CHECK = "huhang key check";

  /** The encryption key of each configured version, by version; null where none is configured. */
  private final SecretKeySpec[] encryptionKeys = new SecretKeySpec[MAX_VERSION + 1];

  private final SortedSet<Integer> versions;
  private final SortedMap<Integer, String> fingerprints;
  private final int active;
  private final byte[] lookupKeyBytes;
  private final SecretKeySpec lookupKey;
  private final SecureRandom random = new SecureRandom();

  /** One data key, as version 1: the lookup key derives from it. */
  public PersonalDataProtector(byte[] dataKey) {
    this(Map.of(1, dataKey), lookupKeyOf(dataKey));
  }

  /**
   * Several versions of the data key, the newest sealing new data, and the lookup key material (32
   * bytes) that the hashes use, whichever version it came from.
   */
  PersonalDataProtector(Map<Integer, byte[]> dataKeys, byte[] lookupKeyMaterial) {
    if (dataKeys.isEmpty()) {
      throw new IllegalArgumentException("at least one data key version");
    }
    TreeSet<Integer> configured = new TreeSet<>();
    TreeMap<Integer, String> prints = new TreeMap<>();
    dataKeys.forEach(
        (version, key) -> {
          checkVersion(version);
          checkKey(key);
          encryptionKeys[version] = new SecretKeySpec(derive(key, "huhang/encrypt/v1"), "AES");
          configured.add(version);
          prints.put(version, fingerprintOf(key));
        });
    this.versions = Collections.unmodifiableSortedSet(configured);
    this.fingerprints = Collections.unmodifiableSortedMap(prints);
    this.active = configured.last();
    checkKey(lookupKeyMaterial);
    this.lookupKeyBytes = lookupKeyMaterial.clone();
    this.lookupKey = new SecretKeySpec(lookupKeyBytes, "HmacSHA256");
  }

  /** Versions of the key with the lookup key derived from the oldest of them. */
  public static PersonalDataProtector withVersions(Map<Integer, byte[]> dataKeys) {
    TreeMap<Integer, byte[]> sorted = new TreeMap<>(dataKeys);
    return new PersonalDataProtector(sorted, lookupKeyOf(sorted.firstEntry().getValue()));
  }

  /** The version that seals new data: the newest configured. */
  public int activeVersion() {
    return active;
  }

  /** Every configured version, oldest first. */
  public SortedSet<Integer> versions() {
    return versions;
  }

  public byte[] encrypt(String plain) {
    return plain == null ? null : encryptBytes(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** Seals any bytes (an uploaded file waiting for confirmation) as {@link #encrypt} does text. */
  public byte[] encryptBytes(byte[] plain) {
    return plain == null ? null : seal(active, plain);
  }

  /** Seals under one given configured version (the lookup key kept under each version). */
  byte[] seal(int version, byte[] plain) {
    SecretKeySpec key = keyOf(version);
    try {
      byte[] iv = new byte[IV_LENGTH];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      if (version == 1) {
        byte[] sealed = cipher.doFinal(plain);
        return ByteBuffer.allocate(1 + IV_LENGTH + sealed.length)
            .put(FORMAT_1)
            .put(iv)
            .put(sealed)
            .array();
      }
      byte[] header = {FORMAT_2, (byte) version};
      cipher.updateAAD(header);
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(2 + IV_LENGTH + sealed.length)
          .put(header)
          .put(iv)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  public String decrypt(byte[] stored) {
    return stored == null ? null : new String(decryptBytes(stored), StandardCharsets.UTF_8);
  }

  public byte[] decryptBytes(byte[] stored) {
    if (stored == null) {
      return null;
    }
    int version = keyVersion(stored);
    if (version < 0) {
      throw new IllegalStateException("unknown ciphertext format");
    }
    SecretKeySpec key = keyOf(version);
    int header = version == 1 && stored[0] == FORMAT_1 ? 1 : 2;
    if (stored.length < header + IV_LENGTH) {
      throw new IllegalStateException("decryption failed: damaged data");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, header, IV_LENGTH));
      if (header == 2) {
        cipher.updateAAD(stored, 0, 2);
      }
      return cipher.doFinal(stored, header + IV_LENGTH, stored.length - header - IV_LENGTH);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("decryption failed: wrong data key or damaged data", e);
    }
  }

  /**
   * The key version a ciphertext was sealed with: 1 for format 1, the byte after the format for
   * format 2, or -1 when the bytes are in no known format.
   */
  public static int keyVersion(byte[] stored) {
    if (stored == null || stored.length < 2) {
      return -1;
    }
    if (stored[0] == FORMAT_1) {
      return 1;
    }
    if (stored[0] == FORMAT_2) {
      int version = stored[1] & 0xff;
      return version >= 1 ? version : -1;
    }
    return -1;
  }

  /**
   * The same plain data sealed under the active version; the stored bytes themselves when they are
   * under it already.
   */
  public byte[] reseal(byte[] stored) {
    if (stored == null || keyVersion(stored) == active) {
      return stored;
    }
    byte[] plain = decryptBytes(stored);
    try {
      return seal(active, plain);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** The lookup hash of a normalised value, for equality search and uniqueness. */
  public byte[] lookupHash(String normalised) {
    return hmac(lookupKey, normalised.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A value that identifies the lookup key without revealing it, kept in the database: the
   * fingerprint of the first key version.
   */
  public String fingerprint() {
    return HexFormat.of().formatHex(lookupHash(CHECK));
  }

  /** Each configured version's fingerprint, as the database keeps it (a backup names them). */
  public SortedMap<Integer, String> fingerprints() {
    return fingerprints;
  }

  /** The fingerprint of one version's key, as the database keeps it for that version. */
  static String fingerprintOf(byte[] dataKey) {
    return fingerprintOfLookupKey(lookupKeyOf(dataKey));
  }

  /** The fingerprint of lookup key material: for the first version, its key's fingerprint. */
  static String fingerprintOfLookupKey(byte[] material) {
    return HexFormat.of()
        .formatHex(
            hmac(
                new SecretKeySpec(material, "HmacSHA256"), CHECK.getBytes(StandardCharsets.UTF_8)));
  }

  /** The lookup key material of a first version's key. */
  static byte[] lookupKeyOf(byte[] dataKey) {
    checkKey(dataKey);
    return derive(dataKey, "huhang/lookup/v1");
  }

  /** The lookup key sealed under a version, so that it outlives the key it came from. */
  byte[] sealedLookupKey(int version) {
    return seal(version, lookupKeyBytes);
  }

  private SecretKeySpec keyOf(int version) {
    SecretKeySpec key = version >= 1 && version <= MAX_VERSION ? encryptionKeys[version] : null;
    if (key == null) {
      throw new IllegalStateException(
          "data key version " + version + " is not configured: this data cannot be decrypted");
    }
    return key;
  }

  private static void checkVersion(int version) {
    if (version < 1 || version > MAX_VERSION) {
      throw new IllegalArgumentException("a data key version is between 1 and " + MAX_VERSION);
    }
  }

  private static void checkKey(byte[] key) {
    if (key == null || key.length != 32) {
      throw new IllegalArgumentException("the data key must have 32 bytes");
    }
  }

  private static byte[] derive(byte[] key, String label) {
    return hmac(new SecretKeySpec(key, "HmacSHA256"), label.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

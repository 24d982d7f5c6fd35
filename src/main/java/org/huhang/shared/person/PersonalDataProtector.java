package org.huhang.shared.person;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest (AES-256-GCM) and makes keyed hashes (HMAC-SHA256) to look it up
 * without decrypting: the same identity number always hashes the same, so duplicates are found.
 * Both keys derive from one 32-byte data key.
 */
public final class PersonalDataProtector {

  private static final byte VERSION = 1;
  private static final int IV_LENGTH = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec hashKey;
  private final SecureRandom random = new SecureRandom();

  public PersonalDataProtector(byte[] dataKey) {
    if (dataKey.length != 32) {
      throw new IllegalArgumentException("the data key must have 32 bytes");
    }
    this.encryptionKey = new SecretKeySpec(derive(dataKey, "huhang/encrypt/v1"), "AES");
    this.hashKey = new SecretKeySpec(derive(dataKey, "huhang/lookup/v1"), "HmacSHA256");
  }

  public byte[] encrypt(String plain) {
    return plain == null ? null : encryptBytes(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** Seals any bytes (an uploaded file waiting for confirmation) as {@link #encrypt} does text. */
  public byte[] encryptBytes(byte[] plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] iv = new byte[IV_LENGTH];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(1 + IV_LENGTH + sealed.length)
          .put(VERSION)
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
    try {
      ByteBuffer in = ByteBuffer.wrap(stored);
      if (in.get() != VERSION) {
        throw new IllegalStateException("unknown ciphertext version");
      }
      byte[] iv = new byte[IV_LENGTH];
      in.get(iv);
      byte[] sealed = new byte[in.remaining()];
      in.get(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
      return cipher.doFinal(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("decryption failed: wrong data key or damaged data", e);
    }
  }

  /** The lookup hash of a normalised value, for equality search and uniqueness. */
  public byte[] lookupHash(String normalised) {
    return hmac(hashKey, normalised.getBytes(StandardCharsets.UTF_8));
  }

  /** A value that identifies the key without revealing it, kept in the database. */
  public String fingerprint() {
    return java.util.HexFormat.of().formatHex(lookupHash("huhang key check"));
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

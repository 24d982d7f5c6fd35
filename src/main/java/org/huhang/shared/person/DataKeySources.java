package org.huhang.shared.person;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the versions of the data key come from (32 bytes each, base64):
 *
 * <ul>
 *   <li>version 1: {@code huhang.data-key} or HUHANG_DATA_KEY;
 *   <li>later versions: {@code huhang.data-keys} or HUHANG_DATA_KEYS, a list such as {@code
 *       2:base64,3:base64};
 *   <li>on the embedded database only, for each version not given so: a key file, {@code
 *       data/huhang-data.key} for version 1 (created at the very first start) and {@code
 *       data/huhang-data-2.key} and so on beside it for later ones. Starting once with {@code
 *       --huhang.new-data-key=2} writes the file of version 2 (and does nothing when it exists).
 * </ul>
 */
final class DataKeySources {

  private static final Logger log = LoggerFactory.getLogger(DataKeySources.class);

  /** The property of the command that makes a new version's key file on the embedded database. */
  static final String NEW_VERSION = "huhang.new-data-key";

  private final Environment env;
  private final boolean embedded;
  private final Path firstFile;

  DataKeySources(Environment env) {
    this.env = env;
    this.embedded = !StringUtils.hasText(env.getProperty("spring.datasource.url"));
    this.firstFile =
        Path.of(env.getProperty("huhang.data-key-file", "data/huhang-data.key")).toAbsolutePath();
  }

  /** Every configured version with its key; the first version's file made on a new database. */
  SortedMap<Integer, byte[]> load(SortedMap<Integer, DataKeyConfiguration.Stored> stored) {
    SortedMap<Integer, byte[]> keys = new TreeMap<>();
    String first = env.getProperty("huhang.data-key", env.getProperty("HUHANG_DATA_KEY"));
    if (StringUtils.hasText(first)) {
      keys.put(1, decode(first, "HUHANG_DATA_KEY"));
    }
    keys.putAll(listed(env.getProperty("huhang.data-keys", env.getProperty("HUHANG_DATA_KEYS"))));
    if (!embedded) {
      if (keys.isEmpty()) {
        throw new IllegalStateException(
            "使用外部数据库时必须设置 HUHANG_DATA_KEY（32字节，Base64）。Set HUHANG_DATA_KEY (32 bytes, base64) with an external database.");
      }
      if (StringUtils.hasText(env.getProperty(NEW_VERSION))) {
        throw new IllegalStateException(
            "--huhang.new-data-key 只用于内置数据库；外部数据库请在 HUHANG_DATA_KEYS 中加入新版本。"
                + " With an external database add the new version to HUHANG_DATA_KEYS.");
      }
      return keys;
    }
    files().forEach(keys::putIfAbsent);
    makeNewVersion(keys, stored);
    if (keys.isEmpty()) {
      if (!stored.isEmpty()) {
        throw missingFile(1);
      }
      keys.put(1, create(firstFile));
    }
    return keys;
  }

  /** Where an operator puts the key of a version, for the message of a refused start. */
  String whereToConfigure(int version) {
    if (!embedded) {
      return version == 1 ? "请设置 HUHANG_DATA_KEY。" : "请在 HUHANG_DATA_KEYS 中配置它。";
    }
    return "请从备份恢复密钥文件 " + fileOf(version) + "。";
  }

  IllegalStateException missingFile(int version) {
    return new IllegalStateException(
        "数据密钥文件 "
            + fileOf(version)
            + " 丢失：数据库中的个人信息无法解密，拒绝启动。请从备份恢复该文件。"
            + " The data key file is missing; restore it from a backup.");
  }

  Path fileOf(int version) {
    if (version == 1) {
      return firstFile;
    }
    return firstFile.resolveSibling(stem() + "-" + version + ".key");
  }

  private String stem() {
    String name = firstFile.getFileName().toString();
    return name.endsWith(".key") ? name.substring(0, name.length() - 4) : name;
  }

  /** The later versions' key files beside the first one. */
  private SortedMap<Integer, byte[]> files() {
    SortedMap<Integer, byte[]> found = new TreeMap<>();
    if (Files.exists(firstFile)) {
      found.put(1, read(firstFile));
    }
    Path dir = firstFile.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return found;
    }
    Pattern name = Pattern.compile(Pattern.quote(stem()) + "-(\\d{1,3})\\.key");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Matcher m = name.matcher(f.getFileName().toString());
        if (m.matches()) {
          int version = Integer.parseInt(m.group(1));
          checkVersion(version, f.toString());
          found.put(version, read(f));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /**
   * The command {@code --huhang.new-data-key=N}: writes version N's key file unless it exists. N
   * must be newer than every version there is; an N the database knows without its file is a lost
   * file, never replaced by a new key.
   */
  private void makeNewVersion(
      SortedMap<Integer, byte[]> keys, SortedMap<Integer, DataKeyConfiguration.Stored> stored) {
    String wanted = env.getProperty(NEW_VERSION);
    if (!StringUtils.hasText(wanted)) {
      return;
    }
    int version;
    try {
      version = Integer.parseInt(wanted.strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "--huhang.new-data-key 须是版本号（2 到 255）。It takes a version number, 2 to 255.");
    }
    if (version < 2 || version > PersonalDataProtector.MAX_VERSION) {
      throw new IllegalStateException(
          "--huhang.new-data-key 须是版本号（2 到 255）。It takes a version number, 2 to 255.");
    }
    if (keys.containsKey(version)) {
      return;
    }
    if (stored.containsKey(version)) {
      throw missingFile(version);
    }
    int newest =
        Math.max(keys.isEmpty() ? 0 : keys.lastKey(), stored.isEmpty() ? 0 : stored.lastKey());
    if (version <= newest) {
      throw new IllegalStateException(
          "新的数据密钥版本须大于现有的最大版本 "
              + newest
              + "。The new data key version must be newer than version "
              + newest
              + ".");
    }
    keys.put(version, create(fileOf(version)));
  }

  static SortedMap<Integer, byte[]> listed(String text) {
    SortedMap<Integer, byte[]> keys = new TreeMap<>();
    if (!StringUtils.hasText(text)) {
      return keys;
    }
    for (String item : text.strip().split("[,;\\s]+")) {
      int colon = item.indexOf(':');
      if (colon < 1) {
        throw new IllegalStateException(
            "HUHANG_DATA_KEYS 的格式是 版本:密钥,版本:密钥（如 2:Base64）。"
                + " HUHANG_DATA_KEYS lists version:key pairs, such as 2:base64.");
      }
      int version;
      try {
        version = Integer.parseInt(item.substring(0, colon).strip());
      } catch (NumberFormatException e) {
        throw new IllegalStateException(
            "HUHANG_DATA_KEYS 中的版本号须是数字。A version in HUHANG_DATA_KEYS is a number.");
      }
      if (version == 1) {
        throw new IllegalStateException(
            "版本 1 的密钥用 HUHANG_DATA_KEY 设置，HUHANG_DATA_KEYS 从版本 2 开始。"
                + " Version 1 is HUHANG_DATA_KEY; HUHANG_DATA_KEYS starts at version 2.");
      }
      checkVersion(version, "HUHANG_DATA_KEYS");
      if (keys.put(version, decode(item.substring(colon + 1), "HUHANG_DATA_KEYS " + version))
          != null) {
        throw new IllegalStateException(
            "HUHANG_DATA_KEYS 中版本 " + version + " 出现了两次。Version " + version + " is listed twice.");
      }
    }
    return keys;
  }

  private static void checkVersion(int version, String where) {
    if (version < 1 || version > PersonalDataProtector.MAX_VERSION) {
      throw new IllegalStateException(
          "数据密钥版本须在 1 到 255 之间（" + where + "）。A data key version is between 1 and 255.");
    }
  }

  private static byte[] decode(String text, String where) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      key = new byte[0];
    }
    if (key.length != 32) {
      throw new IllegalStateException(where + " must be 32 bytes, base64-encoded");
    }
    return key;
  }

  private static byte[] read(Path file) {
    try {
      return decode(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new random key in a file only its owner reads. */
  private static byte[] create(Path file) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try {
      Files.createDirectories(file.getParent());
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the file gets its default permissions
        Files.createFile(file);
      }
      Files.writeString(file, Base64.getEncoder().encodeToString(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    log.warn(
        "Created the data key file {}: back it up, the personal data cannot be read without it",
        file);
    return key;
  }
}

package org.huhang.shared.person;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/**
 * Where the data key comes from: {@code HUHANG_DATA_KEY} (base64, 32 bytes) when set; otherwise, on
 * the embedded database only, a key file under ./data created on first start. The database keeps
 * the key fingerprint, so a lost key file or a wrong key stops the start instead of making the
 * stored data unreadable or mixing two keys.
 */
@Configuration(proxyBeanMethods = false)
class DataKeyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DataKeyConfiguration.class);

  @Bean
  @DependsOnDatabaseInitialization
  PersonalDataProtector personalDataProtector(Environment env, JdbcClient jdbc) {
    Optional<String> stored =
        jdbc.sql("select fingerprint from kernel.data_key where id = 1")
            .query(String.class)
            .optional();
    byte[] key = loadKey(env, stored.isPresent());
    PersonalDataProtector protector = new PersonalDataProtector(key);
    if (stored.isEmpty()) {
      jdbc.sql("insert into kernel.data_key (id, fingerprint) values (1, :f)")
          .param("f", protector.fingerprint())
          .update();
    } else if (!stored.get().equals(protector.fingerprint())) {
      throw new IllegalStateException(
          "数据密钥与数据库中已加密的数据不符，拒绝启动。The data key does not match the one the stored data was encrypted with.");
    }
    return protector;
  }

  private static byte[] loadKey(Environment env, boolean dataExists) {
    String configured = env.getProperty("huhang.data-key", env.getProperty("HUHANG_DATA_KEY"));
    if (StringUtils.hasText(configured)) {
      byte[] key = Base64.getDecoder().decode(configured.strip());
      if (key.length != 32) {
        throw new IllegalStateException("HUHANG_DATA_KEY must be 32 bytes, base64-encoded");
      }
      return key;
    }
    if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
      throw new IllegalStateException(
          "使用外部数据库时必须设置 HUHANG_DATA_KEY（32字节，Base64）。Set HUHANG_DATA_KEY (32 bytes, base64) with an external database.");
    }
    Path file =
        Path.of(env.getProperty("huhang.data-key-file", "data/huhang-data.key")).toAbsolutePath();
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file).strip());
      }
      if (dataExists) {
        throw new IllegalStateException(
            "数据密钥文件 "
                + file
                + " 丢失：数据库中的个人信息无法解密，拒绝启动。请从备份恢复该文件。"
                + " The data key file is missing; restore it from a backup.");
      }
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Files.createDirectories(file.getParent());
      Files.writeString(file, Base64.getEncoder().encodeToString(key));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the file stays with its default permissions
      }
      log.warn(
          "Created the data key file {}: back it up, the personal data cannot be read without it",
          file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.huhang.shared.person;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data key and its versions at start-up. Where each version comes from is {@link
 * DataKeySources} (version 1 from HUHANG_DATA_KEY or the key file; later versions from
 * HUHANG_DATA_KEYS or their own key files). The database keeps each version's fingerprint, so the
 * start is refused when a configured key is not the one its version's data was sealed with, or when
 * a version that is not retired has no key: a lost key file or a wrong key stops the start instead
 * of making the stored data unreadable or mixing two keys. A new version is recorded at its first
 * start and seals new data from then on.
 *
 * <p>The lookup key of the keyed hashes comes from the first version's key and never changes. It is
 * also kept in the database sealed under every later version, so once the first version is retired
 * its key may go: the lookup key is then opened with a later version and checked against the first
 * version's fingerprint.
 */
@Configuration(proxyBeanMethods = false)
class DataKeyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DataKeyConfiguration.class);

  /** What the database knows of one version. */
  record Stored(int version, String fingerprint, byte[] lookupKeySealed, boolean retired) {}

  @Bean
  @DependsOnDatabaseInitialization
  PersonalDataProtector personalDataProtector(Environment env, JdbcClient jdbc) {
    SortedMap<Integer, Stored> stored = stored(jdbc);
    DataKeySources sources = new DataKeySources(env);
    SortedMap<Integer, byte[]> keys = sources.load(stored);

    for (Map.Entry<Integer, byte[]> e : keys.entrySet()) {
      Stored known = stored.get(e.getKey());
      if (known != null
          && !known.fingerprint().equals(PersonalDataProtector.fingerprintOf(e.getValue()))) {
        throw new IllegalStateException(
            "数据密钥与数据库中已加密的数据不符，拒绝启动（密钥版本 "
                + e.getKey()
                + "）。The data key of version "
                + e.getKey()
                + " does not match the one the stored data was encrypted with.");
      }
    }
    for (Stored s : stored.values()) {
      if (!s.retired() && !keys.containsKey(s.version())) {
        throw new IllegalStateException(
            "数据密钥版本 "
                + s.version()
                + " 仍在使用（数据库中未停用），但没有配置它的密钥，拒绝启动。"
                + sources.whereToConfigure(s.version())
                + " Data key version "
                + s.version()
                + " is not retired in the database but its key is not configured.");
      }
    }
    int active = keys.lastKey();
    if (stored.containsKey(active) && stored.get(active).retired()) {
      throw new IllegalStateException(
          "最新配置的数据密钥版本 "
              + active
              + " 已停用，不能再用它加密新数据；请配置一个新的版本。"
              + " The newest configured data key version "
              + active
              + " was retired; configure a newer one.");
    }

    PersonalDataProtector protector =
        new PersonalDataProtector(keys, lookupKey(stored, keys, sources));
    record(jdbc, stored, keys, protector);
    log.info("Data key versions configured: {}; version {} seals new data", keys.keySet(), active);
    return protector;
  }

  /**
   * The lookup key: derived from the first version's key when it is configured; else opened from
   * its copy sealed under a configured version and checked against the first version's fingerprint.
   */
  private static byte[] lookupKey(
      SortedMap<Integer, Stored> stored, SortedMap<Integer, byte[]> keys, DataKeySources sources) {
    int first = stored.isEmpty() ? keys.firstKey() : stored.firstKey();
    if (keys.containsKey(first)) {
      return PersonalDataProtector.lookupKeyOf(keys.get(first));
    }
    PersonalDataProtector opener = PersonalDataProtector.withVersions(keys);
    for (Stored s : stored.values()) {
      if (s.lookupKeySealed() != null && keys.containsKey(s.version())) {
        byte[] material = opener.decryptBytes(s.lookupKeySealed());
        if (PersonalDataProtector.fingerprintOfLookupKey(material)
            .equals(stored.get(first).fingerprint())) {
          return material;
        }
      }
    }
    throw new IllegalStateException(
        "查找用的密钥无法取得：数据密钥版本 "
            + first
            + " 的密钥没有配置，数据库中也没有用已配置的版本保存的查找密钥。"
            + sources.whereToConfigure(first)
            + " The lookup key cannot be had: version "
            + first
            + " is not configured and no configured version keeps a copy of it.");
  }

  /**
   * Records the versions seen for the first time, and keeps the lookup key sealed under every
   * configured version. Two instances starting with a new version at once: the first row wins and
   * the other start compares with it.
   */
  private static void record(
      JdbcClient jdbc,
      SortedMap<Integer, Stored> stored,
      SortedMap<Integer, byte[]> keys,
      PersonalDataProtector protector) {
    for (Map.Entry<Integer, byte[]> e : keys.entrySet()) {
      int version = e.getKey();
      Stored known = stored.get(version);
      if (known == null) {
        String fingerprint = PersonalDataProtector.fingerprintOf(e.getValue());
        jdbc.sql(
                """
                insert into kernel.data_key_version
                       (version, fingerprint, lookup_key_sealed)
                values (:v, :f, :lookup)
                on conflict (version) do nothing""")
            .param("v", version)
            .param("f", fingerprint)
            .param("lookup", protector.sealedLookupKey(version))
            .update();
        String recorded =
            jdbc.sql("select fingerprint from kernel.data_key_version where version = :v")
                .param("v", version)
                .query(String.class)
                .single();
        if (!recorded.equals(fingerprint)) {
          throw new IllegalStateException(
              "数据密钥与数据库中已加密的数据不符，拒绝启动（密钥版本 "
                  + version
                  + " 刚由另一个实例以不同的密钥记录）。Another instance recorded version "
                  + version
                  + " with a different key.");
        }
        if (version > 1 || !stored.isEmpty()) {
          log.warn(
              "Data key version {} recorded: new data is sealed with it; the rotation job"
                  + " re-encrypts the older data (page /privacy/keys)",
              version);
        }
      } else if (known.lookupKeySealed() == null) {
        jdbc.sql(
                "update kernel.data_key_version set lookup_key_sealed = :lookup"
                    + " where version = :v and lookup_key_sealed is null")
            .param("v", version)
            .param("lookup", protector.sealedLookupKey(version))
            .update();
      }
    }
  }

  private static SortedMap<Integer, Stored> stored(JdbcClient jdbc) {
    Map<Integer, Stored> rows = new LinkedHashMap<>();
    jdbc.sql(
            """
            select version, fingerprint, lookup_key_sealed, retired_at is not null as retired
              from kernel.data_key_version order by version""")
        .query(
            (rs, n) ->
                new Stored(
                    rs.getInt("version"),
                    rs.getString("fingerprint"),
                    rs.getBytes("lookup_key_sealed"),
                    rs.getBoolean("retired")))
        .list()
        .forEach(s -> rows.put(s.version(), s));
    return new TreeMap<>(rows);
  }
}

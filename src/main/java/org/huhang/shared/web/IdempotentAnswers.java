package org.huhang.shared.web;

import java.util.Optional;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code kernel.idempotent_request}: a key claimed inside the request's transaction,
 * the first answer stored with the request's writes, 24 hours kept.
 */
@Component
class IdempotentAnswers {

  /** How long a key answers with its first answer. */
  static final String KEPT = "24 hours";

  record Answer(byte[] fingerprint, int status, String headers, byte[] body) {}

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;

  IdempotentAnswers(JdbcClient jdbc, PersonalDataProtector protector) {
    this.jdbc = jdbc;
    this.protector = protector;
  }

  /**
   * Claims the key for this request, or answers with the request that had it. A claim by a request
   * still running waits here until that request commits (then its answer) or rolls back (then the
   * key is ours). Must run inside the request's transaction.
   */
  Optional<Answer> claim(String user, String key, byte[] fingerprint) {
    for (int attempt = 0; ; attempt++) {
      int claimed =
          jdbc.sql(
                  "insert into kernel.idempotent_request (user_key, request_key, fingerprint, status)"
                      + " values (:user, :key, :fingerprint, 0) on conflict do nothing")
              .param("user", user)
              .param("key", key)
              .param("fingerprint", fingerprint)
              .update();
      if (claimed == 1) {
        return Optional.empty();
      }
      Optional<Answer> first =
          jdbc.sql(
                  "select fingerprint, status, headers, body_cipher,"
                      + " created_at < now() - cast(:kept as interval) as expired"
                      + " from kernel.idempotent_request where user_key = :user and request_key = :key")
              .param("user", user)
              .param("key", key)
              .param("kept", KEPT)
              .query(
                  (rs, n) ->
                      rs.getBoolean("expired")
                          ? null
                          : new Answer(
                              rs.getBytes("fingerprint"),
                              rs.getInt("status"),
                              rs.getString("headers") == null ? "" : rs.getString("headers"),
                              rs.getBytes("body_cipher") == null
                                  ? new byte[0]
                                  : protector.decryptBytes(rs.getBytes("body_cipher"))))
              .optional();
      if (first.isPresent()) {
        return first;
      }
      if (attempt > 0) {
        throw new IllegalStateException("the idempotency key could not be claimed");
      }
      // Expired (or released meanwhile): forget it and claim it afresh.
      jdbc.sql(
              "delete from kernel.idempotent_request where user_key = :user and request_key = :key"
                  + " and created_at < now() - cast(:kept as interval)")
          .param("user", user)
          .param("key", key)
          .param("kept", KEPT)
          .update();
    }
  }

  void store(String user, String key, int status, String headers, byte[] body) {
    jdbc.sql(
            "update kernel.idempotent_request set status = :status, headers = :headers,"
                + " body_cipher = :body where user_key = :user and request_key = :key")
        .param("status", status)
        .param("headers", headers)
        .param("body", body.length == 0 ? null : protector.encryptBytes(body))
        .param("user", user)
        .param("key", key)
        .update();
  }

  void release(String user, String key) {
    jdbc.sql("delete from kernel.idempotent_request where user_key = :user and request_key = :key")
        .param("user", user)
        .param("key", key)
        .update();
  }

  /** Keys older than a day are forgotten; every instance may run this, it only deletes. */
  @Scheduled(fixedDelay = 10 * 60 * 1000, initialDelay = 60 * 1000)
  void forgetOldKeys() {
    jdbc.sql(
            "delete from kernel.idempotent_request where created_at < now() - cast(:kept as interval)")
        .param("kept", KEPT)
        .update();
  }
}

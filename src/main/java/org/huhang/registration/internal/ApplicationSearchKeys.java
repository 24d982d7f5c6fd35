package org.huhang.registration.internal;

import java.util.List;
import java.util.UUID;
import org.huhang.shared.person.PersonalDataProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the search keys and number hashes of applications written before they existed (V16): the
 * hashes need the data key, so SQL alone cannot. Runs at start, in batches, and does nothing once
 * every application has them; several instances may run it, each row is written once either way.
 */
@Component
@Order(5)
class ApplicationSearchKeys implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ApplicationSearchKeys.class);
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;
  private final TransactionTemplate transactions;

  ApplicationSearchKeys(
      JdbcClient jdbc, PersonalDataProtector protector, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.protector = protector;
    this.transactions = transactions;
  }

  private record Missing(
      UUID id, String nameA, String nameB, byte[] idA, byte[] idB, byte[] phoneA, byte[] phoneB) {}

  @Override
  public void run(ApplicationArguments args) {
    int filled = 0;
    for (int done = BATCH; done == BATCH; ) {
      Integer batch = transactions.execute(status -> fillBatch());
      done = batch == null ? 0 : batch;
      filled += done;
    }
    if (filled > 0) {
      log.info("Filled the search keys of {} applications recorded before the name search", filled);
    }
  }

  private int fillBatch() {
    List<Missing> rows =
        jdbc.sql(
                """
                select id, a_name, b_name, a_id_cipher, b_id_cipher, a_phone_cipher, b_phone_cipher
                from registration.divorce_application where a_id_hash is null
                order by id limit :batch for update skip locked""")
            .param("batch", BATCH)
            .query(
                (rs, n) ->
                    new Missing(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBytes(4),
                        rs.getBytes(5),
                        rs.getBytes(6),
                        rs.getBytes(7)))
            .list();
    for (Missing m : rows) {
      jdbc.sql(
              """
              update registration.divorce_application set search_keys = :keys,
                a_id_hash = :idA, b_id_hash = :idB, a_phone_hash = :phoneA, b_phone_hash = :phoneB
              where id = :id""")
          .param("keys", DivorceApplication.searchKeys(m.nameA(), m.nameB()).toArray(String[]::new))
          .param("idA", hash(m.idA()))
          .param("idB", hash(m.idB()))
          .param("phoneA", hash(m.phoneA()))
          .param("phoneB", hash(m.phoneB()))
          .param("id", m.id())
          .update();
    }
    return rows.size();
  }

  private byte[] hash(byte[] sealed) {
    return sealed == null ? null : protector.lookupHash(protector.decrypt(sealed));
  }
}

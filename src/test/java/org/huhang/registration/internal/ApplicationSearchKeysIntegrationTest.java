package org.huhang.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Applications recorded before the name search get their keys and hashes at the next start. */
class ApplicationSearchKeysIntegrationTest extends IntegrationTest {

  @Autowired ApplicationSearchKeys backfill;
  @Autowired JdbcClient jdbc;

  @Test
  void applicationsWithoutKeysAreFilledOnceAndKeepTheirHashes() throws Exception {
    record Keys(int keys, byte[] idA, byte[] phoneA) {}
    String sql =
        "select cardinality(search_keys), a_id_hash, a_phone_hash from registration.divorce_application"
            + " where a_phone_hash is not null order by id limit 1";
    Keys before =
        jdbc.sql(sql)
            .query((rs, n) -> new Keys(rs.getInt(1), rs.getBytes(2), rs.getBytes(3)))
            .single();
    assertThat(before.keys()).isPositive();
    long emptied =
        jdbc.sql(
                "update registration.divorce_application set search_keys = '{}', a_id_hash = null,"
                    + " b_id_hash = null, a_phone_hash = null, b_phone_hash = null")
            .update();
    assertThat(emptied).isPositive();

    backfill.run(null);

    assertThat(
            jdbc.sql(
                    "select count(*) from registration.divorce_application"
                        + " where a_id_hash is null or cardinality(search_keys) = 0")
                .query(Long.class)
                .single())
        .isZero();
    Keys after =
        jdbc.sql(sql)
            .query((rs, n) -> new Keys(rs.getInt(1), rs.getBytes(2), rs.getBytes(3)))
            .single();
    assertThat(after.keys()).isEqualTo(before.keys());
    assertThat(after.idA()).isEqualTo(before.idA());
    assertThat(after.phoneA()).isEqualTo(before.phoneA());
  }
}

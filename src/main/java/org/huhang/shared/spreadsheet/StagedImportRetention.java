package org.huhang.shared.spreadsheet;

import java.sql.Timestamp;
import java.time.Instant;
import org.huhang.shared.retention.RetainedRecords;
import org.huhang.shared.retention.RetentionUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Uploaded files waiting for confirmation (names, numbers of a whole import): deleted after hours.
 * {@link StagedImports} itself never keeps one longer than {@code KEEP_STAGED}; a shorter policy
 * deletes them sooner. Staged rows carry no region: every run covers them all.
 */
@Component
class StagedImportRetention implements RetainedRecords {

  private final JdbcClient jdbc;

  StagedImportRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String kind() {
    return "IMPORT_STAGING";
  }

  @Override
  public int defaultKeep() {
    return (int) StagedImports.KEEP_STAGED.toHours();
  }

  @Override
  public RetentionUnit unit() {
    return RetentionUnit.HOURS;
  }

  @Override
  public long countDue(Instant cutoff, String scope) {
    return jdbc.sql("select count(*) from kernel.import_staging where uploaded_at <= :before")
        .param("before", Timestamp.from(cutoff))
        .query(Long.class)
        .single();
  }

  @Override
  public int anonymiseDue(Instant cutoff, String scope, int batch) {
    return jdbc.sql(
            """
            delete from kernel.import_staging where id in (
              select id from kernel.import_staging where uploaded_at <= :before
               limit :n for update skip locked)""")
        .param("before", Timestamp.from(cutoff))
        .param("n", batch)
        .update();
  }
}

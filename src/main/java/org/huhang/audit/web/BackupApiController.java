package org.huhang.audit.web;

import java.util.Map;
import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.database.EmbeddedBackups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/system/backups}: a backup of the embedded database for a script (a nightly
 * cron with the city administrator's personal token: {@code curl -X POST -H "Authorization: Bearer
 * …"}); 201 with the archive's name, size and the fingerprint of the data key it needs; 409 while
 * another is written or with an external database.
 */
@RestController
class BackupApiController {

  private final ObjectProvider<EmbeddedBackups> backups;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  BackupApiController(
      ObjectProvider<EmbeddedBackups> backups, AuditTrail audit, TransactionTemplate transactions) {
    this.backups = backups;
    this.audit = audit;
    this.transactions = transactions;
  }

  @PostMapping("/api/v1/system/backups")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> backup(Actor actor) {
    EmbeddedBackups.Backup backup = BackupPageController.write(actor, backups, audit, transactions);
    return Map.of(
        "name", backup.name(),
        "bytes", backup.bytes(),
        "createdAt", backup.createdAt().toString(),
        "keyFingerprint", backup.keyFingerprint());
  }
}

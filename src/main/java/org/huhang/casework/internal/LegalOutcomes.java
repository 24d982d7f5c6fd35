package org.huhang.casework.internal;

import java.util.UUID;
import org.huhang.registration.ApplicationDecided;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A cooling-off case takes its legal outcome from its application: registration announces the
 * decision ({@link ApplicationDecided}) and the case with that application records it. Never typed
 * by hand. An application without a case (no counseling) is nothing to casework.
 */
@Component
class LegalOutcomes {

  private final JdbcClient jdbc;
  private final CaseFile cases;

  LegalOutcomes(JdbcClient jdbc, CaseFile cases) {
    this.jdbc = jdbc;
    this.cases = cases;
  }

  @ApplicationModuleListener
  void on(ApplicationDecided event) {
    jdbc.sql("select id from casework.counseling_case where application_id = :a")
        .param("a", event.applicationId().value())
        .query(UUID.class)
        .optional()
        .ifPresent(
            id -> {
              CounselingCase caze = cases.load(id);
              caze.recordLegalOutcome(event.outcome().name(), event.on());
              // A conflict with someone saving the case throws: the publication stays incomplete
              // and is delivered again, never lost.
              cases.save(caze);
            });
  }
}

package org.huhang.casework.internal;

import java.util.UUID;
import org.huhang.casework.ConsentPurpose;
import org.huhang.casework.PartyRole;
import org.huhang.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a party's consent for a purpose is in force (given and not withdrawn). Notes and
 * screening answers about a party are refused by the server without its consent to sensitive
 * processing.
 */
@Component
public class ConsentGate {

  private final JdbcClient jdbc;

  ConsentGate(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean inForce(UUID caseId, PartyRole party, ConsentPurpose purpose) {
    return jdbc.sql(
                """
                select count(*) from casework.consent
                 where case_id = :case and party = :party and purpose = :purpose
                   and withdrawn_at is null""")
            .param("case", caseId)
            .param("party", party.name())
            .param("purpose", purpose.name())
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Refuses (422, on {@code field}) unless the party consented to the processing of its sensitive
   * information: "no notes or screening answers about a party without its consent".
   */
  public void requireSensitive(UUID caseId, PartyRole party, String field) {
    if (!inForce(caseId, party, ConsentPurpose.SENSITIVE_PROCESSING)) {
      throw DomainException.of(field, "consent.sensitive.missing." + party.name());
    }
  }
}

package org.huhang.casework.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.huhang.casework.PartyRole;
import org.huhang.casework.Risk;
import org.huhang.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies {@link JointSessionRule} to a case as stored: its parties, who was screened, its risk and
 * a manager's approval. A refused joint session is a conflict (409) with the reason.
 */
@Component
public class SafetyGate {

  private final JdbcClient jdbc;

  SafetyGate(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The reason a joint session is refused now, as a message key; null when allowed. */
  public String jointRefusal(UUID caseId) {
    Set<PartyRole> parties = EnumSet.noneOf(PartyRole.class);
    jdbc.sql("select role from casework.case_party where case_id = :id")
        .param("id", caseId)
        .query(
            rs -> {
              parties.add(PartyRole.valueOf(rs.getString("role")));
            });
    Set<PartyRole> screened = EnumSet.noneOf(PartyRole.class);
    jdbc.sql("select distinct party from casework.screening where case_id = :id")
        .param("id", caseId)
        .query(
            rs -> {
              screened.add(PartyRole.valueOf(rs.getString("party")));
            });
    var row =
        jdbc.sql(
                "select risk, joint_approved_at is not null as approved"
                    + " from casework.counseling_case where id = :id")
            .param("id", caseId)
            .query((rs, n) -> new Object[] {Risk.valueOf(rs.getString(1)), rs.getBoolean(2)})
            .single();
    return JointSessionRule.refusal(parties, screened, (Risk) row[0], (Boolean) row[1])
        .orElse(null);
  }

  /** Refuses a joint session the safety rules forbid: 409 with the reason on {@code field}. */
  public void requireJointAllowed(UUID caseId, String field) {
    String refusal = jointRefusal(caseId);
    if (refusal != null) {
      throw ConflictException.of(field, refusal);
    }
  }
}

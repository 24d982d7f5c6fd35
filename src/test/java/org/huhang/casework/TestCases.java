package org.huhang.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.casework.internal.CaseFile;
import org.huhang.shared.Actor;
import org.huhang.shared.ActorHolder;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Cases for tests, as 无棣's center manager opens them at its center, with counselor-371623 on the
 * team (the team part is someone else's), and consents and screenings written as rows.
 */
public record TestCases(
    CaseFile cases, JdbcClient jdbc, UserDetailsService users, PersonalDataProtector protector) {

  public UUID userId(String username) {
    return jdbc.sql("select id from identity.app_user where username = :u")
        .param("u", username)
        .query(UUID.class)
        .single();
  }

  /** A walk-in couple at manager-371623's center; counselor-371623 leads it when {@code team}. */
  public UUID couple(String a, String b, boolean team) {
    UUID center =
        jdbc.sql(
                """
                select c.id from center.center c join identity.app_user u on u.id = c.manager_user_id
                 where u.username = 'manager-371623' order by c.created_at, c.name limit 1""")
            .query(UUID.class)
            .single();
    var principal = users.loadUserByUsername("manager-371623");
    Actor manager = ((ActorHolder) principal).actor();
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
    CaseId id;
    try {
      id =
          cases.open(
              new OpenCase(
                  center,
                  CaseStage.MARRIAGE,
                  CaseSource.WALK_IN,
                  List.of(),
                  List.of(
                      new CaseParty(
                          PartyRole.A, a, Gender.MALE, LocalDate.of(1985, 5, 5), null, null),
                      new CaseParty(
                          PartyRole.B, b, Gender.FEMALE, LocalDate.of(1987, 6, 6), null, null)),
                  List.of(),
                  null),
              manager);
    } finally {
      SecurityContextHolder.clearContext();
    }
    if (team) {
      jdbc.sql(
              """
              insert into casework.team_member (id, case_id, volunteer_id, user_id, name, lead,
                     assigned_by, assigned_at)
              values (gen_random_uuid(), :case, gen_random_uuid(), :user, '无棣县辅导员', true,
                      'manager-371623', now())""")
          .param("case", id.value())
          .param("user", userId("counselor-371623"))
          .update();
    }
    return id.value();
  }

  /** A screening of the party with this result; the case keeps the highest risk found. */
  public void screened(UUID caseId, PartyRole party, Risk risk) {
    jdbc.sql(
            """
            insert into casework.screening (id, case_id, party, answers_cipher, risk, screened_at,
                   screened_by)
            values (gen_random_uuid(), :case, :party, :cipher, :risk, now(), 'counselor-371623')""")
        .param("case", caseId)
        .param("party", party.name())
        .param("cipher", protector.encrypt("{}"))
        .param("risk", risk.name())
        .update();
    jdbc.sql(
            """
            update casework.counseling_case set risk = :risk
             where id = :case and (risk = 'UNSCREENED' or (risk = 'LOW' and :risk <> 'LOW')
                   or (risk = 'ELEVATED' and :risk = 'HIGH'))""")
        .param("case", caseId)
        .param("risk", risk.name())
        .update();
  }

  /** The party's consent to the processing of its sensitive information. */
  public void consented(UUID caseId, PartyRole party) {
    jdbc.sql(
            """
            insert into casework.consent (id, case_id, party, purpose, given_at, recorded_by)
            values (gen_random_uuid(), :case, :party, 'SENSITIVE_PROCESSING', now(),
                    'counselor-371623')""")
        .param("case", caseId)
        .param("party", party.name())
        .update();
  }
}

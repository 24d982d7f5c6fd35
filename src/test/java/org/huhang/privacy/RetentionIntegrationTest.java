package org.huhang.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.privacy.internal.Retention;
import org.huhang.reporting.Reporting;
import org.huhang.reporting.StatsSummary;
import org.huhang.shared.Actor;
import org.huhang.shared.Role;
import org.huhang.shared.person.PersonalDataProtector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Retention: cases closed years ago are anonymised in a run, their people and texts gone, their
 * counts kept, so every figure of the region is the same number before and after; a second run
 * finds nothing; the city administrator sets the periods and sees what the next run would do.
 */
class RetentionIntegrationTest extends IntegrationTest {

  /** 阳信县: the generated cases live there, and the figures compared are its. */
  static final String COUNTY = "371622";

  static final String SCOPE = "/370000/371600/371622/%";

  @Autowired Retention retention;
  @Autowired Reporting reporting;
  @Autowired JdbcClient jdbc;
  @Autowired PersonalDataProtector protector;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  static Actor city() {
    return new Actor(
        null, "admin", "滨州市妇联管理员", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");
  }

  /** Closed cases of 2019–2022 at 阳信's center: parties, notes, screenings, follow-ups. */
  int generate(int n) {
    var center =
        jdbc.sql(
                "select id, region_path from center.center where region_code = :c"
                    + " order by name limit 1")
            .param("c", COUNTY)
            .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
            .single();
    Random random = new Random(16);
    String[] outcomes = {"RECONCILED", "AMICABLE_DIVORCE", "REFERRED", "LOST_CONTACT", "OTHER"};
    String[] stages = {"MARRIAGE", "DIVORCE_COOLING_OFF", "FAMILY_EDUCATION", "PREMARITAL"};
    for (int i = 0; i < n; i++) {
      UUID id = UUID.randomUUID();
      LocalDate opened = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(1300));
      LocalDate closed = opened.plusDays(20 + random.nextInt(120));
      String risk = random.nextInt(6) == 0 ? "HIGH" : "LOW";
      String outcome = outcomes[random.nextInt(outcomes.length)];
      if (risk.equals("HIGH") && outcome.equals("RECONCILED")) {
        outcome = "REFERRED";
      }
      jdbc.sql(
              """
              insert into casework.counseling_case
                     (id, center_id, region_path, stage, status, opened_by, opened_on, created_at,
                      source, risk, outcome, outcome_cipher, closed_on, closed_by)
              values (:id, :center, :path, :stage, 'CLOSED', 'generator', :opened, now(),
                      'WALK_IN', :risk, :outcome, :arrangements, :closed, 'generator')""")
          .param("id", id)
          .param("center", center[0])
          .param("path", center[1])
          .param("stage", stages[random.nextInt(stages.length)])
          .param("opened", opened)
          .param("risk", risk)
          .param("outcome", outcome)
          .param(
              "arrangements",
              outcome.equals("AMICABLE_DIVORCE") ? protector.encrypt("孩子随母亲生活") : null)
          .param("closed", closed)
          .update();
      for (String role : new String[] {"A", "B"}) {
        String phone = "1370000" + String.format("%04d", i * 2 + (role.equals("A") ? 0 : 1));
        jdbc.sql(
                """
                insert into casework.case_party
                       (case_id, role, name, gender, birth_date, phone_cipher, phone_hash,
                        phone_masked)
                values (:id, :role, :name, :gender, :birth, :phone, :hash, '137****0000')""")
            .param("id", id)
            .param("role", role)
            .param("name", (role.equals("A") ? "生成甲" : "生成乙") + i)
            .param("gender", role.equals("A") ? "FEMALE" : "MALE")
            .param("birth", LocalDate.of(1980 + random.nextInt(15), 1 + random.nextInt(12), 3))
            .param("phone", protector.encrypt(phone))
            .param("hash", protector.lookupHash("phone:" + phone))
            .update();
      }
      jdbc.sql(
              """
              insert into casework.session
                     (id, case_id, scheduled_at, channel, place, attendees, status, notes_cipher,
                      created_by, created_at)
              values (gen_random_uuid(), :id, :at, 'IN_PERSON', '辅导室', 'BOTH', 'HELD', :notes,
                      'generator', now())""")
          .param("id", id)
          .param("at", java.sql.Timestamp.valueOf(opened.plusDays(7).atTime(9, 0)))
          .param("notes", protector.encrypt("{\"freeNotes\":\"生成的会谈记录\"}"))
          .update();
      jdbc.sql(
              """
              insert into casework.screening
                     (id, case_id, party, answers_cipher, risk, screened_at, screened_by)
              values (gen_random_uuid(), :id, 'A', :answers, :risk, :at, 'generator')""")
          .param("id", id)
          .param("answers", protector.encrypt("{}"))
          .param("risk", risk)
          .param("at", java.sql.Timestamp.valueOf(opened.atTime(10, 0)))
          .update();
      jdbc.sql(
              """
              insert into casework.follow_up (id, case_id, months, due_on, done_on, together,
                     wellbeing_cipher, recorded_by)
              values (gen_random_uuid(), :id, 1, :due, :due, true, :note, 'generator')""")
          .param("id", id)
          .param("due", closed.plusMonths(1))
          .param("note", protector.encrypt("生活平稳"))
          .update();
    }
    return n;
  }

  @Test
  void anonymisingCasesKeepsEveryFigureOfTheRegion() {
    generate(60);
    LocalDate from = LocalDate.of(2018, 1, 1);
    LocalDate to = LocalDate.now(org.huhang.shared.LegalTime.ZONE);
    StatsSummary before = reporting.summary(COUNTY, from, to, city());
    StatsSummary cityBefore = reporting.summary("371600", from, to, city());
    long due =
        retention.policies(city()).stream()
            .filter(p -> p.kind().equals("COUNSELING_CASE"))
            .findFirst()
            .orElseThrow()
            .due();
    assertThat(due).isGreaterThanOrEqualTo(60);

    long done = retention.run("COUNSELING_CASE", SCOPE, "test");

    assertThat(done).isGreaterThanOrEqualTo(60);
    assertThat(retention.run("COUNSELING_CASE", SCOPE, "test")).isZero();
    StatsSummary after = reporting.summary(COUNTY, from, to, city());
    StatsSummary cityAfter = reporting.summary("371600", from, to, city());
    assertThat(after).usingRecursiveComparison().isEqualTo(before);
    assertThat(cityAfter).usingRecursiveComparison().isEqualTo(cityBefore);

    // The people and the texts are gone; the counts stay.
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from casework.case_party p
                      join casework.counseling_case c on c.id = p.case_id
                     where c.opened_by = 'generator'
                       and (p.name <> '已匿名' or p.phone_cipher is not null
                            or p.phone_hash is not null or extract(day from p.birth_date) <> 1)""")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from casework.session s
                      join casework.counseling_case c on c.id = s.case_id
                     where c.opened_by = 'generator'
                       and (s.notes_cipher is not null or s.place is not null)""")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from casework.counseling_case
                     where opened_by = 'generator'
                       and (anonymised_on is null or outcome_cipher is not null)""")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from audit.audit_event where action = 'retention.anonymise'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void aBookingPastItsPeriodLosesItsPersonButKeepsItsScore() {
    var center =
        jdbc.sql(
                "select id, region_path from center.center where region_code = :c"
                    + " order by name limit 1")
            .param("c", COUNTY)
            .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
            .single();
    UUID booking = UUID.randomUUID();
    jdbc.sql(
            """
            insert into selfservice.booking
                   (id, reference, center_id, region_path, phone_hash, phone_cipher, person_cipher,
                    topic, slot_date, half_day, together, safety_concern, message_cipher, status,
                    created_at, updated_at)
            values (:id, 'OLD00001', :center, :path, :hash, :phone, :person, 'RELATIONSHIP',
                    current_date - 800, 'AM', false, false, :message, 'CANCELLED', now(), now())""")
        .param("id", booking)
        .param("center", center[0])
        .param("path", center[1])
        .param("hash", protector.lookupHash("phone:13600001111"))
        .param("phone", protector.encrypt("13600001111"))
        .param("person", protector.encrypt("{\"name\":\"旧预约\"}"))
        .param("message", protector.encrypt("留言"))
        .update();
    jdbc.sql(
            """
            insert into selfservice.answer
                   (id, booking_id, kind, center_id, region_path, answers_cipher, satisfaction,
                    answered_at)
            values (gen_random_uuid(), :b, 'AFTER', :center, :path, :answers, 4.5, now())""")
        .param("b", booking)
        .param("center", center[0])
        .param("path", center[1])
        .param("answers", protector.encrypt("{}"))
        .update();

    assertThat(retention.run("BOOKING", SCOPE, "test")).isPositive();

    var row =
        jdbc.sql(
                """
                select phone_hash is null and phone_cipher is null and person_cipher is null
                       and message_cipher is null and anonymised_at is not null
                  from selfservice.booking where id = :id""")
            .param("id", booking)
            .query(Boolean.class)
            .single();
    assertThat(row).isTrue();
    assertThat(
            jdbc.sql(
                    "select satisfaction from selfservice.answer where booking_id = :b"
                        + " and answers_cipher is null")
                .param("b", booking)
                .query(java.math.BigDecimal.class)
                .single())
        .isEqualByComparingTo("4.5");
  }

  @Test
  void theCityAdministratorSetsThePeriodsAndSeesWhatTheNextRunDoes() throws Exception {
    var admin = users.loadUserByUsername("admin");
    mvc.perform(get("/privacy/retention").with(user(admin)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("下次运行将匿名化")))
        .andExpect(content().string(Matchers.containsString("辅导个案")));
    mvc.perform(
            post("/privacy/retention/COUNSELING_CASE")
                .with(user(admin))
                .with(csrf())
                .param("keep", "2"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("保留期限须在 6 到 600 个月之间")));
    mvc.perform(
            post("/privacy/retention/COUNSELING_CASE")
                .with(user(admin))
                .with(csrf())
                .param("keep", "\u0000"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(Matchers.containsString("控制字符")));
    mvc.perform(
            post("/privacy/retention/COUNSELING_CASE")
                .with(user(admin))
                .with(csrf())
                .param("keep", "48"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("select keep from privacy.retention_policy where kind = 'COUNSELING_CASE'")
                .query(Integer.class)
                .single())
        .isEqualTo(48);
    mvc.perform(
            post("/privacy/retention/COUNSELING_CASE")
                .with(user(admin))
                .with(csrf())
                .param("keep", "36"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/privacy/retention/NOT_A_KIND")
                .with(user(admin))
                .with(csrf())
                .param("keep", "12"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/privacy/retention").with(user(users.loadUserByUsername("admin-371623"))))
        .andExpect(status().isForbidden());
  }
}

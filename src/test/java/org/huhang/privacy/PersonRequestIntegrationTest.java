package org.huhang.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.person.ResidentIdNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person's request: an administrator finds the person's records across modules by identity number
 * or phone, only within its region, and exports a copy; each step audited with the request's
 * reference.
 */
class PersonRequestIntegrationTest extends IntegrationTest {

  static final String PHONE = "13500002468";
  static final String ID = "37162319850612" + "002";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired PersonalDataProtector protector;
  @Autowired UserDetailsService users;

  String idNumber() {
    return ID + ResidentIdNumber.checkCharacter(ID);
  }

  void person() {
    if (jdbc.sql("select count(*) from selfservice.booking where reference = 'RIGHTS01'")
            .query(Long.class)
            .single()
        > 0) {
      return;
    }
    var center =
        jdbc.sql("select id, region_path from center.center where name = '无棣县婚姻家庭辅导中心'")
            .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
            .single();
    jdbc.sql(
            """
            insert into selfservice.booking
                   (id, reference, center_id, region_path, phone_hash, phone_cipher, person_cipher,
                    topic, slot_date, half_day, together, safety_concern, status, created_at,
                    updated_at)
            values (gen_random_uuid(), 'RIGHTS01', :center, :path, :hash, :phone, :person,
                    'RELATIONSHIP', current_date + 2, 'AM', false, false, 'REQUESTED', now(),
                    now())""")
        .param("center", center[0])
        .param("path", center[1])
        .param("hash", protector.lookupHash("phone:" + PHONE))
        .param("phone", protector.encrypt(PHONE))
        .param(
            "person",
            protector.encrypt(
                "{\"name\":\"查询人\",\"gender\":\"FEMALE\",\"birthDate\":\"1985-06-12\"}"))
        .update();
    UUID caseId = UUID.randomUUID();
    jdbc.sql(
            """
            insert into casework.counseling_case
                   (id, center_id, region_path, stage, status, opened_by, opened_on, created_at,
                    source)
            values (:id, :center, :path, 'MARRIAGE', 'OPEN', 'rights-test', :on, now(), 'WALK_IN')""")
        .param("id", caseId)
        .param("center", center[0])
        .param("path", center[1])
        .param("on", LocalDate.of(2026, 3, 2))
        .update();
    jdbc.sql(
            """
            insert into casework.case_party
                   (case_id, role, name, gender, birth_date, id_number_cipher, id_number_hash,
                    id_number_masked)
            values (:id, 'A', '查询人', 'FEMALE', '1985-06-12', :idc, :idh, '3716**********')""")
        .param("id", caseId)
        .param("idc", protector.encrypt(idNumber()))
        .param("idh", protector.lookupHash(idNumber()))
        .update();
  }

  @Test
  void anAdministratorFindsAndCopiesAPersonsRecordsWithinItsRegion() throws Exception {
    person();
    var county = users.loadUserByUsername("admin-371623");
    mvc.perform(
            post("/privacy/requests")
                .with(user(county))
                .with(csrf())
                .param("reference", "2026-个信-001")
                .param("idNumber", idNumber())
                .param("phone", PHONE))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("辅导个案")))
        .andExpect(content().string(Matchers.containsString("网上预约")))
        .andExpect(content().string(Matchers.containsString("RIGHTS01")));
    // Another county's administrator finds nothing of it.
    mvc.perform(
            post("/privacy/requests")
                .with(user(users.loadUserByUsername("admin-371681")))
                .with(csrf())
                .param("reference", "2026-个信-002")
                .param("phone", PHONE))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("本辖区内没有与此人有关的记录")));
    // The copy, as JSON and as a PDF.
    String json =
        mvc.perform(
                post("/privacy/requests/copy")
                    .with(user(county))
                    .with(csrf())
                    .param("reference", "2026-个信-001")
                    .param("idNumber", idNumber())
                    .param("phone", PHONE)
                    .param("format", "json"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json).contains("2026-个信-001", "查询人", PHONE, idNumber(), "辅导个案", "网上预约");
    byte[] pdf =
        mvc.perform(
                post("/privacy/requests/copy")
                    .with(user(county))
                    .with(csrf())
                    .param("reference", "2026-个信-001")
                    .param("phone", PHONE)
                    .param("format", "pdf"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from audit.audit_event
                     where action in ('privacy.search', 'privacy.export')
                       and entity_id = '2026-个信-001'""")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(3);
    // The number searched is kept nowhere in the audit trail.
    assertThat(
            jdbc.sql("select count(*) from audit.audit_event where entity_id like :p")
                .param("p", "%" + PHONE + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void eachProblemIsNamedAndOnlyAdministratorsAsk() throws Exception {
    var admin = users.loadUserByUsername("admin");
    mvc.perform(
            post("/privacy/requests")
                .with(user(admin))
                .with(csrf())
                .param("reference", "<script>")
                .param("idNumber", "371623198506120029"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("申请编号只能包含")))
        .andExpect(content().string(Matchers.containsString("data-field=\"idNumber\"")));
    mvc.perform(post("/privacy/requests").with(user(admin)).with(csrf()).param("reference", "A-1"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请填写身份证号或手机号")));
    mvc.perform(get("/privacy/requests").with(user(admin))).andExpect(status().isOk());
    mvc.perform(get("/privacy/requests").with(user(users.loadUserByUsername("counselor-371623"))))
        .andExpect(status().isForbidden());
    mvc.perform(get("/privacy/requests").with(user(users.loadUserByUsername("analyst"))))
        .andExpect(status().isForbidden());
  }
}

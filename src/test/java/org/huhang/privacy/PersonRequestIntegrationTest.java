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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.reporting.Reporting;
import org.huhang.reporting.StatsSummary;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.Role;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.person.ResidentIdNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A person's request: an administrator finds the person's records across modules by identity number
 * or phone, only within its region, exports a copy, corrects a detail by the owning module's rules
 * and erases what the module lets be erased; each step audited with the request's reference. The
 * rows these tests write are their own, generated people in 无棣, and removed at the end.
 */
class PersonRequestIntegrationTest extends IntegrationTest {

  static final String PHONE = "13500002468";
  static final String ID = "37162319850612" + "002";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired PersonalDataProtector protector;
  @Autowired UserDetailsService users;
  @Autowired Reporting reporting;

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

  // ---- correction and erasure -----------------------------------------------------------------

  /** A generated person of 无棣: a valid identity number of the sequence given, a mobile number. */
  record Someone(String idNumber, String phone) {

    static Someone numbered(int seq) {
      String first17 = "37162319850612" + String.format("%03d", seq * 2);
      return new Someone(
          first17 + ResidentIdNumber.checkCharacter(first17),
          "1350001" + String.format("%04d", seq));
    }
  }

  /** What the tests wrote, removed at the end of each so that no other test sees it. */
  final List<UUID> casesMade = new ArrayList<>();

  final List<UUID> bookingsMade = new ArrayList<>();
  final List<UUID> volunteersMade = new ArrayList<>();

  Object[] wudiCenter() {
    return jdbc.sql("select id, region_path from center.center where name = '无棣县婚姻家庭辅导中心'")
        .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
        .single();
  }

  /** A case in 无棣 with the person as party A and, if given, another as party B. */
  UUID caseOf(Someone a, Someone b, boolean closed) {
    Object[] center = wudiCenter();
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into casework.counseling_case
                   (id, center_id, region_path, stage, status, opened_by, opened_on, created_at,
                    source, risk, outcome, closed_on, closed_by)
            values (:id, :center, :path, 'MARRIAGE', :status, 'rights-test', :on, now(),
                    'WALK_IN', 'LOW', :outcome, :closed, :closedBy)""")
        .param("id", id)
        .param("center", center[0])
        .param("path", center[1])
        .param("status", closed ? "CLOSED" : "OPEN")
        .param("on", LocalDate.of(2025, 1, 10))
        .param("outcome", closed ? "RECONCILED" : null)
        .param("closed", closed ? LocalDate.of(2025, 3, 1) : null)
        .param("closedBy", closed ? "rights-test" : null)
        .update();
    casesMade.add(id);
    party(id, "A", a, "甲当事人");
    if (b != null) {
      party(id, "B", b, "乙当事人");
    }
    jdbc.sql(
            """
            insert into casework.session
                   (id, case_id, scheduled_at, channel, place, attendees, status, notes_cipher,
                    created_by, created_at)
            values (gen_random_uuid(), :id, :at, 'IN_PERSON', '辅导室', 'BOTH', 'HELD', :notes,
                    'rights-test', now())""")
        .param("id", id)
        .param("at", java.sql.Timestamp.valueOf(LocalDate.of(2025, 1, 17).atTime(9, 0)))
        .param("notes", protector.encrypt("{\"freeNotes\":\"会谈记录\"}"))
        .update();
    for (String role : b == null ? new String[] {"A"} : new String[] {"A", "B"}) {
      jdbc.sql(
              """
              insert into casework.screening
                     (id, case_id, party, answers_cipher, risk, screened_at, screened_by)
              values (gen_random_uuid(), :id, :role, :answers, 'LOW', now(), 'rights-test')""")
          .param("id", id)
          .param("role", role)
          .param("answers", protector.encrypt("{}"))
          .update();
    }
    return id;
  }

  void party(UUID caseId, String role, Someone p, String name) {
    jdbc.sql(
            """
            insert into casework.case_party
                   (case_id, role, name, gender, birth_date, id_number_cipher, id_number_hash,
                    id_number_masked, phone_cipher, phone_hash, phone_masked)
            values (:id, :role, :name, 'FEMALE', '1985-06-12', :idc, :idh, '371623********0000',
                    :pc, :ph, '135****0000')""")
        .param("id", caseId)
        .param("role", role)
        .param("name", name)
        .param("idc", protector.encrypt(p.idNumber()))
        .param("idh", protector.lookupHash(p.idNumber()))
        .param("pc", protector.encrypt(p.phone()))
        .param("ph", protector.lookupHash(p.phone()))
        .update();
  }

  /** A booking of the person's number at 无棣's center, waiting for the manager, with an answer. */
  UUID bookingOf(Someone p, String reference) {
    Object[] center = wudiCenter();
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into selfservice.booking
                   (id, reference, center_id, region_path, phone_hash, phone_cipher, person_cipher,
                    topic, slot_date, half_day, together, safety_concern, message_cipher, status,
                    created_at, updated_at)
            values (:id, :ref, :center, :path, :hash, :phone, :person, 'RELATIONSHIP',
                    current_date + 5, 'AM', false, false, :message, 'REQUESTED', now(), now())""")
        .param("id", id)
        .param("ref", reference)
        .param("center", center[0])
        .param("path", center[1])
        .param("hash", protector.lookupHash("phone:" + p.phone()))
        .param("phone", protector.encrypt(p.phone()))
        .param(
            "person",
            protector.encrypt(
                "{\"name\":\"预约人\",\"gender\":\"FEMALE\",\"birthDate\":\"1985-06-12\"}"))
        .param("message", protector.encrypt("想谈谈"))
        .update();
    jdbc.sql(
            """
            insert into selfservice.answer
                   (id, booking_id, kind, center_id, region_path, answers_cipher, satisfaction,
                    answered_at)
            values (gen_random_uuid(), :b, 'BEFORE', :center, :path, :answers, null, now())""")
        .param("b", id)
        .param("center", center[0])
        .param("path", center[1])
        .param("answers", protector.encrypt("{}"))
        .update();
    bookingsMade.add(id);
    return id;
  }

  /** A volunteer of 无棣 registered under the person's number, with a certificate and hours. */
  UUID volunteerOf(Someone p, String status) {
    Object[] center = wudiCenter();
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into volunteer.volunteer
                   (id, name, sort_key, search_keys, gender, birth_date, id_number_cipher,
                    id_number_hash, id_number_masked, phone_cipher, phone_masked, background,
                    center_id, region_path, status, joined_on, created_at, updated_at)
            values (:id, '志愿者甲', 'zhiyuanzhejia', array['志愿者甲'], 'FEMALE', '1985-06-12', :idc,
                    :idh, '371623********0000', :pc, '135****0000', 'SOCIAL_WORKER', :center,
                    :path, :status, '2020-03-01', now(), now())""")
        .param("id", id)
        .param("idc", protector.encrypt(p.idNumber()))
        .param("idh", protector.lookupHash(p.idNumber()))
        .param("pc", protector.encrypt(p.phone()))
        .param("center", center[0])
        .param("path", center[1])
        .param("status", status)
        .update();
    jdbc.sql(
            """
            insert into volunteer.qualification (id, volunteer_id, type, number, issuer)
            values (gen_random_uuid(), :id, '社会工作者', 'SG-0001', '民政部')""")
        .param("id", id)
        .update();
    jdbc.sql(
            """
            insert into volunteer.hours
                   (id, volunteer_id, kind, worked_on, hours, description, created_by, created_at)
            values (gen_random_uuid(), :id, 'SERVICE', '2021-05-01', 3, '个案辅导', 'rights-test',
                    now())""")
        .param("id", id)
        .update();
    volunteersMade.add(id);
    return id;
  }

  @org.junit.jupiter.api.AfterEach
  void forgetWhatTheTestsMade() {
    for (UUID id : casesMade) {
      for (String table :
          List.of(
              "session",
              "screening",
              "consent",
              "follow_up",
              "safety_plan",
              "team_member",
              "case_party")) {
        jdbc.sql("delete from casework." + table + " where case_id = :id").param("id", id).update();
      }
      jdbc.sql("delete from casework.counseling_case where id = :id").param("id", id).update();
    }
    for (UUID id : bookingsMade) {
      jdbc.sql("delete from selfservice.answer where booking_id = :id").param("id", id).update();
      jdbc.sql("delete from selfservice.booking where id = :id").param("id", id).update();
    }
    for (UUID id : volunteersMade) {
      jdbc.sql("delete from training.participant where volunteer_id = :id")
          .param("id", id)
          .update();
      jdbc.sql("delete from volunteer.volunteer where id = :id").param("id", id).update();
    }
    casesMade.clear();
    bookingsMade.clear();
    volunteersMade.clear();
  }

  UserDetails countyAdmin() {
    return users.loadUserByUsername("admin-371623");
  }

  ResultActions step(
      String path,
      UserDetails who,
      String reference,
      Someone p,
      String kind,
      String record,
      String... fieldAndValue)
      throws Exception {
    var request =
        post(path)
            .with(user(who))
            .with(csrf())
            .param("reference", reference)
            .param("idNumber", p.idNumber())
            .param("kind", kind)
            .param("record", record);
    if (p.phone() != null) {
      request = request.param("phone", p.phone());
    }
    if (fieldAndValue.length == 2) {
      request = request.param("field", fieldAndValue[0]).param("value", fieldAndValue[1]);
    }
    return mvc.perform(request);
  }

  /** A step of the county's administrator, 无棣's, where the tests' people live. */
  ResultActions correct(
      String reference, Someone p, String kind, String record, String field, String value)
      throws Exception {
    return step(
        "/privacy/requests/correct", countyAdmin(), reference, p, kind, record, field, value);
  }

  ResultActions erase(String reference, Someone p, String kind, String record) throws Exception {
    return step("/privacy/requests/erase", countyAdmin(), reference, p, kind, record);
  }

  ResultActions confirmErase(String reference, Someone p, String kind, String record)
      throws Exception {
    return step("/privacy/requests/erase/confirm", countyAdmin(), reference, p, kind, record);
  }

  String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  long audited(String action, String reference) {
    return jdbc.sql("select count(*) from audit.audit_event where action = :a and entity_id = :r")
        .param("a", action)
        .param("r", reference)
        .query(Long.class)
        .single();
  }

  Map<String, Object> partyRow(UUID caseId, String role) {
    return jdbc.sql(
            """
            select name, gender, birth_date, phone_hash, phone_masked, phone_cipher,
                   id_number_hash from casework.case_party where case_id = :c and role = :r""")
        .param("c", caseId)
        .param("r", role)
        .query()
        .singleRow();
  }

  @Test
  void eachKindCorrectsWhatItsModuleAllowsByItsOwnRulesAndKeepsItsHashesInStep() throws Exception {
    Someone p = Someone.numbered(101);
    UUID caze = caseOf(p, null, false);
    UUID booking = bookingOf(p, "RIGHTS11");
    UUID volunteer = volunteerOf(p, "ACTIVE");
    String ref = "2026-个信-101";
    var admin = countyAdmin();

    // The page offers, per record, the details its module lets be corrected.
    String page =
        body(
            mvc.perform(
                    post("/privacy/requests")
                        .with(user(admin))
                        .with(csrf())
                        .param("reference", ref)
                        .param("idNumber", p.idNumber())
                        .param("phone", p.phone()))
                .andExpect(status().isOk()));
    assertThat(page)
        .contains("value-COUNSELING_CASE-" + caze + "-A-name")
        .contains("value-COUNSELING_CASE-" + caze + "-A-phone")
        .doesNotContain("value-COUNSELING_CASE-" + caze + "-A-gender")
        .contains("value-BOOKING-" + booking + "-gender")
        .contains("value-VOLUNTEER-" + volunteer + "-name")
        .doesNotContain("value-VOLUNTEER-" + volunteer + "-birthDate");

    // A case's party: name and phone; the phone's keyed hash is the bare number's.
    correct(ref, p, "COUNSELING_CASE", caze + ":A", "name", " 王更正 ")
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("已更正")));
    assertThat(partyRow(caze, "A").get("name")).isEqualTo("王更正");
    correct(ref, p, "COUNSELING_CASE", caze + ":A", "phone", "13900001101")
        .andExpect(status().isOk());
    var party = partyRow(caze, "A");
    assertThat((byte[]) party.get("phone_hash")).isEqualTo(protector.lookupHash("13900001101"));
    assertThat(party.get("phone_masked")).isEqualTo("139****1101");
    assertThat(protector.decrypt((byte[]) party.get("phone_cipher"))).isEqualTo("13900001101");
    // With an identity number, the gender follows it: not offered, refused, said at the record.
    assertThat(
            body(
                correct(ref, p, "COUNSELING_CASE", caze + ":A", "gender", "MALE")
                    .andExpect(status().isOk())))
        .contains("error-COUNSELING_CASE-" + caze + "-A")
        .contains("不能在此更正这一项");
    assertThat(partyRow(caze, "A").get("gender")).isEqualTo("FEMALE");

    // A booking: the person sealed again; a new mobile number re-keys it as the family's pages do.
    correct(ref, p, "BOOKING", booking.toString(), "name", "李预约").andExpect(status().isOk());
    correct(ref, p, "BOOKING", booking.toString(), "birthDate", "1986-02-03")
        .andExpect(status().isOk());
    byte[] person =
        jdbc.sql("select person_cipher from selfservice.booking where id = :id")
            .param("id", booking)
            .query(byte[].class)
            .single();
    assertThat(protector.decrypt(person)).contains("李预约").contains("1986-02-03");
    assertThat(body(correct(ref, p, "BOOKING", booking.toString(), "phone", "0543-3161234")))
        .contains("只能使用手机号");
    correct(ref, p, "BOOKING", booking.toString(), "phone", "13900002101")
        .andExpect(status().isOk());
    assertThat(
            jdbc.sql("select phone_hash from selfservice.booking where id = :id")
                .param("id", booking)
                .query(byte[].class)
                .single())
        .isEqualTo(protector.lookupHash("phone:13900002101"));

    // A volunteer: its name found by its new keys; its phone sealed and masked.
    correct(ref, p, "VOLUNTEER", volunteer.toString(), "name", "赵志愿").andExpect(status().isOk());
    correct(ref, p, "VOLUNTEER", volunteer.toString(), "phone", "0543-3161234")
        .andExpect(status().isOk());
    var v =
        jdbc.sql(
                """
                select name, search_keys::text as keys, phone_masked from volunteer.volunteer
                 where id = :id""")
            .param("id", volunteer)
            .query()
            .singleRow();
    assertThat(v.get("name")).isEqualTo("赵志愿");
    assertThat((String) v.get("keys")).contains("赵志愿");
    assertThat(v.get("phone_masked")).isEqualTo("0543-*****34");

    // Each correction audited with the reference; no value in the trail.
    assertThat(audited("privacy.correct.name", ref)).isEqualTo(3);
    assertThat(audited("privacy.correct.phone", ref)).isEqualTo(3);
    assertThat(audited("privacy.correct.birthDate", ref)).isEqualTo(1);
    assertThat(audited("privacy.correct.gender", ref)).isZero();
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from audit.audit_event
                     where entity_id like '%13900001101%' or entity_id like '%王更正%'""")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aCorrectionTheRulesRefuseChangesNothingAndSaysWhy() throws Exception {
    Someone p = Someone.numbered(102);
    UUID caze = caseOf(p, null, false);
    String ref = "2026-个信-102";
    var admin = countyAdmin();
    String record = caze + ":A";

    // A NUL byte, in the value or in the reference: refused as a control character, no 500.
    assertThat(
            body(
                correct(ref, p, "COUNSELING_CASE", record, "name", "王\u0000五")
                    .andExpect(status().isOk())))
        .contains("控制字符");
    mvc.perform(
            post("/privacy/requests/correct")
                .with(user(admin))
                .with(csrf())
                .param("reference", "A\u0000B")
                .param("idNumber", p.idNumber())
                .param("kind", "COUNSELING_CASE")
                .param("record", record)
                .param("field", "name")
                .param("value", "王五"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("控制字符")));
    // 100,000 characters: the name's size rule.
    assertThat(
            body(
                correct(ref, p, "COUNSELING_CASE", record, "name", "长".repeat(100_000))
                    .andExpect(status().isOk())))
        .contains("error-COUNSELING_CASE-" + caze + "-A");
    // A formula is no phone; an empty value corrects nothing; an unknown field is refused.
    assertThat(
            body(
                correct(
                    ref, p, "COUNSELING_CASE", record, "phone", "=HYPERLINK(\"http://x\",\"y\")")))
        .contains("电话号码格式不正确");
    assertThat(body(correct(ref, p, "COUNSELING_CASE", record, "phone", ""))).contains("请填写电话号码");
    assertThat(body(correct(ref, p, "COUNSELING_CASE", record, "idNumber", "x")))
        .contains("不能在此更正这一项");
    assertThat(partyRow(caze, "A").get("name")).isEqualTo("甲当事人");
    assertThat((byte[]) partyRow(caze, "A").get("phone_hash"))
        .isEqualTo(protector.lookupHash(p.phone()));

    // Markup is a name like any other text, and it is shown as text.
    String page =
        body(
            correct(ref, p, "COUNSELING_CASE", record, "name", "<script>alert(1)</script>")
                .andExpect(status().isOk()));
    assertThat(page).doesNotContain("<script>alert(1)</script>");
    String json =
        body(
            mvc.perform(
                    post("/privacy/requests/copy")
                        .with(user(admin))
                        .with(csrf())
                        .param("reference", ref)
                        .param("idNumber", p.idNumber())
                        .param("format", "json"))
                .andExpect(status().isOk()));
    assertThat(json).contains("<script>alert(1)</script>");
    assertThat(audited("privacy.correct.phone", ref)).isZero();
  }

  @Test
  void aRecordOfAnotherPersonOrAnotherCountyIsNotFound() throws Exception {
    Someone p = Someone.numbered(103);
    Someone other = Someone.numbered(104);
    UUID mine = bookingOf(p, "RIGHTS13");
    UUID theirs = bookingOf(other, "RIGHTS14");
    UUID theirCase = caseOf(other, null, true);
    String ref = "2026-个信-103";
    var admin = countyAdmin();

    correct(ref, p, "BOOKING", theirs.toString(), "name", "某人").andExpect(status().isNotFound());
    erase(ref, p, "BOOKING", theirs.toString()).andExpect(status().isNotFound());
    confirmErase(ref, p, "COUNSELING_CASE", theirCase + ":A").andExpect(status().isNotFound());
    erase(ref, p, "COUNSELING_CASE", theirCase + ":A").andExpect(status().isNotFound());
    // Not a record at all, or the right id under the wrong kind.
    erase(ref, p, "BOOKING", "x:y'--").andExpect(status().isNotFound());
    erase(ref, p, "VOLUNTEER", mine.toString()).andExpect(status().isNotFound());
    // The person's own record, asked by another county's administrator.
    var zouping = users.loadUserByUsername("admin-371681");
    step("/privacy/requests/correct", zouping, ref, p, "BOOKING", mine.toString(), "name", "某人")
        .andExpect(status().isNotFound());
    step("/privacy/requests/erase", zouping, ref, p, "BOOKING", mine.toString())
        .andExpect(status().isNotFound());
    // Nor does anyone but an administrator ask.
    step(
            "/privacy/requests/erase",
            users.loadUserByUsername("manager-371623"),
            ref,
            p,
            "BOOKING",
            mine.toString())
        .andExpect(status().isForbidden());

    assertThat(
            jdbc.sql(
                    """
                    select count(*) from selfservice.booking
                     where id in (:a, :b) and anonymised_at is null and person_cipher is not null""")
                .param("a", mine)
                .param("b", theirs)
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(partyRow(theirCase, "A").get("name")).isEqualTo("甲当事人");
  }

  static Actor city() {
    return new Actor(
        null, "admin", "滨州市妇联管理员", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");
  }

  @Test
  void aClosedCaseLosesOnePartyThenTheOtherAndEveryFigureStaysTheSame() throws Exception {
    Someone p = Someone.numbered(105);
    Someone spouse = Someone.numbered(106);
    UUID open = caseOf(p, null, false);
    UUID closed = caseOf(p, spouse, true);
    String ref = "2026-个信-105";
    var admin = countyAdmin();
    LocalDate from = LocalDate.of(2018, 1, 1);
    LocalDate to = LocalDate.now(LegalTime.ZONE);
    StatsSummary county = reporting.summary("371623", from, to, city());
    StatsSummary whole = reporting.summary("371600", from, to, city());

    // An open case: the button is disabled with the reason, and an erasure is refused.
    String page =
        body(
            mvc.perform(
                post("/privacy/requests")
                    .with(user(admin))
                    .with(csrf())
                    .param("reference", ref)
                    .param("idNumber", p.idNumber())));
    assertThat(page).contains("refused-COUNSELING_CASE-" + open + "-A").contains("个案尚未结案");
    assertThat(body(erase(ref, p, "COUNSELING_CASE", open + ":A"))).contains("个案尚未结案");
    assertThat(partyRow(open, "A").get("name")).isEqualTo("甲当事人");

    // A closed one: the confirmation names what goes and what stays.
    assertThat(
            body(confirmErase(ref, p, "COUNSELING_CASE", closed + ":A").andExpect(status().isOk())))
        .contains("erase-removes")
        .contains("对方当事人仍有记录")
        .contains("erase-yes");
    erase(ref, p, "COUNSELING_CASE", closed + ":A")
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("已删除（匿名化）")));
    var a = partyRow(closed, "A");
    assertThat(a.get("name")).isEqualTo("已匿名");
    assertThat(a.get("id_number_hash")).isNull();
    assertThat(a.get("phone_hash")).isNull();
    assertThat(a.get("birth_date").toString()).isEqualTo("1985-01-01");
    assertThat(partyRow(closed, "B").get("name")).isEqualTo("乙当事人");
    assertThat(screeningAnswers(closed)).containsExactly("B");
    assertThat(notes(closed)).isEqualTo(1);

    // The spouse's own request: nobody named is left, so the case goes whole, as retention does.
    erase("2026-个信-106", spouse, "COUNSELING_CASE", closed + ":B").andExpect(status().isOk());
    assertThat(partyRow(closed, "B").get("name")).isEqualTo("已匿名");
    assertThat(screeningAnswers(closed)).isEmpty();
    assertThat(notes(closed)).isZero();
    assertThat(
            jdbc.sql(
                    "select anonymised_on is not null from casework.counseling_case where id = :id")
                .param("id", closed)
                .query(Boolean.class)
                .single())
        .isTrue();

    assertThat(reporting.summary("371623", from, to, city()))
        .usingRecursiveComparison()
        .isEqualTo(county);
    assertThat(reporting.summary("371600", from, to, city()))
        .usingRecursiveComparison()
        .isEqualTo(whole);
    assertThat(audited("privacy.erase", ref)).isEqualTo(1);
    assertThat(audited("privacy.erase", "2026-个信-106")).isEqualTo(1);
  }

  List<String> screeningAnswers(UUID caseId) {
    return jdbc.sql(
            """
            select party from casework.screening
             where case_id = :c and answers_cipher is not null order by party""")
        .param("c", caseId)
        .query(String.class)
        .list();
  }

  long notes(UUID caseId) {
    return jdbc.sql(
            "select count(*) from casework.session where case_id = :c and notes_cipher is not null")
        .param("c", caseId)
        .query(Long.class)
        .single();
  }

  @Test
  void aBookingAVolunteerWhoLeftAndNoApplicationAreErased() throws Exception {
    Someone p = Someone.numbered(107);
    UUID booking = bookingOf(p, "RIGHTS17");
    UUID volunteer = volunteerOf(p, "PAUSED");
    String ref = "2026-个信-107";
    var admin = countyAdmin();

    erase(ref, p, "BOOKING", booking.toString())
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("已删除（匿名化）")));
    var row =
        jdbc.sql(
                """
                select status, phone_hash is null and phone_cipher is null and person_cipher is null
                       and message_cipher is null and anonymised_at is not null as gone
                  from selfservice.booking where id = :id""")
            .param("id", booking)
            .query()
            .singleRow();
    assertThat(row.get("status")).isEqualTo("CANCELLED");
    assertThat(row.get("gone")).isEqualTo(true);
    assertThat(
            jdbc.sql(
                    "select count(*) from selfservice.answer where booking_id = :b"
                        + " and answers_cipher is not null")
                .param("b", booking)
                .query(Long.class)
                .single())
        .isZero();

    // A volunteer still on the roll is not erased; once it has left, it is, and its counts stay.
    assertThat(body(erase(ref, p, "VOLUNTEER", volunteer.toString()))).contains("志愿者仍在册");
    jdbc.sql("update volunteer.volunteer set status = 'LEFT' where id = :id")
        .param("id", volunteer)
        .update();
    // Its name as a case's team and a course keep it.
    UUID served = caseOf(Someone.numbered(110), null, true);
    jdbc.sql(
            """
            insert into casework.team_member
                   (id, case_id, volunteer_id, user_id, name, lead, assigned_by, assigned_at,
                    removed_at)
            values (gen_random_uuid(), :c, :v, gen_random_uuid(), '志愿者甲', true, 'rights-test',
                    now(), now())""")
        .param("c", served)
        .param("v", volunteer)
        .update();
    assertThat(
            jdbc.sql(
                    """
                    insert into training.participant
                           (id, course_id, volunteer_id, name, region_path, status, enrolled_at)
                    select gen_random_uuid(), id, :v, '志愿者甲', '/370000/371600/371623/',
                           'CANCELLED', now()
                      from training.course order by id limit 1""")
                .param("v", volunteer)
                .update())
        .isEqualTo(1);
    erase(ref, p, "VOLUNTEER", volunteer.toString())
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("已删除（匿名化）")));
    var v =
        jdbc.sql(
                """
                select name, id_number_hash, phone_cipher, birth_date, background, status,
                       anonymised_on, array_length(search_keys, 1) as keys
                  from volunteer.volunteer where id = :id""")
            .param("id", volunteer)
            .query()
            .singleRow();
    assertThat(v.get("name")).isEqualTo("已匿名");
    assertThat(v.get("id_number_hash")).isNull();
    assertThat(v.get("phone_cipher")).isNull();
    assertThat(v.get("birth_date").toString()).isEqualTo("1985-01-01");
    assertThat(v.get("background")).isEqualTo("SOCIAL_WORKER");
    assertThat(v.get("anonymised_on")).isNotNull();
    assertThat(v.get("keys")).isNull();
    assertThat(
            count(
                "select count(*) from volunteer.qualification where volunteer_id = :id", volunteer))
        .isZero();
    assertThat(count("select count(*) from volunteer.hours where volunteer_id = :id", volunteer))
        .isEqualTo(1);
    // The copies of its name follow, once the event is heard.
    long deadline = System.currentTimeMillis() + 10_000;
    while (copiesOfName(volunteer) > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(copiesOfName(volunteer)).isZero();
    // Its page still opens, and its record can no longer be edited.
    mvc.perform(get("/volunteers/" + volunteer).with(user(admin)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("已匿名")));

    // A divorce application is the registration archive's: kept, and said so.
    var application =
        jdbc.sql(
                """
                select id, a_id_cipher from registration.divorce_application
                 where region_path like '/370000/371600/371623/%' order by received_on desc, id
                 limit 1""")
            .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getBytes(2)})
            .single();
    Someone party = new Someone(protector.decrypt((byte[]) application[1]), null);
    var confirm =
        confirmErase(ref, party, "DIVORCE_APPLICATION", application[0] + ":a")
            .andExpect(status().isOk());
    assertThat(body(confirm))
        .contains("erase-refused")
        .contains("婚姻登记档案")
        .doesNotContain("erase-yes");
    assertThat(
            body(
                erase(ref, party, "DIVORCE_APPLICATION", application[0] + ":a")
                    .andExpect(status().isOk())))
        .contains("婚姻登记档案");
    assertThat(audited("privacy.erase", ref)).isEqualTo(2);
  }

  long copiesOfName(UUID volunteer) {
    return count(
        """
        select (select count(*) from casework.team_member where volunteer_id = :id
                   and name <> '已匿名')
             + (select count(*) from training.participant where volunteer_id = :id
                   and name <> '已匿名')""",
        volunteer);
  }

  long count(String sql, UUID id) {
    return jdbc.sql(sql).param("id", id).query(Long.class).single();
  }

  @Test
  void anApplicationsPhoneIsCorrectedAndItsOtherDetailsAreNot() throws Exception {
    var application =
        jdbc.sql(
                """
                select id, a_id_cipher, a_phone_cipher, a_phone_masked, a_phone_hash
                  from registration.divorce_application
                 where region_path like '/370000/371600/371623/%' and a_phone_cipher is not null
                 order by received_on desc, id limit 1""")
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getObject(1, UUID.class),
                      rs.getBytes(2),
                      rs.getBytes(3),
                      rs.getString(4),
                      rs.getBytes(5)
                    })
            .single();
    UUID id = (UUID) application[0];
    Someone party = new Someone(protector.decrypt((byte[]) application[1]), null);
    try {
      String ref = "2026-个信-108";
      correct(ref, party, "DIVORCE_APPLICATION", id + ":a", "phone", "13900003108")
          .andExpect(status().isOk())
          .andExpect(content().string(Matchers.containsString("已更正")));
      assertThat(
              jdbc.sql("select a_phone_hash from registration.divorce_application where id = :id")
                  .param("id", id)
                  .query(byte[].class)
                  .single())
          .isEqualTo(protector.lookupHash("13900003108"));
      assertThat(body(correct(ref, party, "DIVORCE_APPLICATION", id + ":a", "name", "改名")))
          .contains("不能在此更正这一项");
      assertThat(audited("privacy.correct.phone", ref)).isEqualTo(1);
    } finally {
      jdbc.sql(
              """
              update registration.divorce_application
                 set a_phone_cipher = :c, a_phone_masked = :m, a_phone_hash = :h
               where id = :id""")
          .param("c", application[2])
          .param("m", application[3])
          .param("h", application[4])
          .param("id", id)
          .update();
    }
  }

  @Test
  void theSameErasureTwiceAtOnceErasesOnceAndAnswersBothWithThePage() throws Exception {
    Someone p = Someone.numbered(109);
    UUID booking = bookingOf(p, "RIGHTS19");
    String ref = "2026-个信-109";
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(
            two.submit(
                () -> {
                  start.await();
                  return erase(ref, p, "BOOKING", booking.toString())
                      .andReturn()
                      .getResponse()
                      .getStatus();
                }));
      }
      start.countDown();
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      two.shutdown();
    }
    // Sent again later: done already, said so, not an error.
    erase(ref, p, "BOOKING", booking.toString())
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("已经删除")));
    assertThat(audited("privacy.erase", ref)).isEqualTo(1);
  }
}

package org.huhang.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.huhang.IntegrationTest;
import org.huhang.casework.PartyRole;
import org.huhang.casework.Risk;
import org.huhang.casework.SessionNotes;
import org.huhang.casework.SixSteps;
import org.huhang.casework.TestCases;
import org.huhang.casework.internal.CaseFile;
import org.huhang.casework.internal.SessionNotesJson;
import org.huhang.shared.Actor;
import org.huhang.shared.ActorHolder;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.training.Courses;
import org.huhang.training.ModuleChoice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The teaching case library through its pages and API: a closed case drafted into an anonymised
 * teaching case, who sees a draft (its managers only), approval and the county's second approval of
 * a high-risk case, Chinese full-text search, and use as training material on the course page.
 */
class TeachingIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired CaseFile cases;
  @Autowired PersonalDataProtector protector;
  @Autowired Courses courses;

  TestCases testCases() {
    return new TestCases(cases, jdbc, users, protector);
  }

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  Actor actor(String username) {
    return ((ActorHolder) users.loadUserByUsername(username)).actor();
  }

  /** A walk-in couple of 无棣县 with one session whose notes name them, their numbers, an address. */
  UUID caseWithNotes(String husband, String wife, String words) {
    UUID caseId = testCases().couple(husband, wife, true);
    SessionNotes notes =
        new SessionNotes(
            new SixSteps(
                husband + "认为" + words + "是面子问题",
                "王先生觉得" + wife + "不体谅他",
                husband + "很委屈，35岁了还被看不起",
                "两人冷战，" + husband + "搬回滨州市无棣县车王镇小王村住了半个月",
                "2024年3月5日两人差点离婚",
                husband + "说自己身份证371623198505051234都押给了银行"),
            new SixSteps(
                wife + "认为" + words + "体现诚意",
                wife + "觉得丈夫只听婆婆的",
                wife + "哭了很多次",
                wife + "电话13812345678一直打不通，后来打0543-6212345找人",
                "孩子受到影响",
                wife + "的身份证号37162319870606002X被婆家扣着"),
            "双方同意住在滨城区黄河五路123号3单元402室的婆婆暂不参与，" + husband + "手机139 1234 5678",
            "每周一次家庭会议",
            "3月20日再谈");
    jdbc.sql(
            """
            insert into casework.session (id, case_id, scheduled_at, channel, attendees, status,
                   notes_cipher, notes_saved_at, notes_saved_by, created_by, created_at)
            values (gen_random_uuid(), :case, now() - interval '2 days', 'IN_PERSON', 'BOTH',
                    'HELD', :notes, now() - interval '2 days', 'counselor-371623',
                    'manager-371623', now() - interval '3 days')""")
        .param("case", caseId)
        .param("notes", protector.encrypt(SessionNotesJson.write(notes)))
        .update();
    jdbc.sql(
            "update casework.counseling_case set issue_categories = '{COMMUNICATION,MONEY_PROPERTY}'"
                + " where id = :id")
        .param("id", caseId)
        .update();
    return caseId;
  }

  void close(UUID caseId) {
    jdbc.sql(
            """
            update casework.counseling_case
               set status = 'CLOSED', closed_on = current_date, outcome = 'RECONCILED'
             where id = :id""")
        .param("id", caseId)
        .update();
  }

  UUID draft(UUID caseId, String username) throws Exception {
    String location =
        mvc.perform(
                post("/teaching-cases")
                    .param("case", caseId.toString())
                    .with(as(username))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
  }

  @Test
  void theDemoHasOnePublishedCaseAndOneDraftByTheirManagersHands() throws Exception {
    UUID published =
        jdbc.sql(
                "select id from teaching.teaching_case where status = 'PUBLISHED'"
                    + " and region_path like '/370000/371600/371623/%' and approved_by = 'manager-371623'")
            .query(UUID.class)
            .list()
            .get(0);
    mvc.perform(get("/teaching-cases/" + published).with(as("counselor-371681")))
        .andExpect(status().isOk());
    UUID draft =
        jdbc.sql(
                "select id from teaching.teaching_case where status = 'DRAFT'"
                    + " and region_path like '/370000/371600/371625/%' order by created_at limit 1")
            .query(UUID.class)
            .single();
    mvc.perform(get("/teaching-cases/" + draft).with(as("manager-371625")))
        .andExpect(status().isOk());
    mvc.perform(get("/teaching-cases/" + draft).with(as("counselor-371625")))
        .andExpect(status().isNotFound());
  }

  @Test
  void theDraftOfACaseWhoseNotesNameThePartiesNamesNoneOfThem() throws Exception {
    UUID caseId = caseWithNotes("王建国", "李秀梅", "彩礼");
    mvc.perform(
            post("/teaching-cases")
                .param("case", caseId.toString())
                .with(as("manager-371623"))
                .with(csrf()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("已结案")));
    close(caseId);
    UUID id = draft(caseId, "manager-371623");

    String json =
        mvc.perform(get("/api/v1/teaching-cases/" + id).with(as("manager-371623")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("DRAFT"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String stored =
        jdbc.sql(
                """
                select concat_ws('|', title, background, belief_system, thinking_angle,
                       emotional_feelings, behaviour, result, conclusion, method, lessons)
                  from teaching.teaching_case where id = :id""")
            .param("id", id)
            .query(String.class)
            .single();
    for (String text : List.of(json, stored)) {
      assertThat(text)
          .doesNotContain(
              "王建国",
              "建国",
              "李秀梅",
              "秀梅",
              "王先生",
              "371623198505051234",
              "37162319870606002X",
              "13812345678",
              "139 1234 5678",
              "0543-6212345",
              "车王镇",
              "小王村",
              "黄河五路",
              "123号",
              "402室",
              "3月5日",
              "3月20日",
              "35岁")
          .contains("男方", "女方", "冷战", "彩礼", "某地", "30多岁", "某电话", "某身份证号");
    }
    // Readers never learn which case it came from.
    assertThat(json).doesNotContain(caseId.toString());

    // One teaching case per case: drafting again opens the same one.
    assertThat(draft(caseId, "manager-371623")).isEqualTo(id);
  }

  @Test
  void aDraftIsItsManagersAloneUntilApprovedAndThenTheWholeCitysTeachingMaterial()
      throws Exception {
    UUID caseId = caseWithNotes("赵大勇", "钱小红", "彩礼");
    close(caseId);
    // An administrator sees that sessions happened, never their notes: it drafts nothing.
    mvc.perform(
            post("/teaching-cases")
                .param("case", caseId.toString())
                .with(as("admin-371623"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    UUID id = draft(caseId, "manager-371623");
    // Nobody but the center's managers sees the draft before they approve it, administrators
    // of its own county and city included.
    for (String outsider :
        List.of("counselor-371623", "manager-371625", "admin-371681", "admin-371623", "admin")) {
      mvc.perform(get("/teaching-cases/" + id).with(as(outsider))).andExpect(status().isNotFound());
      mvc.perform(get("/api/v1/teaching-cases/" + id).with(as(outsider)))
          .andExpect(status().isNotFound());
    }
    for (String role : List.of("registrar-371602", "analyst")) {
      mvc.perform(get("/teaching-cases/" + id).with(as(role))).andExpect(status().isForbidden());
      mvc.perform(get("/teaching-cases").with(as(role))).andExpect(status().isForbidden());
    }

    // Not a manager of its center: may not approve.
    mvc.perform(post("/teaching-cases/" + id + "/approve").with(as("manager-371625")).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/teaching-cases/" + id + "/approve").with(as("counselor-371623")).with(csrf()))
        .andExpect(status().isForbidden());

    // The manager's edit, then a stale one.
    String page =
        mvc.perform(get("/teaching-cases/" + id + "/edit").with(as("manager-371623")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("信念系统", "男方").doesNotContain("赵大勇");
    long version =
        jdbc.sql("select version from teaching.teaching_case where id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    mvc.perform(
            post("/teaching-cases/" + id)
                .with(as("manager-371623"))
                .with(csrf())
                .param("title", "彩礼引发的冷战")
                .param("beliefSystem", "男方认为彩礼是面子问题")
                .param("lessons", "讨论：如何让双方说出彩礼背后的期待？")
                .param("version", String.valueOf(version)))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/teaching-cases/" + id)
                .with(as("manager-371623"))
                .with(csrf())
                .param("title", "过时的修改")
                .param("beliefSystem", "x")
                .param("version", String.valueOf(version)))
        .andExpect(status().isConflict());

    mvc.perform(post("/teaching-cases/" + id + "/approve").with(as("manager-371623")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/api/v1/teaching-cases/" + id).with(as("counselor-371681")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("PUBLISHED"))
        .andExpect(jsonPath("$.title").value("彩礼引发的冷战"));
    mvc.perform(get("/teaching-cases/" + id).with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("彩礼引发的冷战")));

    // Withdrawn, it is out of readers' sight again.
    mvc.perform(post("/teaching-cases/" + id + "/withdraw").with(as("manager-371623")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/teaching-cases/" + id).with(as("counselor-371623")))
        .andExpect(status().isNotFound());
  }

  @Test
  void aHighRiskCaseIsPublishedOnlyAfterTheCountyApprovesItToo() throws Exception {
    UUID caseId = caseWithNotes("孙铁柱", "周翠花", "家务");
    testCases().screened(caseId, PartyRole.B, Risk.HIGH);
    close(caseId);
    UUID id = draft(caseId, "manager-371623");
    mvc.perform(post("/teaching-cases/" + id + "/approve").with(as("manager-371623")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(statusOf(id)).isEqualTo("AWAITING_COUNTY");
    mvc.perform(get("/teaching-cases/" + id).with(as("counselor-371623")))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/teaching-cases/" + id + "/county-approve")
                .with(as("manager-371623"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/teaching-cases/" + id + "/county-approve").with(as("admin-371681")).with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(statusOf(id)).isEqualTo("AWAITING_COUNTY");
    mvc.perform(
            post("/teaching-cases/" + id + "/county-approve").with(as("admin-371623")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(statusOf(id)).isEqualTo("PUBLISHED");
    mvc.perform(get("/teaching-cases/" + id).with(as("counselor-371623")))
        .andExpect(status().isOk());
  }

  String statusOf(UUID id) {
    return jdbc.sql("select status from teaching.teaching_case where id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  @Test
  void publishedCasesAreFoundByCategoryStageAndChineseWords() throws Exception {
    UUID caseId = caseWithNotes("吴天明", "郑美玲", "嫁妆");
    close(caseId);
    UUID id = draft(caseId, "manager-371623");
    mvc.perform(get("/api/v1/teaching-cases").param("q", "嫁妆").with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));
    mvc.perform(post("/teaching-cases/" + id + "/approve").with(as("manager-371623")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    String ids = "$.items[?(@.id == '" + id + "')]";
    for (String q : List.of("嫁妆", "冷战", "冷战 嫁妆", "嫁", "妆", "男方")) {
      mvc.perform(get("/api/v1/teaching-cases").param("q", q).with(as("counselor-371681")))
          .andExpect(status().isOk())
          .andExpect(jsonPath(ids).exists());
    }
    for (String q : List.of("离婚协议书", "嫁妆冷", "'):*", "郑美玲")) {
      mvc.perform(get("/api/v1/teaching-cases").param("q", q).with(as("counselor-371681")))
          .andExpect(status().isOk())
          .andExpect(jsonPath(ids).doesNotExist());
    }
    mvc.perform(
            get("/api/v1/teaching-cases")
                .param("category", "MONEY_PROPERTY")
                .param("stage", "MARRIAGE")
                .with(as("counselor-371623")))
        .andExpect(jsonPath(ids).exists());
    mvc.perform(
            get("/api/v1/teaching-cases").param("stage", "PREMARITAL").with(as("counselor-371623")))
        .andExpect(jsonPath(ids).doesNotExist());
    mvc.perform(
            get("/api/v1/teaching-cases")
                .param("category", "VIOLENCE")
                .with(as("counselor-371623")))
        .andExpect(jsonPath(ids).doesNotExist());
    // The page and its htmx partial.
    mvc.perform(get("/teaching-cases").param("q", "嫁妆").with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("teaching-filter")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(id.toString())));
    mvc.perform(
            get("/teaching-cases")
                .param("q", "嫁妆")
                .header("HX-Request", "true")
                .with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("teaching-filter"))))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(id.toString())));
    mvc.perform(get("/api/v1/teaching-cases").with(as("analyst")))
        .andExpect(status().isForbidden());
  }

  @Test
  void aPublishedCaseIsMaterialOfATrainingModuleOnTheCoursePage() throws Exception {
    UUID caseId = caseWithNotes("冯志强", "陈小燕", "彩礼");
    close(caseId);
    UUID id = draft(caseId, "manager-371623");
    mvc.perform(post("/teaching-cases/" + id + "/approve").with(as("manager-371623")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    List<ModuleChoice> modules = courses.modulesToAttach(actor("admin-371623"));
    assertThat(modules).isNotEmpty();
    ModuleChoice module = modules.get(0);

    mvc.perform(
            post("/teaching-cases/" + id + "/materials")
                .param("moduleId", module.moduleId().toString())
                .with(as("manager-371623"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/teaching-cases/" + id + "/materials")
                .param("moduleId", module.moduleId().toString())
                .with(as("admin-371623"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    String link = "/teaching-cases/" + id;
    mvc.perform(get("/training/courses/" + module.courseId()).with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString(link)));
    mvc.perform(get("/training/courses/" + module.courseId()).with(as("analyst")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(link))));
    mvc.perform(get(link).with(as("counselor-371623")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(module.label())));

    mvc.perform(
            post(link + "/materials/" + module.moduleId() + "/delete")
                .with(as("admin-371623"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/training/courses/" + module.courseId()).with(as("counselor-371623")))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(link))));
  }

  /** What the tester typed into a draft and approved: the wife's name, numbers, address, a day. */
  static final String TESTER =
      "当事人高秀兰，电话13812345678，身份证371623198710031234，住无棣县棣丰街道幸福小区3号楼，2026年10月1日会谈。";

  static final String EVERY_KIND = "含有当事人姓名、含有身份证号码、含有电话号码、含有具体日期、含有详细地址";

  @Test
  void anEditThatNamesThePeopleIsRefusedOnSaveAndOnApproveFieldByField() throws Exception {
    UUID caseId = caseWithNotes("石建军", "高秀兰", "彩礼");
    close(caseId);
    UUID id = draft(caseId, "manager-371623");
    long version = versionOf(id);
    String page =
        mvc.perform(
                post("/teaching-cases/" + id)
                    .with(as("manager-371623"))
                    .with(csrf())
                    .param("title", "彩礼引发的冷战")
                    .param("background", TESTER)
                    .param("method", "辅导员联系了秀兰，电话0543-6212345。")
                    .param("version", String.valueOf(version)))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("案例背景" + EVERY_KIND, "辅导方法含有当事人姓名、含有电话号码").doesNotContain("标题含有");
    assertThat(versionOf(id)).isEqualTo(version);
    assertThat(stored(id)).doesNotContain("高秀兰", "13812345678");

    // A clean edit still saves, and a word that merely looks like a place (家乡) blocks nothing.
    mvc.perform(
            post("/teaching-cases/" + id)
                .with(as("manager-371623"))
                .with(csrf())
                .param("title", "彩礼引发的冷战")
                .param("background", "女方回到家乡住了一段时间，2026年两人又来到中心。")
                .param("beliefSystem", "男方认为彩礼是面子问题")
                .param("version", String.valueOf(version)))
        .andExpect(status().is3xxRedirection());
    assertThat(stored(id)).contains("家乡");

    // Typed in past the form, the approval refuses it too: nothing is published.
    jdbc.sql("update teaching.teaching_case set method = :text, lessons = :text where id = :id")
        .param("text", TESTER)
        .param("id", id)
        .update();
    String refused =
        mvc.perform(
                post("/teaching-cases/" + id + "/approve").with(as("manager-371623")).with(csrf()))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused)
        .contains("还不能审核通过", "辅导方法" + EVERY_KIND, "启示与讨论题" + EVERY_KIND)
        .doesNotContain("案例背景含有");
    assertThat(statusOf(id)).isEqualTo("DRAFT");
    mvc.perform(get("/api/v1/teaching-cases/" + id).with(as("counselor-371681")))
        .andExpect(status().isNotFound());
  }

  @Test
  void theCountysApprovalChecksTheTextsAgain() throws Exception {
    UUID caseId = caseWithNotes("石建军", "高秀兰", "家务");
    testCases().screened(caseId, PartyRole.B, Risk.HIGH);
    close(caseId);
    UUID id = draft(caseId, "manager-371623");
    mvc.perform(post("/teaching-cases/" + id + "/approve").with(as("manager-371623")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(statusOf(id)).isEqualTo("AWAITING_COUNTY");
    jdbc.sql("update teaching.teaching_case set result = :text where id = :id")
        .param("text", "建军说：" + TESTER)
        .param("id", id)
        .update();
    mvc.perform(
            post("/teaching-cases/" + id + "/county-approve").with(as("admin-371623")).with(csrf()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("产生结果" + EVERY_KIND)));
    assertThat(statusOf(id)).isEqualTo("AWAITING_COUNTY");
  }

  @Test
  void aSecondSendOfTheSameEditBlamesNobody() throws Exception {
    UUID caseId = caseWithNotes("冯志强", "陈玉兰", "彩礼");
    close(caseId);
    UUID id = draft(caseId, "manager-371623");
    long version = versionOf(id);
    for (int send = 0; send < 2; send++) {
      var result =
          mvc.perform(
              post("/teaching-cases/" + id)
                  .with(as("manager-371623"))
                  .with(csrf())
                  .param("title", "彩礼引发的冷战")
                  .param("beliefSystem", "男方认为彩礼是面子问题")
                  .param("version", String.valueOf(version)));
      if (send == 0) {
        result.andExpect(status().is3xxRedirection());
      } else {
        result
            .andExpect(status().isConflict())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("重复提交")))
            .andExpect(
                content()
                    .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("别人"))));
      }
    }
  }

  @Test
  void theDemoCaseReadsEachPartyFromTheirOwnSide() {
    String steps =
        jdbc.sql(
                """
                select concat_ws('|', t.belief_system, t.result, t.method)
                  from teaching.teaching_case t
                  join casework.case_party p on p.case_id = t.source_case_id and p.role = 'A'
                 where p.name = '高秀兰'""")
            .query(String.class)
            .single();
    assertThat(steps)
        .contains("女方（第1次会谈）：认为丈夫应主动分担家务和育儿", "男方（第1次会谈）：认为家务和照顾老人应该由妻子承担")
        .doesNotContain("女方（第1次会谈）：认为家务和照顾老人", "女方（第1次会谈）：妻子", "。；");
  }

  long versionOf(UUID id) {
    return jdbc.sql("select version from teaching.teaching_case where id = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  String stored(UUID id) {
    return jdbc.sql(
            """
            select concat_ws('|', title, background, belief_system, thinking_angle,
                   emotional_feelings, behaviour, result, conclusion, method, lessons)
              from teaching.teaching_case where id = :id""")
        .param("id", id)
        .query(String.class)
        .single();
  }
}

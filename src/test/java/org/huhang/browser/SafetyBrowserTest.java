package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.casework.CaseParty;
import org.huhang.casework.CaseSource;
import org.huhang.casework.CaseStage;
import org.huhang.casework.OpenCase;
import org.huhang.casework.PartyRole;
import org.huhang.casework.internal.CaseFile;
import org.huhang.shared.ActorHolder;
import org.huhang.shared.person.Gender;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A counselor records a party's consent, screens her alone (a strangulation answer makes the case
 * HIGH), then writes the safety plan and a protection-order referral, on a desktop and a phone.
 */
class SafetyBrowserTest extends BrowserTestBase {

  @Autowired CaseFile cases;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;

  UUID wudiCase(String a, String b) {
    UserDetails manager = users.loadUserByUsername("manager-371623");
    UUID center =
        jdbc.sql("select id from center.center where name = '无棣县婚姻家庭辅导中心'")
            .query(UUID.class)
            .single();
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(manager, null, manager.getAuthorities()));
    try {
      UUID id =
          cases
              .open(
                  new OpenCase(
                      center,
                      CaseStage.MARRIAGE,
                      CaseSource.HOTLINE,
                      List.of("VIOLENCE"),
                      List.of(
                          new CaseParty(
                              PartyRole.A, a, Gender.FEMALE, LocalDate.of(1990, 7, 8), null, null),
                          new CaseParty(
                              PartyRole.B, b, Gender.MALE, LocalDate.of(1987, 1, 9), null, null)),
                      List.of(),
                      null),
                  ((ActorHolder) manager).actor())
              .value();
      jdbc.sql(
              """
              insert into casework.team_member (id, case_id, volunteer_id, user_id, name, lead,
                     assigned_by, assigned_at)
              select gen_random_uuid(), :case, gen_random_uuid(), u.id, u.display_name, true,
                     'manager-371623', now()
                from identity.app_user u where u.username = 'counselor-371623'""")
          .param("case", id)
          .update();
      return id;
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1366, 390})
  void aCounselorRecordsConsentScreensAlonePlansAndRefers(int width) {
    String her = width > 500 ? "宁晓雯" : "宁晓霞";
    UUID id = wudiCase(her, "祁振东");
    try (BrowserContext context = chineseContext(width)) {
      Page page = context.newPage();
      logIn(page, "counselor-371623");
      page.navigate(url("/cases/" + id + "/safety"));
      assertThat(page.locator("#party-A .screening-needs-consent")).isVisible();
      page.locator("#purpose-A-COUNSELING").check();
      page.locator("#purpose-A-SENSITIVE_PROCESSING").check();
      page.locator("#record-consent-A").click();
      assertThat(page.locator("#safety-notice")).containsText("已记录当事人甲的知情同意");
      assertThat(page.locator("#party-A .consents")).containsText("处理敏感个人信息");
      assertFitsWidth(page);
      shoot(page, "case-safety-consent-" + width);

      page.locator("#screen-A").click();
      assertThat(page.locator("#screening-alone")).containsText("请在对方不在场时单独询问");
      for (String q :
          List.of(
              "physicalViolence",
              "threatToKill",
              "weapon",
              "escalation",
              "controlling",
              "fear",
              "childrenExposed",
              "protectiveOrder")) {
        page.locator("label[for='" + q + "-no']").click();
      }
      page.locator("label[for='strangulation-yes']").click();
      assertFitsWidth(page);
      shoot(page, "screening-form-" + width);
      page.locator("#save-screening").click();
      // Without the tick that the other party is absent, nothing is saved.
      assertThat(page.locator("[data-field='otherAbsent']")).containsText("请确认询问时对方不在场");
      page.locator("#otherAbsent").check();
      page.locator("#save-screening").click();
      assertThat(page.locator("#safety-notice")).containsText("已保存当事人甲的安全评估：高风险");
      assertThat(page.locator("#safety-banner")).isVisible();
      assertThat(page.locator("#plan-missing")).containsText("安全计划未填写");
      assertThat(page.locator("#hotlines")).containsText("12338");
      assertThat(page.locator("#joint-state")).containsText("高风险个案不得安排双方共同会谈");
      assertFitsWidth(page);
      shoot(page, "case-safety-high-" + width);

      page.locator("#contacts").fill("姐姐 宁晓红；村妇联主任");
      page.locator("#safePlace").fill("县城姐姐家，或县妇联庇护站");
      page.locator("#nextSteps").fill("备好身份证、户口本和银行卡；保存验伤记录；本周申请人身安全保护令");
      page.locator("#save-plan").click();
      assertThat(page.locator("#safety-notice")).containsText("安全计划已保存");
      assertThat(page.locator("#plan-missing")).hasCount(0);

      page.locator("#kind").selectOption("PROTECTION_ORDER");
      page.locator("#madeOn").fill(LocalDate.now(org.huhang.shared.LegalTime.ZONE).toString());
      page.locator("#onBehalf").check();
      page.locator("#add-referral").click();
      assertThat(page.locator("#referral-list")).containsText("人身安全保护令");
      assertThat(page.locator("#referral-list")).containsText("妇联代为申请");
      assertThat(page.locator("body")).not().containsText("和好");
      assertFitsWidth(page);
      shoot(page, "case-safety-plan-" + width);
    }
  }
}

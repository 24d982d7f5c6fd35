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
import org.huhang.shared.Actor;
import org.huhang.shared.ActorHolder;
import org.huhang.shared.person.Gender;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The 无棣 center manager adopts the proposed team in one click, then closes the case after a
 * confirmation; the follow-ups appear on the outcome tab. At desktop and phone width.
 */
class CaseTeamBrowserTest extends BrowserTestBase {

  @Autowired CaseFile cases;
  @Autowired UserDetailsService users;

  @ParameterizedTest
  @ValueSource(ints = {1366, 390})
  void aManagerAdoptsTheProposedTeamAndClosesTheCase(int width) {
    String him = width > 500 ? "欧阳伟" : "欧阳刚";
    Actor manager = ((ActorHolder) users.loadUserByUsername("manager-371623")).actor();
    UUID center = cases.openableCenters(manager).get(0).id().value();
    UUID caseId =
        cases
            .open(
                new OpenCase(
                    center,
                    CaseStage.MARRIAGE,
                    CaseSource.HOTLINE,
                    List.of("MONEY_PROPERTY", "PARENTING"),
                    List.of(
                        new CaseParty(
                            PartyRole.A, him, Gender.MALE, LocalDate.of(1984, 1, 1), null, null),
                        new CaseParty(
                            PartyRole.B,
                            "司马丽",
                            Gender.FEMALE,
                            LocalDate.of(1986, 2, 2),
                            null,
                            null)),
                    List.of(),
                    null),
                manager)
            .value();
    try (BrowserContext context = chineseContext(width)) {
      Page page = context.newPage();
      logIn(page, "manager-371623");
      page.navigate(url("/cases/" + caseId + "/team"));
      assertThat(page.locator("#team-none")).isVisible();
      assertThat(page.locator("#team-candidates .reasons").first()).containsText("可服务");
      assertFitsWidth(page);
      shoot(page, "case-team-" + width);
      page.locator("#adopt-proposal").click();
      assertThat(page.locator("#team-notice")).containsText("辅导团队已保存");
      assertThat(page.locator("#team-members")).containsText("主辅导员");
      shoot(page, "case-team-saved-" + width);

      page.locator("#case-tabs").getByText("结案与回访").click();
      page.locator("#outcome-REFERRED").check();
      assertFitsWidth(page);
      shoot(page, "case-outcome-" + width);
      page.locator("#close-case").click();
      assertThat(page.locator("#confirm-question")).containsText("不能撤销");
      shoot(page, "case-close-confirm-" + width);
      page.locator("#confirm-yes").click();
      assertThat(page.locator("#outcome-notice")).containsText("个案已结案");
      assertThat(page.locator("#case-outcome")).containsText("转介其他机构");
      assertThat(page.locator("#case-followups li")).hasCount(4);
      assertFitsWidth(page);
      shoot(page, "case-closed-" + width);

      page.navigate(url("/follow-ups"));
      assertFitsWidth(page);
      shoot(page, "follow-ups-" + width);
    }
  }
}

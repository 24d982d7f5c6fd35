package org.huhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import org.huhang.shared.LegalTime;
import org.junit.jupiter.api.Test;

/**
 * A county administrator creates a two-day course with the three kinds of module, enrolls two
 * volunteers (one the demo counselor's), records attendance on a phone and downloads a completion
 * certificate; the counselor then finds the course and its hours on its own growth page.
 */
class TrainingBrowserTest extends BrowserTestBase {

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /** The volunteer linked to a demo account. */
  private String volunteerOf(String username) {
    return jdbc.sql(
            "select v.id::text from volunteer.volunteer v join identity.app_user u"
                + " on u.id = v.user_id where u.username = :u")
        .param("u", username)
        .query(String.class)
        .single();
  }

  @Test
  void anAdministratorRunsATwoDayCourseFromCreationToCertificate() {
    LocalDate today = LocalDate.now(LegalTime.ZONE);
    LocalDate yesterday = today.minusDays(1);
    try (BrowserContext context = chineseContext(1366)) {
      Page page = context.newPage();
      logIn(page, "admin-371681");
      page.locator("#main-menu").getByText("培训").click();
      page.getByText("新建培训班").click();
      page.getByLabel("培训班名称").fill("邹平市辅导技能提升班");
      page.getByLabel("开始日期").fill(yesterday.toString());
      page.getByLabel("结束日期").fill(today.toString());
      page.getByLabel("培训地点").fill("邹平市婚姻家庭辅导中心");
      page.getByLabel("主办单位").fill("邹平市妇女联合会");
      page.getByLabel("名额（人）").fill("30");
      page.getByLabel("结业学时要求").fill("6");
      page.locator("#course-form button[type=submit]").click();
      assertThat(page.locator("h1")).hasText("邹平市辅导技能提升班");

      addModule(page, "FIELD_VISIT", yesterday, "08:30", "11:30", "3", "实地观摩");
      page.getByLabel("观摩单位").fill("寿光市婚姻家庭辅导中心");
      page.locator("#module-form button[type=submit]").click();
      addModule(page, "EXPERT_LECTURE", yesterday, "14:00", "17:00", "3", "专家讲座");
      page.getByLabel("授课专家").fill("高文静");
      page.getByLabel("授课主题").fill("辅导六步法");
      page.locator("#module-form button[type=submit]").click();
      addModule(page, "EXPERIENCE_EXCHANGE", today, "08:30", "10:30", "2", "经验交流");
      page.getByLabel("讨论分组").fill("按镇街分三组");
      page.locator("#module-form button[type=submit]").click();
      assertThat(page.getByText("寿光市婚姻家庭辅导中心").first()).isVisible();
      assertThat(page.getByText("实地观摩学习").first()).isVisible();
      assertThat(page.getByText("学员经验交流").first()).isVisible();

      String counselorsVolunteer = volunteerOf("counselor-371681");
      for (int i = 0; i < 2; i++) {
        page.locator("#volunteerId")
            .selectOption(
                i == 0
                    ? new SelectOption().setValue(counselorsVolunteer)
                    : new SelectOption().setIndex(1));
        page.locator("#enroll-form button[type=submit]").click();
        assertThat(page.getByText("已报名。")).isVisible();
      }
      assertThat(page.locator("#participant-table tbody tr")).hasCount(2);
      String course = page.url().replaceAll("#.*", "");

      // Attendance on a phone: a list of names to tick.
      page.setViewportSize(390, 844);
      for (int m = 0; m < 3; m++) {
        page.navigate(course);
        page.getByText("考勤", new Page.GetByTextOptions().setExact(true)).nth(m).click();
        Locator boxes = page.locator("input[name=present]:not([disabled])");
        for (int b = 0; b < boxes.count(); b++) {
          boxes.nth(b).check();
        }
        assertFitsWidth(page);
        page.getByText("保存考勤").click();
        assertThat(page.getByText("考勤已保存。")).isVisible();
      }
      assertThat(page.locator("#participant-table")).containsText("已结业");
      shoot(page, "training-course-phone");

      Locator certificate = page.getByText("结业证书").first();
      String href = certificate.getAttribute("href");
      APIResponse pdf = context.request().get(url(href));
      org.assertj.core.api.Assertions.assertThat(pdf.status()).isEqualTo(200);
      org.assertj.core.api.Assertions.assertThat(pdf.headers().get("content-type"))
          .isEqualTo("application/pdf");
      org.assertj.core.api.Assertions.assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }

    // The counselor whose volunteer completed the course sees it and its hours on its own page.
    try (BrowserContext context = chineseContext(390)) {
      Page page = context.newPage();
      logIn(page, "counselor-371681");
      // On a phone the menu is folded away: the home page's panel leads to the own page.
      page.navigate(url("/"));
      page.locator(".home-panel a[href='/me/growth']").click();
      assertThat(page.locator("h1")).hasText("我的成长");
      Locator course =
          page.locator("#growth-courses li", new Page.LocatorOptions().setHasText("邹平市辅导技能提升班"));
      assertThat(course).containsText("已结业");
      assertThat(course.getByText("下载结业证书")).isVisible();
      for (LocalDate day : java.util.List.of(yesterday, today)) {
        java.math.BigDecimal trained =
            jdbc.sql(
                    "select sum(hours) from volunteer.hours where volunteer_id = :v::uuid"
                        + " and kind = 'TRAINING' and extract(year from worked_on) = :y")
                .param("v", volunteerOf("counselor-371681"))
                .param("y", day.getYear())
                .query(java.math.BigDecimal.class)
                .single();
        org.assertj.core.api.Assertions.assertThat(trained)
            .isGreaterThanOrEqualTo(
                java.math.BigDecimal.valueOf(day.getYear() == today.getYear() ? 2 : 6));
        Locator year =
            page.locator(
                "#growth-hours tbody tr",
                new Page.LocatorOptions().setHasText(String.valueOf(day.getYear())));
        assertThat(year.locator("td").nth(1)).hasText(trained.stripTrailingZeros().toPlainString());
      }
      assertFitsWidth(page);
      shoot(page, "growth-own-phone");
    }
  }

  private void addModule(
      Page page, String kind, LocalDate day, String from, String to, String hours, String title) {
    page.getByText("添加课程").click();
    page.locator("#kind").selectOption(kind);
    page.locator("#day").selectOption(day.toString());
    page.getByLabel("课程名称").fill(title);
    page.getByLabel("开始时间").fill(from);
    page.getByLabel("结束时间").fill(to);
    page.getByLabel("学时", new Page.GetByLabelOptions().setExact(true)).fill(hours);
  }
}

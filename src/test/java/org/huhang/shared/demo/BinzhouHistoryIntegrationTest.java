package org.huhang.shared.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huhang.browser.BrowserSupport;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.outreach.EventCount;
import org.huhang.outreach.OutreachEvents;
import org.huhang.shared.DataScope;
import org.huhang.shared.Role;
import org.huhang.volunteer.VolunteerCount;
import org.huhang.volunteer.Volunteers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12's data set as the README's run command makes it: the application on a fresh database of
 * its own with the recent demo, the Binzhou history loading by itself in the background after
 * start-up, through the modules' import and services. When it is done, the summary answers exactly
 * the federation's published figures for 2018-01-01..2023-09-30, the report paragraph carries them,
 * loading again changes nothing, and in Chromium the city administrator reads 65.94 % and 39.15 %
 * on the dashboard and drills into 无棣县 while the analyst copies the paragraph.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BinzhouHistoryIntegrationTest {

  private static final Path DATA_DIRECTORY = newDataDirectory();
  private static final DataScope CITY = new DataScope("/370000/371600/");
  private static final String PERIOD = "region=371600&from=2018-01-01&to=2023-09-30";

  @Autowired private DemoHistory history;
  @Autowired private List<HistoryStep> steps;
  @Autowired private Users users;
  @Autowired private Volunteers volunteers;
  @Autowired private OutreachEvents events;
  @Autowired private JdbcClient jdbc;
  @Autowired private MockMvc mvc;
  @Autowired private org.huhang.reporting.internal.FigureBook figures;
  @Autowired private org.huhang.reporting.internal.FigureDays days;
  @LocalServerPort private int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huhang.embedded-database.data-directory", DATA_DIRECTORY::toString);
    registry.add("huhang.embedded-database.clean-on-close", () -> "true");
    registry.add("huhang.demo", () -> "true");
    registry.add("huhang.demo-history", () -> "true");
    registry.add("huhang.data-key-file", () -> DATA_DIRECTORY + ".key");
  }

  /**
   * Waits for the background load: about a minute here; the bound is only there so that a load that
   * hangs fails the build instead of stalling it.
   */
  private void awaitLoaded() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 600_000;
    while (history.state().status() != DemoHistory.Status.DONE) {
      assertThat(history.state().status()).isNotEqualTo(DemoHistory.Status.FAILED);
      assertThat(System.currentTimeMillis()).as("history still loading").isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  @Test
  @Order(1)
  void theSummaryAnswersExactlyThePublishedFigures() throws Exception {
    awaitLoaded();
    mvc.perform(get("/api/v1/stats/summary?" + PERIOD).with(httpBasic("admin", "Huhang@2023")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.complete").value(true))
        .andExpect(jsonPath("$.applications").value(43946))
        .andExpect(jsonPath("$.counseled").value(28978))
        .andExpect(jsonPath("$.reconciled").value(17206))
        .andExpect(jsonPath("$.counselingRate").value(65.94))
        .andExpect(jsonPath("$.reconciliationRate").value(39.15))
        .andExpect(jsonPath("$.centers").value(7))
        .andExpect(jsonPath("$.volunteers").value(447))
        .andExpect(jsonPath("$.outreachEvents").value(492))
        .andExpect(jsonPath("$.highRisk").value(BinzhouHistory.HIGH_RISK))
        .andExpect(jsonPath("$.byCounty.length()").value(7));
    String report =
        mvc.perform(get("/api/v1/stats/report?" + PERIOD).with(httpBasic("admin", "Huhang@2023")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(report)
        .contains("2018年以来，全市")
        .contains("婚姻家庭辅导中心7个")
        .contains("巾帼志愿者成员447名")
        .contains("492场")
        .contains("截至9月底")
        .contains("夫妻28978对，辅导率65.94%")
        .contains("17206对，劝和率39.15%")
        .doesNotContain("尚不完整");
  }

  @Test
  @Order(2)
  void theHistoryIsSpreadAsTheCityWouldHaveIt() throws Exception {
    awaitLoaded();
    for (String county : BinzhouHistory.COUNTIES) {
      UserRef account = users.findByUsername("counselor-" + county + "-01").orElseThrow();
      assertThat(account.role()).isEqualTo(Role.COUNSELOR);
      assertThat(account.regionPath()).isEqualTo("/370000/371600/" + county + "/");
      Map<String, Object> volunteer =
          jdbc.sql("select status, region_path from volunteer.volunteer where user_id = :u")
              .param("u", account.id())
              .query()
              .singleRow();
      assertThat(volunteer.get("status")).isEqualTo("ACTIVE");
      assertThat((String) volunteer.get("region_path"))
          .startsWith("/370000/371600/" + county + "/");
      // Every county received applications and counseled couples, in every year.
      assertThat(
              jdbc.sql(
                      """
                      select count(distinct extract(year from received_on))
                        from registration.divorce_application
                       where region_path = :p and received_on <= '2023-09-30'""")
                  .param("p", "/370000/371600/" + county + "/")
                  .query(Long.class)
                  .single())
          .isEqualTo(6);
    }
    // Received on working days only: never on a weekend or a public holiday of the shipped
    // calendar.
    assertThat(
            count(
                """
                select count(*) from registration.divorce_application a
                 where a.received_on between '2018-01-01' and '2023-09-30'
                   and (extract(isodow from a.received_on) > 5
                        or exists (select 1 from registration.calendar_day d
                                    where d.day = a.received_on and d.kind = 'OFF'))"""))
        .isZero();
    // HIGH risk handled safely: never a joint session, always a safety plan, never reconciled.
    assertThat(
            count(
                """
                select count(*) from casework.session s
                  join casework.counseling_case c on c.id = s.case_id
                 where c.risk <> 'LOW' and c.risk <> 'UNSCREENED' and s.attendees = 'BOTH'"""))
        .isZero();
    assertThat(
            count(
                """
                select count(*) from casework.counseling_case c
                 where c.risk = 'HIGH' and (c.outcome = 'RECONCILED'
                    or not exists (select 1 from casework.safety_plan p where p.case_id = c.id))"""))
        .isZero();
    // A session names counselors of the case's team; each party is screened before it is seen.
    assertThat(
            count(
                """
                select count(*) from casework.session s
                 where not exists (select 1 from casework.team_member t
                                    where t.case_id = s.case_id and t.user_id = any(s.counselors))"""))
        .isZero();
    assertThat(
            count(
                """
                select count(*) from casework.session s where s.status = 'HELD'
                   and not exists (select 1 from casework.screening x
                                    where x.case_id = s.case_id and x.screened_at <= s.scheduled_at)"""))
        .isZero();
    // Sessions on the six-step chain carry sealed notes only; closed cases have their follow-ups.
    assertThat(
            count(
                "select count(*) from casework.session where status = 'HELD' and notes_cipher is null"))
        .isZero();
    assertThat(
            count(
                """
                select count(*) from casework.counseling_case c where c.status = 'CLOSED'
                   and c.application_id is not null
                   and (select count(*) from casework.follow_up f where f.case_id = c.id) <> 4"""))
        .isZero();
  }

  @Test
  @Order(3)
  void loadingAgainChangesNothing() throws Exception {
    awaitLoaded();
    List<String> tables =
        List.of(
            "identity.app_user",
            "volunteer.volunteer",
            "outreach.outreach_event",
            "registration.divorce_application",
            "casework.counseling_case",
            "casework.session",
            "casework.follow_up");
    List<Long> before = tables.stream().map(t -> count("select count(*) from " + t)).toList();
    for (HistoryStep step :
        steps.stream().sorted(java.util.Comparator.comparingInt(HistoryStep::order)).toList()) {
      step.load(p -> {});
    }
    assertThat(tables.stream().map(t -> count("select count(*) from " + t)).toList())
        .isEqualTo(before);
    assertThat(volunteers.activeCounts(CITY).stream().mapToLong(VolunteerCount::active).sum())
        .isEqualTo(BinzhouHistory.VOLUNTEERS);
    assertThat(
            events.heldCounts(CITY, BinzhouHistory.FROM, BinzhouHistory.TO).stream()
                .mapToLong(EventCount::events)
                .sum())
        .isEqualTo(BinzhouHistory.EVENTS);
  }

  @Test
  @Order(4)
  void theCityAdministratorSeesTheRatesAndDrillsIntoWudiAndTheAnalystCopiesTheReport()
      throws Exception {
    BrowserSupport.requireChromium();
    awaitLoaded();
    try (Playwright playwright = BrowserSupport.playwright();
        Browser browser = BrowserSupport.chromium(playwright)) {
      try (BrowserContext context =
          browser.newContext(
              new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1366, 800))) {
        Page page = context.newPage();
        logIn(page, "admin");
        page.navigate(url("/stats?period=custom&from=2018-01-01&to=2023-09-30"));
        assertThat(page.locator("#stats-region")).hasText("滨州市");
        assertThat(page.locator("#stat-applications .stat-value")).hasText("43946");
        assertThat(page.locator("#stat-counseled .stat-rate")).hasText("65.94%");
        assertThat(page.locator("#stat-reconciled .stat-rate")).hasText("39.15%");
        assertThat(page.locator("#stat-volunteers .stat-value")).hasText("447");
        assertThat(page.locator("#stat-events .stat-value")).hasText("492");
        assertThat(page.locator("#chart-trend canvas").first()).isVisible();
        shoot(page, "history-city");
        page.locator("#stats-table a.stats-drill", new Page.LocatorOptions().setHasText("无棣县"))
            .click();
        assertThat(page.locator("#stats-region")).hasText("无棣县");
        String wudi =
            jdbc.sql(
                    """
                    select count(*) from registration.divorce_application
                     where region_path = '/370000/371600/371623/'
                       and received_on between '2018-01-01' and '2023-09-30'""")
                .query(Long.class)
                .single()
                .toString();
        assertThat(page.locator("#stat-applications .stat-value")).hasText(wudi);
        shoot(page, "history-wudi");
      }
      try (BrowserContext context =
          browser.newContext(
              new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844))) {
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        Page page = context.newPage();
        logIn(page, "analyst");
        page.navigate(url("/stats?period=custom&from=2018-01-01&to=2023-09-30"));
        page.locator("#stats-report-copy").click();
        Object copied = page.evaluate("() => navigator.clipboard.readText()");
        assertThat((String) copied)
            .contains("辅导率65.94%")
            .contains("劝和率39.15%")
            .contains("巾帼志愿者成员447名");
        shoot(page, "history-analyst-390");
      }
    }
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /**
   * Issue 13: the summary sums the couples from a cache per received day (reporting.couple_day),
   * and casework's counts from one per opened day (reporting.case_day), kept by the modules'
   * triggers. On the whole history and the recent demo (pending applications, sessions after the
   * outcome, HIGH risk, follow-ups), every cell of region path and month equals the count one
   * application at a time by CoupleRules, for the city, a county and periods cut inside months; and
   * it stays so after changes written behind the application's back (as psql would): an outcome, a
   * received day moved, a held session cancelled, a case turned HIGH, a follow-up changed and one
   * deleted, a case's categories and stage, a referral's kind and day, a case moved to another
   * county, and a mark of everything.
   */
  @Test
  @Order(5)
  void theCacheOfDaysEqualsTheCountOneByOneWhateverWritesTheRows() throws Exception {
    awaitLoaded();
    assertCacheExact();
    var city = figures.counts(CITY, BinzhouHistory.FROM, BinzhouHistory.TO).couples();
    assertThat(city.stream().mapToLong(org.huhang.reporting.internal.CoupleCount::counseled).sum())
        .isEqualTo(BinzhouHistory.COUNSELED);
    assertThat(city.stream().mapToLong(org.huhang.reporting.internal.CoupleCount::reconciled).sum())
        .isEqualTo(BinzhouHistory.RECONCILED);

    // A reconciled couple of 2019 divorces after all, two days after it withdrew.
    jdbc.sql(
            """
            update registration.divorce_application set outcome = 'REGISTERED'
             where id = (select a.id from registration.divorce_application a
                           join casework.counseling_case c on c.application_id = a.id
                          where a.outcome = 'CANCELLED_OR_POSTPONED' and c.risk <> 'HIGH'
                            and a.received_on between '2019-01-01' and '2019-12-31'
                          order by a.id limit 1)""")
        .update();
    // An application of March 2022 is found to have been received in February, in another county.
    jdbc.sql(
            """
            update registration.divorce_application
               set received_on = '2022-02-15', region_path = '/370000/371600/371625/'
             where id = (select id from registration.divorce_application
                          where received_on between '2022-03-01' and '2022-03-31'
                            and region_path = '/370000/371600/371623/' order by id limit 1)""")
        .update();
    // The only held session of a counseled case of 2021 is cancelled.
    jdbc.sql(
            """
            update casework.session set status = 'CANCELLED'
             where case_id = (select c.id from casework.counseling_case c
                                join registration.divorce_application a on a.id = c.application_id
                               where a.received_on between '2021-05-01' and '2021-05-31'
                                 and (select count(*) from casework.session s
                                       where s.case_id = c.id and s.status = 'HELD') = 1
                               order by c.id limit 1)
               and status = 'HELD'""")
        .update();
    // A reconciled case of 2023 is screened HIGH.
    jdbc.sql(
            """
            update casework.counseling_case set risk = 'HIGH'
             where id = (select c.id from casework.counseling_case c
                           join registration.divorce_application a on a.id = c.application_id
                          where a.outcome in ('WITHDRAWN', 'DEEMED_WITHDRAWN') and c.risk <> 'HIGH'
                            and a.received_on between '2023-02-01' and '2023-02-28'
                          order by c.id limit 1)""")
        .update();
    // A six-month follow-up finds the couple filed again; a twelve-month one is deleted.
    jdbc.sql(
            """
            update casework.follow_up set filed_again = not coalesce(filed_again, false)
             where id = (select id from casework.follow_up
                          where months = 6 and done_on is not null order by id limit 1)""")
        .update();
    jdbc.sql(
            """
            delete from casework.follow_up
             where id = (select id from casework.follow_up
                          where months = 12 and done_on is not null order by id desc limit 1)""")
        .update();
    // Casework's counts: a case's categories cleared and its stage changed, a referral changed in
    // kind and day, and a case with a referral moved to another county.
    jdbc.sql(
            """
            update casework.counseling_case set issue_categories = '{}', stage = 'MARRIAGE'
             where id = (select id from casework.counseling_case
                          where cardinality(issue_categories) > 0
                            and opened_on between '2019-04-01' and '2019-04-30'
                          order by id limit 1)""")
        .update();
    jdbc.sql(
            """
            update casework.safety_referral set kind = 'LEGAL_AID', made_on = made_on + 3
             where id = (select id from casework.safety_referral
                          where kind <> 'LEGAL_AID' order by id limit 1)""")
        .update();
    jdbc.sql(
            """
            update casework.counseling_case set region_path = '/370000/371600/371602/'
             where id = (select c.id from casework.counseling_case c
                           join casework.safety_referral r on r.case_id = c.id
                          where c.region_path = '/370000/371600/371623/' order by c.id limit 1)""")
        .update();
    // A session's notes alone change no figure and leave no mark.
    days.refresh();
    jdbc.sql(
            """
            update casework.session set notes_saved_at = now()
             where id = (select id from casework.session order by id limit 1)""")
        .update();
    assertThat(jdbc.sql("select count(*) from kernel.figure_change").query(Long.class).single())
        .isZero();
    assertCacheExact();

    // A table truncated marks everything: the cache is built again, and still exact.
    jdbc.sql("insert into kernel.figure_change (everything) values (true)").update();
    assertCacheExact();
    assertThat(jdbc.sql("select count(*) from kernel.figure_change").query(Long.class).single())
        .isZero();
  }

  /** After a refresh, the cache's cells equal the count one application at a time. */
  private void assertCacheExact() {
    days.refresh();
    java.time.LocalDate today = java.time.LocalDate.now(org.huhang.shared.LegalTime.ZONE);
    record Ask(DataScope scope, java.time.LocalDate from, java.time.LocalDate to) {}
    List<Ask> asks =
        List.of(
            new Ask(CITY, BinzhouHistory.FROM, BinzhouHistory.TO),
            new Ask(CITY, BinzhouHistory.FROM, today.plusYears(1)),
            new Ask(
                new DataScope("/370000/371600/371623/"),
                java.time.LocalDate.of(2020, 3, 17),
                today),
            new Ask(CITY, java.time.LocalDate.of(2021, 1, 1), java.time.LocalDate.of(2021, 1, 31)),
            new Ask(new DataScope("/370000/371600/371681/"), today.minusMonths(3), today));
    for (Ask ask : asks) {
      var plain = figures.read(ask.scope(), ask.from(), ask.to()).couples();
      var cached = figures.counts(ask.scope(), ask.from(), ask.to()).couples();
      assertThat(cached).as(ask.toString()).containsExactlyElementsOf(plain);
      var plainCases = figures.read(ask.scope(), ask.from(), ask.to()).cases();
      var cachedCases = figures.counts(ask.scope(), ask.from(), ask.to()).cases();
      assertThat(cachedCases.stages())
          .as(ask.toString())
          .containsExactlyInAnyOrderElementsOf(plainCases.stages());
      assertThat(cachedCases.categories())
          .as(ask.toString())
          .containsExactlyInAnyOrderElementsOf(plainCases.categories());
      assertThat(cachedCases.referrals())
          .as(ask.toString())
          .containsExactlyInAnyOrderElementsOf(plainCases.referrals());
    }
  }

  private void logIn(Page page, String username) {
    page.navigate(url("/login"));
    page.getByLabel("用户名").fill(username);
    page.getByLabel("密码").fill("Huhang@2023");
    page.locator("#login-submit").click();
  }

  private static void shoot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setFullPage(true)
            .setPath(Path.of("target/screenshots/" + name + ".png")));
  }

  private static Path newDataDirectory() {
    try {
      Files.createDirectories(Path.of("target"));
      return Files.createTempDirectory(
          Path.of("target").toAbsolutePath(), "test-postgres-history-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

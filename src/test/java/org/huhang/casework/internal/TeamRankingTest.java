package org.huhang.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.huhang.casework.IssueCategory;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.CounselorCandidate;
import org.huhang.volunteer.HalfDay;
import org.huhang.volunteer.VolunteerId;
import org.junit.jupiter.api.Test;

/** The team proposal's ranking: what counts, what excludes, and the reasons it gives. */
class TeamRankingTest {

  static final UUID CENTER = UUID.randomUUID();
  static final UUID OTHER_CENTER = UUID.randomUUID();

  static final IssueCategory MONEY =
      new IssueCategory(
          "MONEY_PROPERTY", "财产与经济", "Money and property", List.of("PROPERTY_DEBT"), true);
  static final IssueCategory VIOLENCE =
      new IssueCategory("VIOLENCE", "家庭暴力", "Violence", List.of("DOMESTIC_VIOLENCE"), true);
  static final IssueCategory CRISIS =
      new IssueCategory(
          "EMOTIONAL_CRISIS", "情绪危机", "Emotional crisis", List.of("EMOTIONAL_CRISIS"), true);

  static CounselorCandidate candidate(
      String name,
      Background background,
      List<String> specialities,
      Set<HalfDay> availability,
      UUID center,
      boolean expired) {
    return new CounselorCandidate(
        new VolunteerId(UUID.randomUUID()),
        UUID.randomUUID(),
        name,
        background,
        specialities,
        availability,
        center,
        center == CENTER ? "无棣县婚姻家庭辅导中心" : "无棣县信阳镇工作站",
        "/370000/371600/371623/",
        expired);
  }

  static final Set<HalfDay> TWO = EnumSet.of(HalfDay.TUE_AM, HalfDay.THU_PM);

  @Test
  void aLawyerWithPropertyLawRanksFirstForMoneyAndProperty() {
    var cadre =
        candidate("张敏", Background.FEDERATION_CADRE, List.of("PARENTING"), TWO, CENTER, false);
    var lawyer =
        candidate("李律师", Background.LAWYER, List.of("PROPERTY_DEBT"), TWO, OTHER_CENTER, false);
    var result = TeamRanking.rank(List.of(MONEY), CENTER, List.of(cadre, lawyer), Map.of());
    assertThat(result.lead().candidate()).isEqualTo(lawyer);
    assertThat(result.lead().reasons())
        .extracting(TeamRanking.Reason::key)
        .contains("team.reason.speciality", "team.reason.background", "team.reason.sameCounty");
    assertThat(result.lead().score())
        .isEqualTo(TeamRanking.SPECIALITY + TeamRanking.BACKGROUND + 2 * TeamRanking.PER_HALF_DAY);
  }

  @Test
  void violenceCallsForDomesticViolenceSupport() {
    var dv =
        candidate(
            "王社工",
            Background.SOCIAL_WORKER,
            List.of("DOMESTIC_VIOLENCE"),
            TWO,
            OTHER_CENTER,
            false);
    var other = candidate("赵", Background.SOCIAL_WORKER, List.of("PARENTING"), TWO, CENTER, false);
    var result = TeamRanking.rank(List.of(VIOLENCE), CENTER, List.of(other, dv), Map.of());
    assertThat(result.lead().candidate()).isEqualTo(dv);
  }

  @Test
  void aPsychologicalCounselorsBackgroundCountsForAnEmotionalCrisis() {
    var psych =
        candidate("孙咨询师", Background.PSYCHOLOGICAL_COUNSELOR, List.of(), TWO, OTHER_CENTER, false);
    var citizen = candidate("周", Background.CARING_CITIZEN, List.of(), TWO, OTHER_CENTER, false);
    var result = TeamRanking.rank(List.of(CRISIS), CENTER, List.of(citizen, psych), Map.of());
    assertThat(result.lead().candidate()).isEqualTo(psych);
    assertThat(result.lead().covers()).containsExactly("EMOTIONAL_CRISIS");
  }

  @Test
  void anExpiredCertificateExcludesWithTheReasonAndIsNeverProposed() {
    var expired = candidate("过期律师", Background.LAWYER, List.of("PROPERTY_DEBT"), TWO, CENTER, true);
    var result = TeamRanking.rank(List.of(MONEY), CENTER, List.of(expired), Map.of());
    assertThat(result.lead()).isNull();
    assertThat(result.ranked()).isEmpty();
    assertThat(result.excluded())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.candidate()).isEqualTo(expired);
              assertThat(e.reasons())
                  .extracting(TeamRanking.Reason::key)
                  .containsExactly("team.excluded.qualificationExpired");
            });
  }

  @Test
  void fewerOpenCasesWinsOtherwiseEqualCandidates() {
    var busy = candidate("忙", Background.SOCIAL_WORKER, List.of(), TWO, CENTER, false);
    var free = candidate("闲", Background.SOCIAL_WORKER, List.of(), TWO, CENTER, false);
    var result = TeamRanking.rank(List.of(), CENTER, List.of(busy, free), Map.of(busy.id(), 3));
    assertThat(result.ranked()).extracting(r -> r.candidate().name()).containsExactly("闲", "忙");
    assertThat(result.ranked().get(1).reasons())
        .contains(new TeamRanking.Reason("team.reason.openCases", 3));
    assertThat(result.ranked().get(0).reasons())
        .contains(new TeamRanking.Reason("team.reason.noOpenCases"));
  }

  @Test
  void moreHalfDaysRankHigherUpToTheCap() {
    var few =
        candidate(
            "少", Background.SOCIAL_WORKER, List.of(), EnumSet.of(HalfDay.MON_AM), CENTER, false);
    var many =
        candidate(
            "多", Background.SOCIAL_WORKER, List.of(), EnumSet.allOf(HalfDay.class), CENTER, false);
    var result = TeamRanking.rank(List.of(), CENTER, List.of(few, many), Map.of());
    assertThat(result.lead().candidate()).isEqualTo(many);
    assertThat(result.lead().score())
        .isEqualTo(TeamRanking.SAME_CENTER + TeamRanking.AVAILABILITY_MAX);
  }

  @Test
  void theAvailabilityReasonNamesTheHalfDaysInWeekOrder() {
    TeamRanking.Reason reason =
        TeamRanking.availability(EnumSet.of(HalfDay.THU_PM, HalfDay.TUE_AM));
    assertThat(reason.key()).isEqualTo("team.reason.available");
    assertThat(reason.args())
        .containsExactly(
            new TeamRanking.Joined(
                List.of(
                    new TeamRanking.Slot("day.TUE", "halfDay.AM"),
                    new TeamRanking.Slot("day.THU", "halfDay.PM"))));
    assertThat(TeamRanking.availability(EnumSet.noneOf(HalfDay.class)).key())
        .isEqualTo("team.reason.noAvailability");
    assertThat(TeamRanking.availability(EnumSet.allOf(HalfDay.class)).key())
        .isEqualTo("team.reason.availableMany");
  }

  @Test
  void aCoCounselorIsProposedOnlyWhenItCoversWhatTheLeadDoesNot() {
    var lawyer = candidate("律师", Background.LAWYER, List.of("PROPERTY_DEBT"), TWO, CENTER, false);
    var dv =
        candidate("社工", Background.SOCIAL_WORKER, List.of("DOMESTIC_VIOLENCE"), TWO, CENTER, false);
    var alike =
        candidate("律师二", Background.LAWYER, List.of("PROPERTY_DEBT"), TWO, OTHER_CENTER, false);
    var both =
        TeamRanking.rank(List.of(MONEY, VIOLENCE), CENTER, List.of(dv, lawyer, alike), Map.of());
    assertThat(both.lead().candidate()).isEqualTo(lawyer);
    assertThat(both.coCounselors()).extracting(TeamRanking.Ranked::candidate).containsExactly(dv);

    var moneyOnly = TeamRanking.rank(List.of(MONEY), CENTER, List.of(lawyer, alike), Map.of());
    assertThat(moneyOnly.coCounselors()).isEmpty();
  }

  @Test
  void theCountyPartOfARegionPath() {
    assertThat(TeamProposals.countyPath("/370000/371600/371623/371623101/"))
        .isEqualTo("/370000/371600/371623/");
    assertThat(TeamProposals.countyPath("/370000/371600/371623/"))
        .isEqualTo("/370000/371600/371623/");
    assertThat(TeamProposals.countyPath("/370000/371600/")).isEqualTo("/370000/371600/");
  }
}

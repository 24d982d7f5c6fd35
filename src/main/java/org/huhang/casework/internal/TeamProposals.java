package org.huhang.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.huhang.casework.CaseId;
import org.huhang.casework.IssueCategory;
import org.huhang.shared.Actor;
import org.huhang.shared.RegionPaths;
import org.huhang.volunteer.CounselorCandidate;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.Volunteers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ranked team {@link TeamRanking} proposes for a case, with each candidate's reasons in the
 * reader's language: for the case's center manager (or an administrator) who assigns the team.
 */
@Service
public class TeamProposals {

  /** One candidate as the team page and the API show it. */
  public record Candidate(
      VolunteerId volunteerId,
      String name,
      String background,
      String centerName,
      int score,
      int openCases,
      List<String> reasons) {}

  /** The proposal: the team to adopt, every candidate ranked, and those excluded with why. */
  public record Proposal(
      Candidate lead,
      List<Candidate> coCounselors,
      List<Candidate> ranked,
      List<Candidate> excluded) {}

  private final CaseAccess access;
  private final CaseworkPolicy policy;
  private final CaseFile cases;
  private final CaseQueries queries;
  private final Volunteers volunteers;
  private final JdbcClient jdbc;
  private final MessageSource messages;
  private final Clock clock;

  TeamProposals(
      CaseAccess access,
      CaseworkPolicy policy,
      CaseFile cases,
      CaseQueries queries,
      Volunteers volunteers,
      JdbcClient jdbc,
      MessageSource messages,
      Clock clock) {
    this.access = access;
    this.policy = policy;
    this.cases = cases;
    this.queries = queries;
    this.volunteers = volunteers;
    this.jdbc = jdbc;
    this.messages = messages;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Proposal propose(CaseId id, Actor actor) {
    CaseRef ref = access.find(id.value(), actor);
    policy.requireManages(ref);
    TeamRanking.Result result = rank(cases.load(ref.id()));
    Locale locale = LocaleContextHolder.getLocale();
    return new Proposal(
        result.lead() == null ? null : view(result.lead(), locale),
        result.coCounselors().stream().map(r -> view(r, locale)).toList(),
        result.ranked().stream().map(r -> view(r, locale)).toList(),
        result.excluded().stream()
            .map(
                e ->
                    new Candidate(
                        e.candidate().id(),
                        e.candidate().name(),
                        word("volunteer.background." + e.candidate().background().name(), locale),
                        e.candidate().centerName(),
                        0,
                        0,
                        e.reasons().stream().map(r -> text(r, locale)).toList()))
            .toList());
  }

  /** The case's ranking, for the team service's checks and the proposal. */
  TeamRanking.Result rank(CounselingCase caze) {
    List<CounselorCandidate> candidates = candidates(caze);
    Map<String, IssueCategory> dictionary =
        queries.categories().stream()
            .collect(Collectors.toMap(IssueCategory::code, c -> c, (a, b) -> a));
    List<IssueCategory> categories =
        caze.issueCategories().stream().map(dictionary::get).filter(c -> c != null).toList();
    return TeamRanking.rank(categories, caze.centerId(), candidates, openCases(candidates));
  }

  /** The counselors of the case's county, whose team it may have. */
  List<CounselorCandidate> candidates(CounselingCase caze) {
    return volunteers.counselorCandidates(countyPath(caze.regionPath()), LocalDate.now(clock));
  }

  /** The county part of a region path ("/370000/371600/371623/371623101/" → ".../371623/"). */
  static String countyPath(String regionPath) {
    return RegionPaths.countyPath(regionPath);
  }

  private Map<VolunteerId, Integer> openCases(List<CounselorCandidate> candidates) {
    Map<VolunteerId, Integer> open = new HashMap<>();
    if (candidates.isEmpty()) {
      return open;
    }
    jdbc.sql(
            """
            select t.volunteer_id, count(distinct t.case_id) as open
              from casework.team_member t
              join casework.counseling_case c on c.id = t.case_id
             where t.removed_at is null and c.status <> 'CLOSED' and t.volunteer_id = any(:ids)
             group by t.volunteer_id""")
        .param("ids", candidates.stream().map(c -> c.id().value()).toArray(UUID[]::new))
        .query(
            rs -> {
              open.put(
                  new VolunteerId(rs.getObject("volunteer_id", UUID.class)), rs.getInt("open"));
            });
    return open;
  }

  private Candidate view(TeamRanking.Ranked r, Locale locale) {
    return new Candidate(
        r.candidate().id(),
        r.candidate().name(),
        word("volunteer.background." + r.candidate().background().name(), locale),
        r.candidate().centerName(),
        r.score(),
        r.openCases(),
        r.reasons().stream().map(reason -> text(reason, locale)).toList());
  }

  String text(TeamRanking.Reason reason, Locale locale) {
    Object[] args = reason.args().stream().map(a -> arg(a, locale)).toArray();
    return messages.getMessage(reason.key(), args, locale);
  }

  private Object arg(Object a, Locale locale) {
    boolean english = "en".equals(locale.getLanguage());
    if (a instanceof TeamRanking.Key k) {
      return word(k.key(), locale);
    }
    if (a instanceof TeamRanking.Named n) {
      return english ? n.en() : n.zh();
    }
    if (a instanceof TeamRanking.Slot s) {
      return messages.getMessage(
          "team.halfDay",
          new Object[] {word(s.dayKey(), locale), word(s.halfKey(), locale)},
          locale);
    }
    if (a instanceof TeamRanking.Joined j) {
      return j.parts().stream()
          .map(p -> String.valueOf(arg(p, locale)))
          .collect(Collectors.joining(word("team.listSeparator", locale)));
    }
    return a;
  }

  private String word(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}

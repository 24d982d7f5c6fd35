package org.huhang.casework.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.huhang.casework.IssueCategory;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.CounselorCandidate;
import org.huhang.volunteer.HalfDay;
import org.huhang.volunteer.VolunteerId;

/**
 * Ranks the counselors of a case's county for its team, and says why (the rule, documented here and
 * tested in {@code TeamRankingTest}):
 *
 * <ul>
 *   <li>a certificate that has run out excludes a volunteer: shown with the reason, never proposed;
 *   <li>each issue category of the case that the volunteer's specialities serve (the dictionary's
 *       {@code specialities}) counts {@value #SPECIALITY}; a background made for a category counts
 *       {@value #BACKGROUND} more (a lawyer for money and property, a psychological counselor for
 *       an emotional crisis or addiction, a family instructor for parenting);
 *   <li>a volunteer of the case's own center counts {@value #SAME_CENTER};
 *   <li>each half-day a week the volunteer can serve counts {@value #PER_HALF_DAY}, up to {@value
 *       #AVAILABILITY_MAX};
 *   <li>each open case the volunteer already counsels (lead or co-counselor) costs {@value
 *       #PER_OPEN_CASE}.
 * </ul>
 *
 * Equal scores go to fewer open cases, then more half-days, then the name. The proposed team is the
 * first as lead and, when one of the others covers a category the lead does not, the best of them
 * as co-counselor.
 */
final class TeamRanking {

  static final int SPECIALITY = 30;
  static final int BACKGROUND = 20;
  static final int SAME_CENTER = 10;
  static final int PER_HALF_DAY = 2;
  static final int AVAILABILITY_MAX = 20;
  static final int PER_OPEN_CASE = 8;

  /** How many half-days a reason names before it counts the rest. */
  static final int HALF_DAYS_NAMED = 4;

  /** The backgrounds made for a category, beside the specialities. */
  static final Map<Background, Set<String>> BACKGROUND_FITS = backgroundFits();

  /** Why: a message key and its arguments ({@link Key}, {@link Named}, {@link Joined}, numbers). */
  record Reason(String key, List<Object> args) {
    Reason(String key, Object... args) {
      this(key, List.of(args));
    }
  }

  /** An argument that is itself a message key. */
  record Key(String key) {}

  /** An argument with a Chinese and an English name (a dictionary entry). */
  record Named(String zh, String en) {}

  /** Arguments shown as one list, joined. */
  record Joined(List<Object> parts) {}

  /** A half-day as words: the day's key and the half's key. */
  record Slot(String dayKey, String halfKey) {}

  record Ranked(
      CounselorCandidate candidate,
      int score,
      int openCases,
      Set<String> covers,
      List<Reason> reasons) {}

  record Excluded(CounselorCandidate candidate, List<Reason> reasons) {}

  record Result(
      List<Ranked> ranked, List<Excluded> excluded, Ranked lead, List<Ranked> coCounselors) {

    boolean empty() {
      return lead == null;
    }
  }

  private TeamRanking() {}

  /**
   * @param categories the case's issue categories, as the dictionary has them
   * @param caseCenter the case's center
   * @param candidates the counselors of the case's county
   * @param openCases how many open cases each counsels (missing: none)
   */
  static Result rank(
      List<IssueCategory> categories,
      UUID caseCenter,
      List<CounselorCandidate> candidates,
      Map<VolunteerId, Integer> openCases) {
    List<Ranked> ranked = new ArrayList<>();
    List<Excluded> excluded = new ArrayList<>();
    for (CounselorCandidate c : candidates) {
      if (c.qualificationExpired()) {
        excluded.add(new Excluded(c, List.of(new Reason("team.excluded.qualificationExpired"))));
        continue;
      }
      ranked.add(score(categories, caseCenter, c, openCases.getOrDefault(c.id(), 0)));
    }
    ranked.sort(
        Comparator.comparingInt(Ranked::score)
            .reversed()
            .thenComparingInt(Ranked::openCases)
            .thenComparing(r -> -r.candidate().availability().size())
            .thenComparing(r -> r.candidate().name()));
    Ranked lead = ranked.isEmpty() ? null : ranked.get(0);
    List<Ranked> co = new ArrayList<>();
    if (lead != null) {
      ranked.stream()
          .skip(1)
          .filter(r -> !lead.covers().containsAll(r.covers()))
          .findFirst()
          .ifPresent(co::add);
    }
    return new Result(List.copyOf(ranked), List.copyOf(excluded), lead, List.copyOf(co));
  }

  static Ranked score(
      List<IssueCategory> categories, UUID caseCenter, CounselorCandidate c, int open) {
    int score = 0;
    List<Reason> reasons = new ArrayList<>();
    Set<String> covers = new LinkedHashSet<>();
    List<Object> bySpeciality = new ArrayList<>();
    List<Object> byBackground = new ArrayList<>();
    Set<String> fits = BACKGROUND_FITS.getOrDefault(c.background(), Set.of());
    for (IssueCategory category : categories) {
      Named name = new Named(category.nameZh(), category.nameEn());
      if (category.specialities().stream().anyMatch(c.specialities()::contains)) {
        score += SPECIALITY;
        covers.add(category.code());
        bySpeciality.add(name);
      }
      if (fits.contains(category.code())) {
        score += BACKGROUND;
        covers.add(category.code());
        byBackground.add(name);
      }
    }
    if (!bySpeciality.isEmpty()) {
      reasons.add(new Reason("team.reason.speciality", new Joined(bySpeciality)));
    }
    if (!byBackground.isEmpty()) {
      reasons.add(
          new Reason(
              "team.reason.background",
              new Key("volunteer.background." + c.background().name()),
              new Joined(byBackground)));
    }
    if (c.centerId() != null && c.centerId().equals(caseCenter)) {
      score += SAME_CENTER;
      reasons.add(new Reason("team.reason.sameCenter", c.centerName()));
    } else {
      reasons.add(new Reason("team.reason.sameCounty", c.centerName()));
    }
    int halfDays = c.availability().size();
    score += Math.min(AVAILABILITY_MAX, PER_HALF_DAY * halfDays);
    reasons.add(availability(c.availability()));
    score -= PER_OPEN_CASE * open;
    reasons.add(
        open == 0
            ? new Reason("team.reason.noOpenCases")
            : new Reason("team.reason.openCases", open));
    return new Ranked(c, score, open, Set.copyOf(covers), List.copyOf(reasons));
  }

  /** "周二上午、周四下午可服务"; past a few half-days, the first ones and the count. */
  static Reason availability(Set<HalfDay> slots) {
    if (slots.isEmpty()) {
      return new Reason("team.reason.noAvailability");
    }
    List<Object> named =
        slots.stream().sorted().limit(HALF_DAYS_NAMED).map(s -> (Object) slot(s)).toList();
    return slots.size() <= HALF_DAYS_NAMED
        ? new Reason("team.reason.available", new Joined(named))
        : new Reason("team.reason.availableMany", new Joined(named), slots.size());
  }

  static Slot slot(HalfDay s) {
    String[] parts = s.name().split("_");
    return new Slot("day." + parts[0], "halfDay." + parts[1]);
  }

  private static Map<Background, Set<String>> backgroundFits() {
    Map<Background, Set<String>> fits = new EnumMap<>(Background.class);
    fits.put(Background.LAWYER, Set.of("MONEY_PROPERTY"));
    fits.put(Background.PSYCHOLOGICAL_COUNSELOR, Set.of("EMOTIONAL_CRISIS", "ADDICTION"));
    fits.put(Background.FAMILY_INSTRUCTOR, Set.of("PARENTING"));
    return Map.copyOf(fits);
  }
}

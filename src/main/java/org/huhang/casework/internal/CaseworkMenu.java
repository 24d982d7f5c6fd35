package org.huhang.casework.internal;

import java.util.EnumSet;
import java.util.Optional;
import org.huhang.shared.Role;
import org.huhang.shared.web.HomeSection;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The casework menu entries, and the referral queue's nearest deadlines on the home page. */
@Configuration(proxyBeanMethods = false)
class CaseworkMenu {

  /** How many waiting couples the home page lists; the queue page has the rest. */
  static final int HOME_ITEMS = 5;

  @Bean
  HomeSection referralQueue(ReferralDesk desk, CaseworkPolicy policy) {
    return actor -> {
      if (!policy.mayWorkReferrals(actor)) {
        return Optional.empty();
      }
      var items =
          // A few more than shown: decided applications drop out after the query.
          desk.queue(actor, 4 * HOME_ITEMS).stream()
              .limit(HOME_ITEMS)
              .map(
                  r ->
                      new HomeSection.Item(
                          r.couple() == null ? "—" : r.couple(),
                          "/referrals/" + r.id(),
                          r.withdrawalDeadline().toString()))
              .toList();
      return Optional.of(new HomeSection.Panel(2, "home.referrals", "home.referrals.none", items));
    };
  }

  @Bean
  MenuEntry referralsMenuEntry() {
    return new MenuEntry(
        15,
        "menu.referrals",
        "/referrals",
        EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER));
  }

  @Bean
  MenuEntry casesMenuEntry() {
    return new MenuEntry(
        16,
        "menu.cases",
        "/cases",
        EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER, Role.COUNSELOR));
  }

  // Outcome, follow-up and team part: the open cases and the follow-ups due on the home pages.

  @Bean
  HomeSection openCasesHome(
      CaseHomeLists lists, org.springframework.context.MessageSource messages) {
    return actor -> {
      boolean manager = actor.is(Role.CENTER_MANAGER);
      if (!manager && !actor.is(Role.COUNSELOR)) {
        return Optional.empty();
      }
      var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
      var items =
          lists.openCases(actor, HOME_ITEMS).stream()
              .map(r -> r.item(messages.getMessage("case.risk." + r.risk(), null, locale)))
              .toList();
      return Optional.of(
          new HomeSection.Panel(
              3,
              manager ? "home.openCases" : "home.myCases",
              manager ? "home.openCases.none" : "home.myCases.none",
              items));
    };
  }

  @Bean
  HomeSection followUpsHome(
      FollowUps followUps,
      java.time.Clock clock,
      org.springframework.context.MessageSource messages) {
    return actor -> {
      if (!actor.is(Role.CENTER_MANAGER) && !actor.is(Role.COUNSELOR)) {
        return Optional.empty();
      }
      // Due within the week, overdue first: the calls to make now.
      var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
      var items =
          followUps.pending(actor, java.time.LocalDate.now(clock).plusDays(7), HOME_ITEMS).stream()
              .map(
                  f ->
                      new HomeSection.Item(
                          (f.couple() == null ? "—" : f.couple())
                              + " · "
                              + messages.getMessage(
                                  "followUp.months", new Object[] {f.months()}, locale),
                          "/cases/" + f.caseId() + "/outcome",
                          f.dueOn().toString()))
              .toList();
      return Optional.of(new HomeSection.Panel(4, "home.followUps", "home.followUps.none", items));
    };
  }

  @Bean
  MenuEntry followUpsMenuEntry() {
    return new MenuEntry(
        17,
        "menu.followUps",
        "/follow-ups",
        EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER, Role.COUNSELOR));
  }

  @Bean
  MenuEntry sessionCalendarMenuEntry() {
    return new MenuEntry(
        18,
        "menu.sessionCalendar",
        "/sessions/calendar",
        EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER, Role.COUNSELOR));
  }

  /** Tomorrow's planned sessions: a counselor's own, a center manager's centers'. */
  @Bean
  HomeSection tomorrowsSessions(SessionCalendar calendar) {
    return actor -> {
      if (!(actor.is(Role.COUNSELOR) || actor.is(Role.CENTER_MANAGER))) {
        return Optional.empty();
      }
      return Optional.of(
          new HomeSection.Panel(
              3,
              "home.sessions.tomorrow",
              "home.sessions.tomorrow.none",
              sessionItems(calendar.tomorrow(actor), false)));
    };
  }

  /** The counselor's sessions still ahead this week. */
  @Bean
  HomeSection thisWeeksSessions(SessionCalendar calendar) {
    return actor -> {
      if (!actor.is(Role.COUNSELOR)) {
        return Optional.empty();
      }
      return Optional.of(
          new HomeSection.Panel(
              4,
              "home.sessions.week",
              "home.sessions.week.none",
              sessionItems(calendar.restOfWeek(actor), true)));
    };
  }

  private static java.util.List<HomeSection.Item> sessionItems(
      java.util.List<SessionCalendar.Entry> entries, boolean withDay) {
    return entries.stream()
        .limit(2L * HOME_ITEMS)
        .map(
            e ->
                new HomeSection.Item(
                    e.couple() == null ? "—" : e.couple(),
                    e.href(),
                    (withDay ? e.day() + " " : "") + e.start().toLocalTime()))
        .toList();
  }
}

package org.huhang.registration.internal;

import java.util.EnumSet;
import java.util.Optional;
import org.huhang.registration.DivorceApplications;
import org.huhang.shared.Role;
import org.huhang.shared.web.HomeSection;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Menu entries of the registration module, and this week's deadlines on the home page. */
@Configuration(proxyBeanMethods = false)
class RegistrationHome {

  @Bean
  MenuEntry registrationsMenuEntry() {
    return new MenuEntry(
        10,
        "menu.registrations",
        "/registrations",
        EnumSet.of(Role.REGISTRAR, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER));
  }

  @Bean
  MenuEntry boardMenuEntry() {
    return new MenuEntry(
        11,
        "menu.board",
        "/registrations/board",
        EnumSet.of(Role.REGISTRAR, Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER));
  }

  @Bean
  MenuEntry calendarMenuEntry() {
    return new MenuEntry(85, "menu.calendar", "/calendar", EnumSet.of(Role.CITY_ADMIN));
  }

  /**
   * The registrar's month: each figure a line that opens the list behind it (the board for what
   * falls due this week).
   */
  @Bean
  HomeSection registrarMonth(
      DivorceApplications applications, org.springframework.context.MessageSource messages) {
    return actor -> {
      if (!actor.is(Role.REGISTRAR)) {
        return Optional.empty();
      }
      return applications
          .month(actor)
          .map(
              m -> {
                var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
                java.util.function.BiFunction<String, Integer, String> count =
                    (key, n) -> messages.getMessage(key, new Object[] {n}, locale);
                String month = "from=" + m.monthStart() + "&to=" + m.today();
                var items =
                    java.util.List.of(
                        new HomeSection.Item(
                            messages.getMessage("home.month.received", null, locale),
                            "/registrations?" + month,
                            count.apply("home.month.count", m.received())),
                        new HomeSection.Item(
                            messages.getMessage("home.month.cooling", null, locale),
                            "/registrations?outcome=PENDING",
                            count.apply("home.month.count", m.inCoolingOff())),
                        new HomeSection.Item(
                            messages.getMessage("home.month.ends", null, locale),
                            "/registrations/board",
                            count.apply("home.month.count", m.coolingOffEndsThisWeek())),
                        new HomeSection.Item(
                            messages.getMessage("home.month.due", null, locale),
                            "/registrations?outcome=PENDING",
                            count.apply("home.month.count", m.certificateDueThisWeek())),
                        new HomeSection.Item(
                            messages.getMessage(
                                "home.month.outcomes",
                                new Object[] {m.withdrawn(), m.deemedWithdrawn(), m.divorced()},
                                locale),
                            "/registrations?outcome=WITHDRAWN",
                            ""));
                return new HomeSection.Panel(4, "home.month", "home.month.none", items);
              });
    };
  }

  @Bean
  HomeSection movedDeadlines(DivorceApplications applications) {
    return actor -> {
      if (!actor.is(Role.REGISTRAR)) {
        return Optional.empty();
      }
      var items =
          applications.recentMoves(14, actor).stream()
              .map(
                  m ->
                      new HomeSection.Item(
                          m.oldWithdrawal()
                              + " → "
                              + m.newWithdrawal()
                              + " / "
                              + m.oldCertificate()
                              + " → "
                              + m.newCertificate(),
                          "/registrations/" + m.applicationId(),
                          ""))
              .toList();
      return Optional.of(
          new HomeSection.Panel(5, "home.movedDeadlines", "home.movedDeadlines.none", items));
    };
  }
}

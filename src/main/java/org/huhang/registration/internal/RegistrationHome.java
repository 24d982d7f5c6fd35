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

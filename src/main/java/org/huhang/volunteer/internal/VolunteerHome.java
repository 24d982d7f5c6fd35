package org.huhang.volunteer.internal;

import java.util.EnumSet;
import java.util.Optional;
import org.huhang.shared.Role;
import org.huhang.shared.web.HomeSection;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The volunteer menu entry, and the certificates expiring within 30 days on the home page. */
@Configuration(proxyBeanMethods = false)
class VolunteerHome {

  static final int EXPIRY_WARNING_DAYS = 30;

  @Bean
  MenuEntry volunteersMenuEntry() {
    return new MenuEntry(
        30,
        "menu.volunteers",
        "/volunteers",
        EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER));
  }

  @Bean
  HomeSection expiringQualifications(VolunteerRecords records, VolunteerPolicy policy) {
    return actor -> {
      if (!policy.mayManage(actor)) {
        return Optional.empty();
      }
      var items =
          records.expiringQualifications(actor, EXPIRY_WARNING_DAYS).stream()
              .map(
                  q ->
                      new HomeSection.Item(
                          q.volunteerName() + " · " + q.type(),
                          "/volunteers/" + q.volunteerId(),
                          q.expiresOn().toString()))
              .toList();
      return Optional.of(
          new HomeSection.Panel(
              10, "home.expiringQualifications", "home.expiringQualifications.none", items));
    };
  }
}

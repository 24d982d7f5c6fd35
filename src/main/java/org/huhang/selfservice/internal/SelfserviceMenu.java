package org.huhang.selfservice.internal;

import java.util.EnumSet;
import org.huhang.shared.Role;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SelfserviceMenu {

  @Bean
  MenuEntry bookingsMenuEntry() {
    return new MenuEntry(
        37,
        "menu.bookings",
        "/bookings",
        EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER, Role.COUNSELOR));
  }

  @Bean
  MenuEntry surveysMenuEntry() {
    return new MenuEntry(13, "menu.surveys", "/surveys", EnumSet.copyOf(SurveyFigures.READERS));
  }
}

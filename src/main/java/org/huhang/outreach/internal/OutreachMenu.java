package org.huhang.outreach.internal;

import java.util.EnumSet;
import org.huhang.shared.Role;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutreachMenu {

  @Bean
  MenuEntry outreachMenuEntry() {
    return new MenuEntry(
        35,
        "menu.outreach",
        "/outreach-events",
        EnumSet.of(
            Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER, Role.COUNSELOR, Role.ANALYST));
  }

  @Bean
  MenuEntry projectsMenuEntry() {
    return new MenuEntry(
        36,
        "menu.projects",
        "/service-projects",
        EnumSet.of(
            Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER, Role.COUNSELOR, Role.ANALYST));
  }
}

package org.huhang.teaching.internal;

import java.util.EnumSet;
import org.huhang.shared.Role;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TeachingMenu {

  @Bean
  MenuEntry teachingMenuEntry() {
    return new MenuEntry(
        42,
        "menu.teaching",
        "/teaching-cases",
        EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER, Role.COUNSELOR));
  }
}

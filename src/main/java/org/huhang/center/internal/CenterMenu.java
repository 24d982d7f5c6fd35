package org.huhang.center.internal;

import java.util.EnumSet;
import org.huhang.shared.Role;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CenterMenu {

  @Bean
  MenuEntry centersMenuEntry() {
    return new MenuEntry(
        20,
        "menu.centers",
        "/centers",
        EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER, Role.ANALYST));
  }
}

package org.huhang.region.internal;

import java.util.EnumSet;
import org.huhang.shared.Role;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegionMenu {

  @Bean
  MenuEntry regionsMenu() {
    return new MenuEntry(
        70,
        "menu.regions",
        "/regions",
        EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER, Role.ANALYST));
  }
}

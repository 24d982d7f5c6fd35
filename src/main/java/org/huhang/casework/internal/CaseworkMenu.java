package org.huhang.casework.internal;

import java.util.EnumSet;
import org.huhang.shared.Role;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CaseworkMenu {

  @Bean
  MenuEntry referralsMenuEntry() {
    return new MenuEntry(
        15,
        "menu.referrals",
        "/referrals",
        EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER));
  }
}

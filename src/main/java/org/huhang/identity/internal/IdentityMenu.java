package org.huhang.identity.internal;

import java.util.EnumSet;
import org.huhang.shared.Role;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityMenu {

  @Bean
  MenuEntry usersMenu() {
    return new MenuEntry(
        80, "menu.users", "/users", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN));
  }

  @Bean
  MenuEntry accountMenu() {
    return new MenuEntry(95, "menu.account", "/account/password", EnumSet.allOf(Role.class));
  }
}

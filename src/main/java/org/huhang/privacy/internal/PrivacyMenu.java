package org.huhang.privacy.internal;

import java.util.EnumSet;
import org.huhang.shared.Role;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PrivacyMenu {

  @Bean
  MenuEntry retentionMenuEntry() {
    return new MenuEntry(91, "menu.retention", "/privacy/retention", EnumSet.of(Role.CITY_ADMIN));
  }

  /** Beside retention: what protects the same records. */
  @Bean
  MenuEntry keysMenuEntry() {
    return new MenuEntry(91, "menu.keys", "/privacy/keys", EnumSet.of(Role.CITY_ADMIN));
  }

  @Bean
  MenuEntry rightsMenuEntry() {
    return new MenuEntry(
        89, "menu.rights", "/privacy/requests", EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN));
  }
}

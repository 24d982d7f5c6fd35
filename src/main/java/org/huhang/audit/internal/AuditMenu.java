package org.huhang.audit.internal;

import java.util.EnumSet;
import org.huhang.shared.Role;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditMenu {

  @Bean
  MenuEntry auditMenuEntry() {
    return new MenuEntry(90, "menu.audit", "/audit", EnumSet.of(Role.CITY_ADMIN));
  }

  @Bean
  MenuEntry backupsMenuEntry() {
    return new MenuEntry(92, "menu.backups", "/system/backups", EnumSet.of(Role.CITY_ADMIN));
  }
}

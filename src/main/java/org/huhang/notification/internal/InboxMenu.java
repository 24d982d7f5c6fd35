package org.huhang.notification.internal;

import java.util.EnumSet;
import org.huhang.shared.Role;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 消息 for every staff role: each reads its own. */
@Configuration(proxyBeanMethods = false)
class InboxMenu {

  static final String HREF = "/inbox";

  @Bean
  MenuEntry inboxMenuEntry() {
    return new MenuEntry(5, "menu.inbox", HREF, EnumSet.allOf(Role.class));
  }
}

package org.huhang.training.internal;

import java.util.EnumSet;
import org.huhang.shared.Role;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The training menu entry: for everyone but registrars. */
@Configuration(proxyBeanMethods = false)
class TrainingMenu {

  @Bean
  MenuEntry trainingMenuEntry() {
    return new MenuEntry(
        40,
        "menu.training",
        "/training/courses",
        EnumSet.of(
            Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER, Role.COUNSELOR, Role.ANALYST));
  }
}

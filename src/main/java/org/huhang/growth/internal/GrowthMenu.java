package org.huhang.growth.internal;

import java.util.EnumSet;
import java.util.List;
import org.huhang.shared.Role;
import org.huhang.shared.web.HomeSection;
import org.huhang.shared.web.MenuEntry;
import org.huhang.volunteer.Volunteers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 我的成长 for counselors (the accounts linked to volunteers), 志愿者成长 for those who manage volunteers,
 * and a home panel leading a linked volunteer to its own page.
 */
@Configuration(proxyBeanMethods = false)
class GrowthMenu {

  @Bean
  MenuEntry ownGrowthMenuEntry() {
    return new MenuEntry(31, "menu.growth.own", "/me/growth", EnumSet.of(Role.COUNSELOR));
  }

  @Bean
  MenuEntry growthMenuEntry() {
    return new MenuEntry(
        32,
        "menu.growth",
        "/growth",
        EnumSet.of(Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER));
  }

  @Bean
  HomeSection ownGrowthPanel(Volunteers volunteers) {
    return actor ->
        volunteers
            .own(actor)
            .map(
                v ->
                    new HomeSection.Panel(
                        5,
                        "home.growth",
                        "home.growth.none",
                        List.of(new HomeSection.Item(v.name(), "/me/growth", null))));
  }
}

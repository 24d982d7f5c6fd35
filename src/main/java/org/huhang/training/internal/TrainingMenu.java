package org.huhang.training.internal;

import java.util.EnumSet;
import java.util.Optional;
import org.huhang.shared.Role;
import org.huhang.shared.web.HomeSection;
import org.huhang.shared.web.MenuEntry;
import org.huhang.volunteer.Volunteers;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;

/** The training menu entry (everyone but registrars), and "my courses" on a volunteer's home. */
@Configuration(proxyBeanMethods = false)
class TrainingMenu {

  static final int HOME_ITEMS = 5;

  @Bean
  MenuEntry trainingMenuEntry() {
    return new MenuEntry(
        40,
        "menu.training",
        "/training/courses",
        EnumSet.of(
            Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.CENTER_MANAGER, Role.COUNSELOR, Role.ANALYST));
  }

  /** The courses of the volunteer linked to the user, with where it stands in each. */
  @Bean
  HomeSection myCourses(
      CourseCatalog catalog, Volunteers volunteers, TrainingPolicy policy, MessageSource messages) {
    return actor -> {
      if (!policy.mayRead(actor) || actor.userId() == null) {
        return Optional.empty();
      }
      return volunteers
          .forUser(actor.userId())
          .map(
              v -> {
                var locale = LocaleContextHolder.getLocale();
                var items =
                    catalog.coursesOf(v.id()).stream()
                        .limit(HOME_ITEMS)
                        .map(
                            c ->
                                new HomeSection.Item(
                                    c.title(),
                                    "/training/courses/" + c.courseId(),
                                    messages.getMessage(
                                        "participant.status." + c.status().name(), null, locale)))
                        .toList();
                return new HomeSection.Panel(20, "home.myCourses", "home.myCourses.none", items);
              });
    };
  }
}

package org.huhang.training.internal;

import java.util.EnumSet;
import java.util.List;
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

  /**
   * The courses of the user (its volunteer's, or its own as staff), with where it stands in each.
   */
  @Bean
  HomeSection myCourses(
      CourseCatalog catalog, Volunteers volunteers, TrainingPolicy policy, MessageSource messages) {
    return actor -> {
      if (actor.userId() == null) {
        return Optional.empty();
      }
      // A volunteer's courses (its panel shows even when empty); a staff member's, a registrar's
      // too, when it takes part in one.
      Optional<List<org.huhang.training.VolunteerCourse>> mine =
          volunteers
              .forUser(actor.userId())
              .filter(v -> policy.mayRead(actor))
              .map(v -> catalog.coursesOf(v.id()))
              .or(
                  () ->
                      Optional.of(catalog.coursesOfUser(actor.userId())).filter(c -> !c.isEmpty()));
      return mine.map(
          courses -> {
            var locale = LocaleContextHolder.getLocale();
            var items =
                courses.stream()
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

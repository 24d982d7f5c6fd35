package org.huhang.reporting.internal;

import java.util.List;
import java.util.Optional;
import org.huhang.reporting.Figures;
import org.huhang.reporting.Reporting;
import org.huhang.reporting.StatsSummary;
import org.huhang.shared.Role;
import org.huhang.shared.web.HomeSection;
import org.huhang.shared.web.MenuEntry;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The dashboard's menu entry (统计) for the roles that read figures, and on the home page of the
 * analyst and the administrators this year's headline figures of their region, each linking to the
 * dashboard: the same figures as /stats and the API.
 */
@Configuration(proxyBeanMethods = false)
class ReportingMenu {

  @Bean
  MenuEntry statsMenuEntry() {
    return new MenuEntry(12, "menu.stats", "/stats", StatsPolicy.READERS);
  }

  @Bean
  HomeSection statsHome(Reporting reporting, MessageSource messages) {
    return actor -> {
      if (!(actor.is(Role.CITY_ADMIN) || actor.is(Role.COUNTY_ADMIN) || actor.is(Role.ANALYST))) {
        return Optional.empty();
      }
      StatsSummary s = reporting.summary(null, null, null, actor);
      Figures f = s.figures();
      var locale = LocaleContextHolder.getLocale();
      String link = "/stats";
      List<HomeSection.Item> items =
          List.of(
              item(
                  messages.getMessage("stats.card.applications", null, locale),
                  link,
                  f.applications()),
              new HomeSection.Item(
                  messages.getMessage("stats.card.counseled", null, locale),
                  link,
                  f.counseled() + " · " + rate(f.counselingRate())),
              new HomeSection.Item(
                  messages.getMessage("stats.card.reconciled", null, locale),
                  link,
                  f.reconciled() + " · " + rate(f.reconciliationRate())),
              item(messages.getMessage("stats.card.highRisk", null, locale), link, f.highRisk()),
              item(
                  messages.getMessage("stats.card.volunteers", null, locale), link, f.volunteers()),
              item(
                  messages.getMessage("stats.card.events", null, locale),
                  link,
                  f.outreachEvents()));
      // Without the percentage: the progress alert above it counts on, this panel does not.
      String note =
          s.complete() ? null : messages.getMessage("stats.home.incomplete", null, locale);
      return Optional.of(
          new HomeSection.Panel(1, "stats.home.title", "stats.home.none", items, note));
    };
  }

  private static HomeSection.Item item(String text, String href, long value) {
    return new HomeSection.Item(text, href, Long.toString(value));
  }

  private static String rate(java.math.BigDecimal rate) {
    return rate == null ? "—" : rate.toPlainString() + "%";
  }
}

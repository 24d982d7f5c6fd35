package org.huhang.reporting.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.huhang.reporting.Figures;
import org.huhang.reporting.MonthFigures;
import org.huhang.reporting.RegionFigures;
import org.huhang.reporting.StatsSummary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the dashboard shows of one {@link StatsSummary}: the headline cards, the child regions' rows
 * in the order asked for, and the charts' data and labels as JSON for static/js/dashboard.js.
 * Numbers and rates are the summary's, as the API answers them; nothing is computed again.
 */
public record Dashboard(
    StatsSummary summary,
    String report,
    List<Card> cards,
    List<RegionFigures> rows,
    String sort,
    String dir,
    String charts,
    boolean records) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The table's sortable columns and how each orders the rows. */
  static final Map<String, Comparator<RegionFigures>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("name", Comparator.comparing(RegionFigures::regionCode));
    COLUMNS.put("applications", Comparator.comparingLong(r -> r.figures().applications()));
    COLUMNS.put("counseled", Comparator.comparingLong(r -> r.figures().counseled()));
    COLUMNS.put("counselingRate", rate(f -> f.counselingRate()));
    COLUMNS.put("reconciled", Comparator.comparingLong(r -> r.figures().reconciled()));
    COLUMNS.put("reconciliationRate", rate(f -> f.reconciliationRate()));
  }

  /**
   * A headline card: its id, label, number and, where it has them, its rate and the rate's or the
   * number's note, in the user's language.
   */
  public record Card(String id, String label, String value, String rate, String note) {}

  static Dashboard of(
      StatsSummary s,
      String report,
      String sort,
      String dir,
      MessageSource messages,
      boolean records) {
    Figures f = s.figures();
    var locale = LocaleContextHolder.getLocale();
    Function<String, String> t = key -> messages.getMessage(key, null, locale);
    List<Card> cards =
        List.of(
            new Card(
                "applications",
                t.apply("stats.card.applications"),
                n(f.applications()),
                null,
                null),
            new Card(
                "counseled",
                t.apply("stats.card.counseled"),
                n(f.counseled()),
                percent(f.counselingRate()),
                t.apply("stats.card.counselingRate")),
            new Card(
                "reconciled",
                t.apply("stats.card.reconciled"),
                n(f.reconciled()),
                percent(f.reconciliationRate()),
                t.apply("stats.card.reconciliationRate")),
            new Card(
                "highRisk",
                t.apply("stats.card.highRisk"),
                n(f.highRisk()),
                null,
                t.apply("stats.card.highRisk.note")),
            new Card(
                "centers",
                t.apply("stats.card.centers"),
                n(f.centers()) + " / " + n(f.rooms()),
                null,
                t.apply("stats.card.centers.note")),
            new Card("volunteers", t.apply("stats.card.volunteers"), n(f.volunteers()), null, null),
            new Card("events", t.apply("stats.card.events"), n(f.outreachEvents()), null, null),
            new Card(
                "training",
                t.apply("stats.card.training"),
                n(f.trainingCourses()),
                null,
                messages.getMessage(
                    "stats.card.training.note", new Object[] {f.trainingParticipants()}, locale)));
    String column = sort != null && COLUMNS.containsKey(sort) ? sort : null;
    String direction = "asc".equals(dir) ? "asc" : "desc";
    List<RegionFigures> rows = new ArrayList<>(s.byCounty());
    if (column != null) {
      Comparator<RegionFigures> order = COLUMNS.get(column);
      rows.sort(direction.equals("asc") ? order : order.reversed());
    }
    return new Dashboard(s, report, cards, rows, column, direction, charts(s, messages), records);
  }

  /** The link of a column's header: by that column, the other way round when already so. */
  public String sortQuery(StatsForm form, String column) {
    String next =
        column.equals(sort)
            ? (dir.equals("asc") ? "desc" : "asc")
            : (column.equals("name") ? "asc" : "desc");
    return form.query(summary.regionCode()) + "&sort=" + column + "&dir=" + next + "#stats-table";
  }

  /**
   * The link of a card's number to the records behind it, for roles that may see records and
   * figures that count applications; otherwise null (the number is no link).
   */
  public String recordsHref(StatsForm form, String cardId) {
    if (!records || org.huhang.reporting.RecordFigure.of(cardId).isEmpty()) {
      return null;
    }
    return "/stats/records" + form.query(summary.regionCode()) + "&figure=" + cardId;
  }

  /** aria-sort of a column's header. */
  public String ariaSort(String column) {
    if (!column.equals(sort)) {
      return null;
    }
    return dir.equals("asc") ? "ascending" : "descending";
  }

  public static String n(long value) {
    return Long.toString(value);
  }

  /** A rate as the API answers it (two decimals) with its percent sign; none: a dash. */
  public static String percent(BigDecimal rate) {
    return rate == null ? "—" : rate.toPlainString() + "%";
  }

  private static Comparator<RegionFigures> rate(Function<Figures, BigDecimal> get) {
    return Comparator.comparing(
        r -> get.apply(r.figures()), Comparator.nullsFirst(Comparator.naturalOrder()));
  }

  private static String charts(StatsSummary s, MessageSource messages) {
    var locale = LocaleContextHolder.getLocale();
    Function<String, String> t = key -> messages.getMessage(key, null, key, locale);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("empty", t.apply("stats.chart.empty"));

    // Every month of the period, the months without any figure as zeros.
    Map<YearMonth, MonthFigures> byMonth = new TreeMap<>();
    s.byMonth().forEach(m -> byMonth.put(m.month(), m));
    List<String> months = new ArrayList<>();
    List<Long> applications = new ArrayList<>();
    List<Long> counseled = new ArrayList<>();
    List<Long> reconciled = new ArrayList<>();
    for (YearMonth m = YearMonth.from(s.from());
        !m.isAfter(YearMonth.from(s.to()));
        m = m.plusMonths(1)) {
      MonthFigures f = byMonth.get(m);
      months.add(m.toString());
      applications.add(f == null ? 0 : f.applications());
      counseled.add(f == null ? 0 : f.counseled());
      reconciled.add(f == null ? 0 : f.reconciled());
    }
    data.put(
        "trend",
        Map.of(
            "categories",
            months,
            "series",
            List.of(
                series(t.apply("stats.series.applications"), applications),
                series(t.apply("stats.series.counseled"), counseled),
                series(t.apply("stats.series.reconciled"), reconciled))));

    List<String> names = new ArrayList<>();
    List<Long> cApplications = new ArrayList<>();
    List<Long> cCounseled = new ArrayList<>();
    List<Long> cReconciled = new ArrayList<>();
    for (RegionFigures r : s.byCounty()) {
      names.add(r.name());
      cApplications.add(r.figures().applications());
      cCounseled.add(r.figures().counseled());
      cReconciled.add(r.figures().reconciled());
    }
    data.put(
        "regions",
        Map.of(
            "categories",
            names,
            "series",
            List.of(
                series(t.apply("stats.series.applications"), cApplications),
                series(t.apply("stats.series.counseled"), cCounseled),
                series(t.apply("stats.series.reconciled"), cReconciled))));

    List<Map<String, Object>> volunteers = new ArrayList<>();
    s.figures()
        .volunteersByBackground()
        .forEach(
            (b, count) ->
                volunteers.add(
                    Map.of("name", t.apply("volunteer.background." + b.name()), "value", count)));
    data.put("volunteers", volunteers);

    List<String> types = new ArrayList<>();
    List<Long> events = new ArrayList<>();
    s.figures()
        .outreachEventsByType()
        .forEach(
            (type, count) -> {
              types.add(t.apply("outreach.type." + type.name()));
              events.add(count);
            });
    data.put(
        "events",
        Map.of(
            "categories",
            types,
            "series",
            List.of(series(t.apply("stats.series.events"), events))));
    return JSON.writeValueAsString(data);
  }

  private static Map<String, Object> series(String name, List<Long> values) {
    return Map.of("name", name, "data", values);
  }
}

package org.huhang.shared.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * What the Binzhou history data set holds: the couples who filed for divorce in the city's seven
 * counties from 2018-01-01 to 2023-09-30, each with whether counseling was offered and taken, how
 * it went and whether the couple stayed married. Fixed by a seed, so every start builds the same
 * plan; the modules turn it into records through their own import and services ({@link
 * HistoryStep}). The totals are the federation's published figures for the period: 43,946
 * applications, 28,978 counseled, 17,206 reconciled (65.94 %, 39.15 %); the plan spreads them over
 * counties, years and months as a city's registration offices saw them (fewer in February and at
 * the first COVID-19 wave, fewer from 2021 when the cooling-off period began, a counseling rate
 * that grows over the years and is highest in 无棣县, where the service started).
 */
public final class BinzhouHistory {

  public static final LocalDate FROM = LocalDate.of(2018, 1, 1);
  public static final LocalDate TO = LocalDate.of(2023, 9, 30);
  public static final String CITY = "371600";

  /** The city's data-scope path, below the province of Shandong. */
  public static final String CITY_PATH = "/370000/371600/";

  public static final int APPLICATIONS = 43_946;
  public static final int COUNSELED = 28_978;
  public static final int RECONCILED = 17_206;

  /** Counseled couples screened HIGH risk: never reconciliation targets, counted on their own. */
  public static final int HIGH_RISK = 420;

  /** Couples whose only sessions came after the outcome: not counseled for the figures. */
  public static final int LATE = 380;

  /** Couples who took counseling and never came: a case, no session held. */
  public static final int NO_SHOW = 1_200;

  /** Active volunteers and outreach events the federation reports for the period. */
  public static final int VOLUNTEERS = 447;

  public static final int EVENTS = 492;

  public static final List<String> COUNTIES =
      List.of("371602", "371603", "371621", "371622", "371623", "371625", "371681");

  /** Share of the city's applications by county (roughly by population). */
  private static final double[] COUNTY_VOLUME = {0.20, 0.10, 0.15, 0.12, 0.12, 0.13, 0.18};

  /** How readily couples took counseling by county: 无棣县 (index 4) started the service. */
  private static final double[] COUNTY_COUNSEL = {1.0, 0.85, 0.95, 0.9, 1.5, 1.2, 1.0};

  private static final double[] YEAR_VOLUME = {1.0, 1.05, 0.9, 0.72, 0.68, 0.74};
  private static final double[] YEAR_COUNSEL = {0.6, 0.8, 1.0, 1.2, 1.3, 1.4};
  private static final double[] MONTH_VOLUME = {
    1.0, 0.6, 1.25, 1.15, 1.1, 1.0, 1.05, 1.0, 0.95, 0.8, 1.0, 1.05
  };

  private static final long SEED = 2018_0101_2023_0930L;

  /** How counseling went for a couple. */
  public enum Counseling {
    /** Not taken (or not offered): no case. */
    DECLINED,
    /** Taken, a case opened, no session ever held. */
    NO_SHOW,
    /** Sessions held, all of them after the outcome. */
    LATE,
    /** At least one session held on or before the outcome. */
    HELD
  }

  /** What the safety screening found, for couples whose case screened them. */
  public enum Screening {
    NONE,
    LOW,
    ELEVATED,
    HIGH
  }

  /**
   * One couple of the plan, numbered from 1 in the order of the received date. {@code seed} drives
   * every further choice a module makes about it (names, days, notes), so those are fixed too.
   */
  public record Couple(
      int number,
      String county,
      LocalDate receivedOn,
      boolean offered,
      Counseling counseling,
      Screening screening,
      boolean stayedMarried,
      long seed) {

    public boolean accepted() {
      return counseling != Counseling.DECLINED;
    }

    /** Before the Civil Code: decided on the spot, no cooling-off period. */
    public boolean beforeCoolingOff() {
      return receivedOn.getYear() < 2021;
    }
  }

  private static volatile List<Couple> couples;

  /** Plans of other scales (benchmarks only), built once each. */
  private static final java.util.Map<Integer, List<Couple>> SCALED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private BinzhouHistory() {}

  /** The whole plan, in received order; built once (about 0.1 s) and kept. */
  public static List<Couple> couples() {
    List<Couple> plan = couples;
    if (plan == null) {
      synchronized (BinzhouHistory.class) {
        plan = couples;
        if (plan == null) {
          plan = build(1);
          couples = plan;
        }
      }
    }
    return plan;
  }

  /**
   * The plan of {@code scale} cities like Binzhou in one (bench/run-scale.sh): every count of the
   * plan ({@link #APPLICATIONS}, {@link #COUNSELED}, {@link #RECONCILED}, {@link #HIGH_RISK},
   * {@link #LATE}, {@link #NO_SHOW}) times {@code scale}, spread by the same weights and seed, so
   * the figures are exactly {@code scale} times the published ones and the rates the same. Scale 1
   * is {@link #couples()} itself.
   */
  public static List<Couple> couples(int scale) {
    if (scale < 1) {
      throw new IllegalArgumentException("scale " + scale);
    }
    return scale == 1 ? couples() : SCALED.computeIfAbsent(scale, BinzhouHistory::build);
  }

  /** The last plan of another city (province benchmark): its cities are written one at a time. */
  private static volatile java.util.Map.Entry<String, List<Couple>> lastCity;

  /**
   * The plan of {@code city} at {@code scale} times Binzhou's volume: Binzhou's own for Binzhou;
   * for another city the same weights over its seven counties, with a seed of its own, so its
   * figures are exactly {@code scale} times the published ones too but its days and couples differ.
   */
  public static List<Couple> couples(HistoryCity city, int scale) {
    if (city.isBinzhou()) {
      return couples(scale);
    }
    String key = city.code() + "×" + scale;
    var last = lastCity;
    if (last != null && last.getKey().equals(key)) {
      return last.getValue();
    }
    List<Couple> plan = build(scale, SEED ^ city.seed(), city.counties());
    lastCity = java.util.Map.entry(key, plan);
    return plan;
  }

  private static List<Couple> build(int scale) {
    return build(scale, SEED, COUNTIES);
  }

  private static List<Couple> build(int scale, long seed, List<String> counties) {
    Random random = new Random(seed);
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(FROM); !m.isAfter(YearMonth.from(TO)); m = m.plusMonths(1)) {
      months.add(m);
    }
    int cells = months.size() * counties.size();
    double[] weights = new double[cells];
    for (int m = 0; m < months.size(); m++) {
      YearMonth month = months.get(m);
      double monthWeight =
          YEAR_VOLUME[month.getYear() - 2018]
              * MONTH_VOLUME[month.getMonthValue() - 1]
              * covid(month);
      for (int c = 0; c < counties.size(); c++) {
        weights[m * counties.size() + c] =
            monthWeight * COUNTY_VOLUME[c] * (0.92 + 0.16 * random.nextDouble());
      }
    }
    int[] counts = largestRemainder(weights, APPLICATIONS * scale);

    record Slot(String county, int countyIndex, LocalDate day) {}
    List<Slot> slots = new ArrayList<>(APPLICATIONS * scale);
    for (int m = 0; m < months.size(); m++) {
      List<LocalDate> workdays = workdays(months.get(m));
      for (int c = 0; c < counties.size(); c++) {
        for (int k = 0; k < counts[m * counties.size() + c]; k++) {
          slots.add(new Slot(counties.get(c), c, workdays.get(random.nextInt(workdays.size()))));
        }
      }
    }
    slots.sort(Comparator.comparing(Slot::day).thenComparing(Slot::county));

    // Who was counseled: a weighted sample without replacement (key u^(1/w), the largest win).
    int n = slots.size();
    Counseling[] counseling = new Counseling[n];
    Arrays.fill(counseling, Counseling.DECLINED);
    Integer[] order =
        byWeightedKey(n, random, i -> weightOf(slots.get(i).countyIndex(), slots.get(i).day()));
    for (int i = 0; i < COUNSELED * scale; i++) {
      counseling[order[i]] = Counseling.HELD;
    }
    List<Integer> held = new ArrayList<>();
    List<Integer> notHeld = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      (counseling[i] == Counseling.HELD ? held : notHeld).add(i);
    }
    java.util.Collections.shuffle(held, random);
    java.util.Collections.shuffle(notHeld, random);
    boolean[] high = new boolean[n];
    for (int i = 0; i < HIGH_RISK * scale; i++) {
      high[held.get(i)] = true;
    }
    for (int i = 0; i < LATE * scale; i++) {
      counseling[notHeld.get(i)] = Counseling.LATE;
    }
    for (int i = LATE * scale; i < (LATE + NO_SHOW) * scale; i++) {
      counseling[notHeld.get(i)] = Counseling.NO_SHOW;
    }
    // Who stayed married among the counseled, not HIGH: weighted the same way, so a county and a
    // year that counsel more also reconcile a little more.
    List<Integer> target = held.subList(HIGH_RISK * scale, held.size());
    Integer[] targetOrder =
        byWeightedKey(
            target.size(),
            random,
            i ->
                Math.sqrt(
                    weightOf(
                        slots.get(target.get(i)).countyIndex(), slots.get(target.get(i)).day())));
    boolean[] stayed = new boolean[n];
    for (int i = 0; i < RECONCILED * scale; i++) {
      stayed[target.get(targetOrder[i])] = true;
    }

    List<Couple> plan = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Slot slot = slots.get(i);
      Counseling how = counseling[i];
      boolean staysMarried =
          switch (how) {
            case HELD -> high[i] ? random.nextInt(100) < 20 : stayed[i];
            case LATE -> random.nextInt(100) < 20;
            case NO_SHOW -> random.nextInt(100) < 15;
            case DECLINED -> random.nextInt(100) < 12;
          };
      Screening screening =
          how == Counseling.DECLINED || how == Counseling.NO_SHOW
              ? Screening.NONE
              : high[i]
                  ? Screening.HIGH
                  : random.nextInt(100) < 8 ? Screening.ELEVATED : Screening.LOW;
      boolean offered = how != Counseling.DECLINED || random.nextInt(100) < 90;
      plan.add(
          new Couple(
              i + 1,
              slot.county(),
              slot.day(),
              offered,
              how,
              screening,
              staysMarried,
              random.nextLong()));
    }
    return List.copyOf(plan);
  }

  private static double weightOf(int countyIndex, LocalDate day) {
    return COUNTY_COUNSEL[countyIndex] * YEAR_COUNSEL[day.getYear() - 2018];
  }

  private static Integer[] byWeightedKey(
      int n, Random random, java.util.function.IntToDoubleFunction weight) {
    double[] keys = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      keys[i] = Math.log(random.nextDouble() + Double.MIN_VALUE) / weight.applyAsDouble(i);
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
    return order;
  }

  /** The first wave of COVID-19 closed offices for most of February and part of March 2020. */
  private static double covid(YearMonth month) {
    if (month.getYear() != 2020) {
      return 1;
    }
    return switch (month.getMonthValue()) {
      case 2 -> 0.25;
      case 3 -> 0.6;
      default -> 1;
    };
  }

  /**
   * The weekdays the registration offices were closed for public holidays (the State Council's
   * notices; 2020's Spring Festival as extended for COVID-19 to 2 February; 2021–2023 as the
   * calendar the platform ships), so that nothing is received on them.
   */
  private static final java.util.Set<LocalDate> CLOSED =
      java.util.stream.Stream.of(
              "2018-01-01",
              "2018-02-15",
              "2018-02-16",
              "2018-02-19",
              "2018-02-20",
              "2018-02-21",
              "2018-04-05",
              "2018-04-06",
              "2018-04-30",
              "2018-05-01",
              "2018-06-18",
              "2018-09-24",
              "2018-10-01",
              "2018-10-02",
              "2018-10-03",
              "2018-10-04",
              "2018-10-05",
              "2018-12-31",
              "2019-01-01",
              "2019-02-04",
              "2019-02-05",
              "2019-02-06",
              "2019-02-07",
              "2019-02-08",
              "2019-04-05",
              "2019-05-01",
              "2019-05-02",
              "2019-05-03",
              "2019-06-07",
              "2019-09-13",
              "2019-10-01",
              "2019-10-02",
              "2019-10-03",
              "2019-10-04",
              "2019-10-07",
              "2020-01-01",
              "2020-01-24",
              "2020-01-27",
              "2020-01-28",
              "2020-01-29",
              "2020-01-30",
              "2020-01-31",
              "2020-04-06",
              "2020-05-01",
              "2020-05-04",
              "2020-05-05",
              "2020-06-25",
              "2020-06-26",
              "2020-10-01",
              "2020-10-02",
              "2020-10-05",
              "2020-10-06",
              "2020-10-07",
              "2020-10-08",
              "2021-01-01",
              "2021-02-11",
              "2021-02-12",
              "2021-02-15",
              "2021-02-16",
              "2021-02-17",
              "2021-04-05",
              "2021-05-03",
              "2021-05-04",
              "2021-05-05",
              "2021-06-14",
              "2021-09-20",
              "2021-09-21",
              "2021-10-01",
              "2021-10-04",
              "2021-10-05",
              "2021-10-06",
              "2021-10-07",
              "2022-01-03",
              "2022-01-31",
              "2022-02-01",
              "2022-02-02",
              "2022-02-03",
              "2022-02-04",
              "2022-04-04",
              "2022-04-05",
              "2022-05-02",
              "2022-05-03",
              "2022-05-04",
              "2022-06-03",
              "2022-09-12",
              "2022-10-03",
              "2022-10-04",
              "2022-10-05",
              "2022-10-06",
              "2022-10-07",
              "2023-01-02",
              "2023-01-23",
              "2023-01-24",
              "2023-01-25",
              "2023-01-26",
              "2023-01-27",
              "2023-04-05",
              "2023-05-01",
              "2023-05-02",
              "2023-05-03",
              "2023-06-22",
              "2023-06-23",
              "2023-09-29")
          .map(LocalDate::parse)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** The working days of the month within the period: Monday to Friday but public holidays. */
  private static List<LocalDate> workdays(YearMonth month) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = month.atDay(1);
        !d.isAfter(month.atEndOfMonth()) && !d.isAfter(TO);
        d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY
          && d.getDayOfWeek() != DayOfWeek.SUNDAY
          && !CLOSED.contains(d)) {
        days.add(d);
      }
    }
    return days;
  }

  /** Whole counts in proportion to the weights that add up to exactly {@code total}. */
  public static int[] largestRemainder(double[] weights, int total) {
    double sum = Arrays.stream(weights).sum();
    int[] counts = new int[weights.length];
    double[] rest = new double[weights.length];
    int given = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = weights[i] / sum * total;
      counts[i] = (int) Math.floor(exact);
      rest[i] = exact - counts[i];
      given += counts[i];
    }
    Integer[] byRest = new Integer[weights.length];
    for (int i = 0; i < byRest.length; i++) {
      byRest[i] = i;
    }
    Arrays.sort(byRest, (a, b) -> Double.compare(rest[b], rest[a]));
    for (int i = 0; i < total - given; i++) {
      counts[byRest[i]]++;
    }
    return counts;
  }
}

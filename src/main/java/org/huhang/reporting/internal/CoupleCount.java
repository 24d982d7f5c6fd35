package org.huhang.reporting.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.huhang.casework.ApplicationCounseling;
import org.huhang.registration.ApplicationFact;
import org.huhang.registration.ApplicationId;

/**
 * The applications of one region path (an office's) received in one month, counted by {@link
 * CoupleRules}: every figure about couples is a sum of these. The summary sums them from the cache
 * of days ({@link FigureDays}); {@link #tally} counts them from the per-application rows, and a
 * test holds the two equal.
 */
public record CoupleCount(
    String regionPath,
    YearMonth month,
    long applications,
    long counseled,
    long reconciled,
    long highRisk,
    long counseledTargets,
    long followed6,
    long durable6,
    long followed12,
    long durable12) {

  /** The counts of per-application rows, by region path and month, in that order. */
  public static List<CoupleCount> tally(
      List<ApplicationFact> applications, Map<ApplicationId, ApplicationCounseling> counseling) {
    return count(applications, counseling, YearMonth::from).entrySet().stream()
        .map(e -> e.getValue().count(e.getKey().path(), e.getKey().when()))
        .toList();
  }

  /** Where and when (a month, a day) the counted applications were received. */
  record Cell<T extends Comparable<? super T>>(String path, T when) implements Comparable<Cell<T>> {
    @Override
    public int compareTo(Cell<T> o) {
      int c = path.compareTo(o.path);
      return c != 0 ? c : when.compareTo(o.when);
    }
  }

  /**
   * The applications counted by {@link CoupleRules} per region path and the period {@code when}
   * makes of their received day: the one place the rules are turned into counts.
   */
  static <T extends Comparable<? super T>> Map<Cell<T>, Counter> count(
      List<ApplicationFact> applications,
      Map<ApplicationId, ApplicationCounseling> counseling,
      Function<LocalDate, T> when) {
    Map<Cell<T>, Counter> cells = new TreeMap<>();
    for (ApplicationFact a : applications) {
      cells
          .computeIfAbsent(
              new Cell<>(a.regionPath(), when.apply(a.receivedOn())), k -> new Counter())
          .add(a, counseling.get(a.id()));
    }
    return cells;
  }

  /** The nine counts of some applications. */
  static final class Counter {
    final long[] n = new long[9];

    void add(ApplicationFact a, ApplicationCounseling c) {
      boolean high = CoupleRules.highRisk(c);
      n[0]++;
      if (CoupleRules.counseled(a, c)) {
        n[1]++;
        n[4] += high ? 0 : 1;
      }
      n[3] += high ? 1 : 0;
      if (CoupleRules.reconciled(a, c)) {
        n[2]++;
        if (c.filedAgainAt6() != null) {
          n[5]++;
          n[6] += c.filedAgainAt6() ? 0 : 1;
        }
        if (c.filedAgainAt12() != null) {
          n[7]++;
          n[8] += c.filedAgainAt12() ? 0 : 1;
        }
      }
    }

    CoupleCount count(String path, YearMonth month) {
      return new CoupleCount(path, month, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8]);
    }
  }
}

package org.huhang.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huhang.casework.CaseFigures;
import org.huhang.center.Centers;
import org.huhang.outreach.OutreachEvents;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.registration.ApplicationFact;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.DivorceApplications;
import org.huhang.reporting.RecordFigure;
import org.huhang.reporting.RegionFigures;
import org.huhang.reporting.StatsSummary;
import org.huhang.shared.Actor;
import org.huhang.shared.DataScope;
import org.huhang.shared.DomainException;
import org.huhang.shared.LegalTime;
import org.huhang.shared.PlausibleDates;
import org.huhang.shared.demo.DemoHistory;
import org.huhang.training.Courses;
import org.huhang.volunteer.Volunteers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the rows of a region and a period once, from the modules' facades and in one snapshot (a
 * repeatable-read transaction), and tallies them for the region, each child region and each month.
 * The region is looked up in the asker's scope: outside it, or unknown, answers 404.
 */
@Service
public class FigureBook {

  private final Regions regions;
  private final DivorceApplications applications;
  private final CaseFigures cases;
  private final Centers centers;
  private final Volunteers volunteers;
  private final OutreachEvents events;
  private final Courses courses;
  private final Clock clock;
  private final DemoHistory history;
  private final FigureDays couples;

  FigureBook(
      Regions regions,
      DivorceApplications applications,
      CaseFigures cases,
      Centers centers,
      Volunteers volunteers,
      OutreachEvents events,
      Courses courses,
      Clock clock,
      DemoHistory history,
      FigureDays couples) {
    this.couples = couples;
    this.regions = regions;
    this.applications = applications;
    this.cases = cases;
    this.centers = centers;
    this.volunteers = volunteers;
    this.events = events;
    this.courses = courses;
    this.clock = clock;
    this.history = history;
  }

  /** The period asked for, or its defaults: from 1 January of this year to today. */
  public record Period(LocalDate from, LocalDate to) {}

  public Period period(LocalDate from, LocalDate to) {
    LocalDate today = LocalDate.now(clock.withZone(LegalTime.ZONE));
    LocalDate end = to != null ? to : (from != null && from.isAfter(today) ? from : today);
    LocalDate start = from != null ? from : end.withDayOfYear(1);
    List<DomainException.FieldProblem> problems = new ArrayList<>();
    if (start.isBefore(PlausibleDates.EARLIEST)) {
      problems.add(
          new DomainException.FieldProblem(
              "from",
              "stats.from.beforeEarliest",
              new Object[] {PlausibleDates.EARLIEST.toString()}));
    }
    if (end.isAfter(PlausibleDates.LATEST_EXPIRY)) {
      problems.add(
          new DomainException.FieldProblem(
              "to",
              "stats.to.afterLatest",
              new Object[] {PlausibleDates.LATEST_EXPIRY.toString()}));
    }
    if (problems.isEmpty() && start.isAfter(end)) {
      problems.add(
          new DomainException.FieldProblem(
              "from", "stats.period.reversed", new Object[] {start.toString(), end.toString()}));
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    return new Period(start, end);
  }

  /** The asked region in the actor's scope (its own region when none is asked); else 404. */
  public RegionView region(String code, Actor actor) {
    String asked = code == null || code.isBlank() ? ownCode(actor) : code.strip();
    return regions.get(asked, actor.scope());
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public StatsSummary summary(String code, LocalDate from, LocalDate to, Actor actor) {
    StatsPolicy.requireReader(actor);
    RegionView region = region(code, actor);
    Period period = period(from, to);
    // Asked before the rows are read: a load that ends meanwhile still counts as incomplete.
    DemoHistory.State loading = history.state();
    FigureRows rows = counts(new DataScope(region.path()), period.from(), period.to());
    List<RegionFigures> children =
        regions.children(region.code(), actor.scope()).stream()
            .map(c -> new RegionFigures(c.code(), c.name(), FigureTally.of(rows, c.path())))
            .toList();
    return new StatsSummary(
        region.code(),
        region.name(),
        region.level(),
        period.from(),
        period.to(),
        FigureTally.of(rows, region.path()),
        children,
        FigureTally.byMonth(rows, region.path()),
        !loading.incomplete(),
        loading.incomplete() ? loading.percent() : null,
        ownLevel(rows, region, children));
  }

  /**
   * The applications kept at the region itself rather than at a child (a county's office receives
   * for the whole county, its townships have none): a row of their own, so the children's rows and
   * it add up to the region's figures. Null when the region has no children or no such application.
   */
  private static RegionFigures ownLevel(
      FigureRows rows, RegionView region, List<RegionFigures> children) {
    if (children.isEmpty()) {
      return null;
    }
    var own = FigureTally.atItself(rows, region.path());
    return own.applications() == 0 ? null : new RegionFigures(region.code(), region.name(), own);
  }

  /**
   * The applications behind one headline figure of a region and a period: the rows {@link #summary}
   * tallies, chosen by the same rules. Only for roles that may see records (404 outside scope).
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public List<ApplicationId> behind(
      RecordFigure figure, String code, LocalDate from, LocalDate to, Actor actor) {
    StatsPolicy.requireRecordReader(actor);
    RegionView region = region(code, actor);
    Period period = period(from, to);
    FigureRows rows = read(new DataScope(region.path()), period.from(), period.to());
    return FigureTally.behind(rows, region.path(), figure);
  }

  /**
   * Every row the figures of the scope and the period are made of, with the applications one by one
   * and their counseling (for listing those behind a figure): a handful of queries, the couples
   * counted in Java.
   */
  public FigureRows read(DataScope scope, LocalDate from, LocalDate to) {
    List<ApplicationFact> received = applications.receivedIn(scope, from, to);
    var counseling = cases.counselingOf(received.stream().map(ApplicationFact::id).toList());
    return new FigureRows(
        received,
        counseling,
        CoupleCount.tally(received, counseling),
        centers.openCounts(scope),
        volunteers.activeCounts(scope),
        events.heldCounts(scope, from, to),
        courses.startingCounts(scope, from, to),
        cases.counts(scope, from, to));
  }

  /**
   * The same counts as {@link #read} without the applications one by one: the couples summed by
   * region path and month, and casework's counts by region path, from the caches of days ({@link
   * FigureDays}, as of its last refresh), a few hundred rows whatever the number of applications
   * and cases. What the summary reads.
   */
  public FigureRows counts(DataScope scope, LocalDate from, LocalDate to) {
    return new FigureRows(
        List.of(),
        java.util.Map.of(),
        couples.sum(scope, from, to),
        centers.openCounts(scope),
        volunteers.activeCounts(scope),
        events.heldCounts(scope, from, to),
        courses.startingCounts(scope, from, to),
        couples.sumCases(scope, from, to));
  }

  private static String ownCode(Actor actor) {
    if (actor.regionCode() != null && !actor.regionCode().isBlank()) {
      return actor.regionCode();
    }
    String[] parts = actor.regionPath().split("/");
    return parts[parts.length - 1];
  }
}

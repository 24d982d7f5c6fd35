package org.huhang.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huhang.region.RegionLevel;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.registration.ApplicationId;
import org.huhang.reporting.internal.FigureBook;
import org.huhang.reporting.internal.FigureDays;
import org.huhang.reporting.internal.StatsPolicy;
import org.huhang.reporting.internal.WorkReport;
import org.huhang.shared.Actor;
import org.huhang.shared.database.RowScope;
import org.huhang.shared.database.StandbyReplay;
import org.springframework.stereotype.Service;

/**
 * The reporting module's API: the figures of a region in the asker's scope and a period of
 * application received dates, and the work-report paragraph written from the same figures. Region
 * null: the asker's own; period null: from 1 January of this year to today. 403 for roles without
 * figures (registrars, counselors), 404 for a region outside the scope or unknown, 422 for a period
 * that ends before it starts or lies before 1900 / after 2100.
 */
@Service
public class Reporting {

  /** How long a summary waits for a lagging standby before reading it anyway. */
  private static final Duration STANDBY_WAIT = Duration.ofSeconds(3);

  private final FigureBook book;
  private final Regions regions;
  private final FigureDays days;
  private final StandbyReplay standby;

  Reporting(FigureBook book, Regions regions, FigureDays days, StandbyReplay standby) {
    this.book = book;
    this.regions = regions;
    this.days = days;
    this.standby = standby;
  }

  /**
   * The regions the dashboard offers to choose: the asker's own region, and for the province its
   * cities, for the city its counties (a county user: its county). Any other region in scope (a
   * township reached by drilling down) can still be asked for by its code.
   */
  public List<RegionView> regionChoices(Actor actor) {
    StatsPolicy.requireReader(actor);
    RegionView own = book.region(null, actor);
    List<RegionView> choices = new ArrayList<>();
    choices.add(own);
    if (own.level() == RegionLevel.PROVINCE || own.level() == RegionLevel.CITY) {
      choices.addAll(regions.children(own.code(), actor.scope()));
    }
    return choices;
  }

  /** Whether the actor may read figures at all (the controllers ask it before reading input). */
  public boolean mayRead(Actor actor) {
    return StatsPolicy.mayRead(actor);
  }

  public void requireReader(Actor actor) {
    StatsPolicy.requireReader(actor);
  }

  /** Whether the actor may see the records behind a figure (never the analyst). */
  public boolean mayListRecords(Actor actor) {
    return StatsPolicy.mayListRecords(actor);
  }

  public void requireRecordReader(Actor actor) {
    StatsPolicy.requireRecordReader(actor);
  }

  /** The asked region in the actor's scope, its own when none is asked: else 404. */
  public RegionView region(String code, Actor actor) {
    StatsPolicy.requireReader(actor);
    return book.region(code, actor);
  }

  /**
   * The ids of the applications behind one headline figure, newest first: exactly those {@link
   * #summary} counts in it for the same region and period. 403 for the analyst.
   */
  public List<ApplicationId> recordsBehind(
      RecordFigure figure, String region, LocalDate from, LocalDate to, Actor actor) {
    return book.behind(figure, region, from, to, actor);
  }

  /**
   * The figures of a region and a period: the couples' counts from the cache of days, brought up to
   * date first (its own short transaction), the rest counted directly, all read in one snapshot.
   */
  public StatsSummary summary(String region, LocalDate from, LocalDate to, Actor actor) {
    StatsPolicy.requireReader(actor);
    // Every region's marked days, whoever asks: the system row scope (its own connection).
    RowScope.system(days::refresh);
    // The cache was just brought up to date on the primary; with a standby, it is read there.
    standby.awaitPrimary(STANDBY_WAIT);
    return book.summary(region, from, to, actor);
  }

  /**
   * The work-report paragraph of the region and the period, in Chinese (SPEC §5); while the history
   * still loads, its first line says the figures are incomplete.
   */
  public String report(String region, LocalDate from, LocalDate to, Actor actor) {
    return report(summary(region, from, to, actor));
  }

  /**
   * The work-report paragraph of figures already read (the page and the exports show both), after a
   * first line saying the figures are incomplete while the history still loads.
   */
  public String report(StatsSummary s) {
    return WorkReport.paragraph(s.name(), s.level(), s.from(), s.to(), s.figures(), s.complete());
  }
}

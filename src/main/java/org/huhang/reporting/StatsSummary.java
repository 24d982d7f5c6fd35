package org.huhang.reporting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import org.huhang.region.RegionLevel;

/**
 * The figures of a region and a period of received dates ({@code from} to {@code to}, both
 * included), the same figures for each child region ({@code byCounty}: the counties of a city, the
 * townships of a county), and the monthly trend ({@code byMonth}). All computed from one read.
 * {@code complete} is false while the Binzhou history still loads in the background (or stopped
 * half-way): the figures will still grow; {@code loadingPercent} then says how far it got (null
 * when complete). {@code ownLevel} holds the applications kept at the region itself, not at any
 * child (a county's registration office receives for the whole county): with it the children's rows
 * add up; null when there is none.
 */
public record StatsSummary(
    String regionCode,
    String name,
    RegionLevel level,
    LocalDate from,
    LocalDate to,
    @JsonUnwrapped Figures figures,
    List<RegionFigures> byCounty,
    List<MonthFigures> byMonth,
    boolean complete,
    Integer loadingPercent,
    RegionFigures ownLevel) {

  /**
   * What {@link #byCounty} holds for this level, as a message key's last part: a province's cities,
   * a city's counties, a county's townships (and below, villages counted as townships are).
   */
  @JsonIgnore
  public String childrenKind() {
    return switch (level) {
      case PROVINCE -> "cities";
      case CITY -> "counties";
      default -> "townships";
    };
  }
}

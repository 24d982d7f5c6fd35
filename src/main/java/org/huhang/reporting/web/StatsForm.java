package org.huhang.reporting.web;

/** What the dashboard's filter form shows: the region, the preset and the period's dates. */
public record StatsForm(String region, String period, String from, String to) {

  /** The query string of this form for another region (the table's drill-down links). */
  public String query(String regionCode) {
    return "?region=" + regionCode + "&period=" + period + "&from=" + from + "&to=" + to;
  }
}

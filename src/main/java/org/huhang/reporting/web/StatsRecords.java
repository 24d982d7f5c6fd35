package org.huhang.reporting.web;

import org.huhang.registration.ApplicationView;
import org.huhang.shared.Paged;

/**
 * The records page of one figure: which figure ({@link org.huhang.reporting.RecordFigure#key}) of
 * which region and period, the pager's base URL and one page of its applications.
 */
public record StatsRecords(
    String figure, String regionName, String from, String to, String baseUrl, Paged<Row> rows) {

  /** One application of the list: its masked view, its region's name, and whether it links. */
  public record Row(ApplicationView application, String regionName, boolean link) {}
}

package org.huhang.outreach.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.huhang.outreach.OutreachType;
import org.huhang.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of outreach events for pages and the API. The caller's scope is a bind parameter of every
 * query; a region filter is a second path pattern inside it; lists are paginated in the database.
 */
@Repository
class OutreachQueries {

  /** An event as read for a list, before region and center names are added. */
  record Row(
      UUID id,
      long version,
      OutreachType type,
      String title,
      LocalDate heldOn,
      LocalTime startsAt,
      String regionCode,
      String regionPath,
      String place,
      UUID centerId,
      List<String> speakers,
      String audience,
      int attendance,
      String summary) {}

  /** The filters as bind parameters: a region path pattern (or null) and the days. */
  record Filter(OutreachType type, String regionPattern, LocalDate from, LocalDate to) {}

  private static final String COLUMNS =
      """
      select id, version, type, title, held_on, starts_at, region_code, region_path, place,
        center_id, speakers, audience, attendance, summary
      from outreach.outreach_event
      """;

  private static final String SEARCH =
      """
       where region_path like :scope
        and (cast(:type as text) is null or type = :type)
        and (cast(:region as text) is null or region_path like :region)
        and (cast(:from as date) is null or held_on >= :from)
        and (cast(:to as date) is null or held_on <= :to)""";

  private final JdbcClient jdbc;

  OutreachQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The event if the scope sees it; otherwise it does not exist for the caller (404). */
  Row visible(UUID id, String scope) {
    return jdbc.sql(COLUMNS + " where id = :id and region_path like :scope")
        .param("id", id)
        .param("scope", scope)
        .query(OutreachQueries::row)
        .optional()
        .orElseThrow(() -> new NotFoundException("outreach event"));
  }

  /** How many events match, counted up to {@code limit}. */
  long count(String scope, Filter filter, long limit) {
    return bind(
            jdbc.sql(
                "select count(*) from (select 1 from outreach.outreach_event "
                    + SEARCH
                    + " limit :countLimit) m"),
            scope,
            filter)
        .param("countLimit", limit)
        .query(Long.class)
        .single();
  }

  List<Row> search(String scope, Filter filter, int limit, long offset) {
    return bind(
            jdbc.sql(
                COLUMNS
                    + SEARCH
                    + " order by held_on desc, starts_at desc, id limit :limit offset :offset"),
            scope,
            filter)
        .param("limit", limit)
        .param("offset", offset)
        .query(OutreachQueries::row)
        .list();
  }

  /**
   * Every event of the scope held between two days, in the order of the day: a month's calendar.
   */
  List<Row> between(String scope, LocalDate first, LocalDate last) {
    return bind(
            jdbc.sql(COLUMNS + SEARCH + " order by held_on, starts_at, title, id"),
            scope,
            new Filter(null, null, first, last))
        .query(OutreachQueries::row)
        .list();
  }

  boolean empty() {
    return !jdbc.sql("select exists (select 1 from outreach.outreach_event)")
        .query(Boolean.class)
        .single();
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, String scope, Filter filter) {
    return spec.param("scope", scope)
        .param("type", filter.type() == null ? null : filter.type().name())
        .param("region", filter.regionPattern())
        .param("from", filter.from())
        .param("to", filter.to());
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    Array speakers = rs.getArray("speakers");
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getLong("version"),
        OutreachType.valueOf(rs.getString("type")),
        rs.getString("title"),
        rs.getObject("held_on", LocalDate.class),
        rs.getObject("starts_at", LocalTime.class),
        rs.getString("region_code"),
        rs.getString("region_path"),
        rs.getString("place"),
        rs.getObject("center_id", UUID.class),
        speakers == null ? List.of() : Arrays.asList((String[]) speakers.getArray()),
        rs.getString("audience"),
        rs.getInt("attendance"),
        rs.getString("summary"));
  }
}

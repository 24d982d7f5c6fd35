package org.huhang.volunteer.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.huhang.shared.person.Gender;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.HoursEntry;
import org.huhang.volunteer.HoursKind;
import org.huhang.volunteer.Qualification;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerSearch;
import org.huhang.volunteer.VolunteerStatus;
import org.huhang.volunteer.VolunteerSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The volunteer lists and look-ups, in SQL: the search (one exact look-up of a search key in the
 * GIN index, filters and scope as bind parameters), the export batches, expiring certificates, hour
 * totals, and the look-ups of the registration rules.
 */
@Component
class VolunteerQueries {

  /** The filters of a search, ready to bind; null means "no filter". */
  record Filter(
      String scope,
      List<UUID> onlyCenters,
      String key,
      String background,
      String speciality,
      String countyPattern,
      UUID centerId,
      String status) {}

  private static final String SUMMARY_COLUMNS =
      "id, name, gender, id_number_masked, phone_masked, background, center_id, status, joined_on";

  private final JdbcClient jdbc;

  VolunteerQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The number of matches, counted up to {@code limit}: a broad search need not count them all. */
  long count(Filter f, int limit) {
    return bind(
            jdbc.sql(
                "select count(*) from (select 1 from volunteer.volunteer v "
                    + where(f)
                    + " limit :countLimit) m"),
            f)
        .param("countLimit", limit)
        .query(Long.class)
        .single();
  }

  List<VolunteerSummary> search(
      Filter f,
      VolunteerSearch.Sort sort,
      int limit,
      long offset,
      Function<UUID, String> centerName) {
    String order =
        sort == VolunteerSearch.Sort.JOINED
            ? " order by joined_on desc, id"
            // A selective key (three letters or a character) finds its few matches in the GIN index
            // and sorts them; ordering by an expression keeps the planner from walking the name
            // index past every non-match. A one- or two-letter key matches names all through the
            // alphabet, so walking the name index finds a page at once.
            : selective(f.key())
                ? " order by sort_key || '', name, id"
                : " order by sort_key, name, id";
    return bind(
            jdbc.sql(
                "select "
                    + SUMMARY_COLUMNS
                    + " from volunteer.volunteer v "
                    + where(f)
                    + order
                    + " limit :limit offset :offset"),
            f)
        .param("limit", limit)
        .param("offset", offset)
        .query(
            (rs, n) -> {
              UUID center = rs.getObject("center_id", UUID.class);
              return new VolunteerSummary(
                  new VolunteerId(rs.getObject("id", UUID.class)),
                  rs.getString("name"),
                  Gender.valueOf(rs.getString("gender")),
                  rs.getString("id_number_masked"),
                  rs.getString("phone_masked"),
                  Background.valueOf(rs.getString("background")),
                  center,
                  centerName.apply(center),
                  VolunteerStatus.valueOf(rs.getString("status")),
                  rs.getObject("joined_on", LocalDate.class));
            })
        .list();
  }

  private static boolean selective(String key) {
    return key != null && (key.length() > 2 || key.codePoints().anyMatch(c -> c > 0x7f));
  }

  /**
   * The conditions of the filters given, each a bound parameter. Only the filters present are in
   * the SQL: the statements are prepared, and after five runs PostgreSQL plans them once for any
   * values; with every filter written as "(:x is null or …)" that plan read and sorted every
   * volunteer in scope for each page (1.8 ms of the database at 2,500 volunteers), where the plain
   * scope walks the name index (issue 13).
   */
  private static String where(Filter f) {
    StringBuilder where = new StringBuilder("where region_path like :scope");
    if (f.key() != null) {
      where.append(" and search_keys @> array[cast(:key as text)]");
    }
    if (f.background() != null) {
      where.append(" and background = :background");
    }
    if (f.countyPattern() != null) {
      where.append(" and region_path like :countyPattern");
    }
    if (f.centerId() != null) {
      where.append(" and center_id = :centerId");
    }
    if (f.status() != null) {
      where.append(" and status = :status");
    }
    if (f.speciality() != null) {
      where.append(" and specialities @> array[cast(:speciality as text)]");
    }
    if (f.onlyCenters() != null) {
      where.append(" and center_id in (:centers)");
    }
    return where.toString();
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
    spec =
        spec.param("scope", f.scope())
            .param("key", f.key())
            .param("background", f.background())
            .param("countyPattern", f.countyPattern())
            .param("centerId", f.centerId())
            .param("status", f.status())
            .param("speciality", f.speciality());
    return f.onlyCenters() == null ? spec : spec.param("centers", f.onlyCenters());
  }

  /** Certificates running out between the two days, of volunteers who have not left. */
  List<ExpiringQualification> expiring(
      VolunteerPolicy.Scope scope, LocalDate from, LocalDate until) {
    String sql =
        """
        select v.id, v.name, q.type, q.expires_on from volunteer.qualification q
          join volunteer.volunteer v on v.id = q.volunteer_id
        where v.region_path like :scope and v.status <> 'LEFT' and q.expires_on between :from and :until"""
            + (scope.everyCenter() ? "" : " and v.center_id in (:centers)")
            + " order by q.expires_on, v.sort_key limit 200";
    JdbcClient.StatementSpec spec =
        jdbc.sql(sql)
            .param("scope", scope.regionPattern())
            .param("from", from)
            .param("until", until);
    if (!scope.everyCenter()) {
      spec = spec.param("centers", scope.onlyCenters());
    }
    return spec.query(
            (rs, n) ->
                new ExpiringQualification(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)))
        .list();
  }

  List<Qualification> qualifications(UUID volunteerId) {
    return jdbc.sql(
            "select id, type, number, issuer, expires_on from volunteer.qualification where volunteer_id = :v"
                + " order by expires_on nulls last, type")
        .param("v", volunteerId)
        .query(
            (rs, n) ->
                new Qualification(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, LocalDate.class)))
        .list();
  }

  Map<HoursKind, BigDecimal> hourTotals(UUID volunteerId) {
    Map<HoursKind, BigDecimal> totals = new EnumMap<>(HoursKind.class);
    totals.put(HoursKind.SERVICE, BigDecimal.ZERO);
    totals.put(HoursKind.TRAINING, BigDecimal.ZERO);
    jdbc.sql("select kind, sum(hours) from volunteer.hours where volunteer_id = :v group by kind")
        .param("v", volunteerId)
        .query((rs, n) -> Map.entry(HoursKind.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
        .list()
        .forEach(e -> totals.put(e.getKey(), e.getValue()));
    return totals;
  }

  List<HoursEntry> recentHours(UUID volunteerId, int limit) {
    return jdbc.sql(
            "select id, kind, worked_on, hours, description from volunteer.hours where volunteer_id = :v"
                + " order by worked_on desc, created_at desc limit :limit")
        .param("v", volunteerId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new HoursEntry(
                    rs.getObject(1, UUID.class),
                    HoursKind.valueOf(rs.getString(2)),
                    rs.getObject(3, LocalDate.class),
                    rs.getBigDecimal(4),
                    rs.getString(5)))
        .list();
  }

  /** The volunteer registered under this identity number hash. */
  Optional<UUID> holderOf(byte[] idNumberHash) {
    return jdbc.sql("select id from volunteer.volunteer where id_number_hash = :h")
        .param("h", idNumberHash)
        .query(UUID.class)
        .optional();
  }

  /** The volunteer linked to this account. */
  Optional<UUID> linkedTo(UUID userId) {
    return jdbc.sql("select id from volunteer.volunteer where user_id = :u")
        .param("u", userId)
        .query(UUID.class)
        .optional();
  }

  /** Which of these hashes are registered already. */
  List<byte[]> existingHashes(Collection<byte[]> hashes) {
    if (hashes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select id_number_hash from volunteer.volunteer where id_number_hash in (:h)")
        .param("h", new ArrayList<>(hashes))
        .query((rs, n) -> rs.getBytes(1))
        .list();
  }

  long countAt(UUID centerId) {
    return jdbc.sql("select count(*) from volunteer.volunteer where center_id = :c")
        .param("c", centerId)
        .query(Long.class)
        .single();
  }

  long countAll() {
    return jdbc.sql("select count(*) from volunteer.volunteer").query(Long.class).single();
  }
}

package org.huhang.volunteer;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.huhang.shared.person.Gender;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VolunteerRepository {

  /** A row of volunteer.volunteer, personal data still sealed. */
  record Row(
      UUID id,
      String name,
      String sortKey,
      List<String> searchKeys,
      Gender gender,
      LocalDate birthDate,
      byte[] idNumberCipher,
      byte[] idNumberHash,
      String idNumberMasked,
      byte[] phoneCipher,
      String phoneMasked,
      Background background,
      List<String> specialities,
      List<String> dialects,
      int availability,
      UUID centerId,
      String regionPath,
      VolunteerStatus status,
      LocalDate joinedOn,
      UUID userId) {}

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

  private static final String COLUMNS =
      "id, name, sort_key, search_keys, gender, birth_date, id_number_cipher, id_number_hash, id_number_masked, phone_cipher,"
          + " phone_masked, background, specialities, dialects, availability, center_id, region_path, status, joined_on, user_id";

  private static final RowMapper<Row> ROW =
      (rs, n) ->
          new Row(
              rs.getObject("id", UUID.class),
              rs.getString("name"),
              rs.getString("sort_key"),
              List.of((String[]) rs.getArray("search_keys").getArray()),
              Gender.valueOf(rs.getString("gender")),
              rs.getObject("birth_date", LocalDate.class),
              rs.getBytes("id_number_cipher"),
              rs.getBytes("id_number_hash"),
              rs.getString("id_number_masked"),
              rs.getBytes("phone_cipher"),
              rs.getString("phone_masked"),
              Background.valueOf(rs.getString("background")),
              List.of((String[]) rs.getArray("specialities").getArray()),
              List.of((String[]) rs.getArray("dialects").getArray()),
              rs.getInt("availability"),
              rs.getObject("center_id", UUID.class),
              rs.getString("region_path"),
              VolunteerStatus.valueOf(rs.getString("status")),
              rs.getObject("joined_on", LocalDate.class),
              rs.getObject("user_id", UUID.class));

  private static final String WHERE =
      """
      where region_path like :scope
        and (cast(:key as text) is null or search_keys @> array[cast(:key as text)])
        and (cast(:background as text) is null or background = :background)
        and (cast(:countyPattern as text) is null or region_path like :countyPattern)
        and (cast(:centerId as uuid) is null or center_id = :centerId)
        and (cast(:status as text) is null or status = :status)
        and (cast(:speciality as text) is null or specialities @> array[cast(:speciality as text)])""";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  VolunteerRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
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

  List<Row> search(Filter f, VolunteerSearch.Sort sort, int limit, long offset) {
    String order =
        sort == VolunteerSearch.Sort.JOINED
            ? " order by joined_on desc, id"
            // A selective key (three letters or a character) finds its few matches in the GIN index
            // and
            // sorts them; ordering by an expression keeps the planner from walking the name index
            // past every non-match. A one- or two-letter key matches names all through the
            // alphabet, so walking the name index finds a page at once.
            : selective(f.key())
                ? " order by sort_key || '', name, id"
                : " order by sort_key, name, id";
    return bind(
            jdbc.sql(
                "select "
                    + COLUMNS
                    + " from volunteer.volunteer v "
                    + where(f)
                    + order
                    + " limit :limit offset :offset"),
            f)
        .param("limit", limit)
        .param("offset", offset)
        .query(ROW)
        .list();
  }

  private static boolean selective(String key) {
    return key != null && (key.length() > 2 || key.codePoints().anyMatch(c -> c > 0x7f));
  }

  private static String where(Filter f) {
    // The list of a center manager's centers is a bound parameter; only its presence changes the
    // SQL.
    return f.onlyCenters() == null ? WHERE : WHERE + " and center_id in (:centers)";
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

  Optional<Row> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from volunteer.volunteer where id = :id")
        .param("id", id)
        .query(ROW)
        .optional();
  }

  Optional<UUID> findByIdNumberHash(byte[] hash) {
    return jdbc.sql("select id from volunteer.volunteer where id_number_hash = :h")
        .param("h", hash)
        .query(UUID.class)
        .optional();
  }

  Optional<UUID> findByUser(UUID userId) {
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

  void insertAll(List<Row> rows, Instant now) {
    Timestamp ts = Timestamp.from(now);
    template.batchUpdate(
        "insert into volunteer.volunteer ("
            + COLUMNS
            + ", created_at, updated_at) values"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
        500,
        (ps, r) -> {
          ps.setObject(1, r.id());
          ps.setString(2, r.name());
          ps.setString(3, r.sortKey());
          ps.setArray(4, ps.getConnection().createArrayOf("text", r.searchKeys().toArray()));
          ps.setString(5, r.gender().name());
          ps.setDate(6, Date.valueOf(r.birthDate()));
          ps.setBytes(7, r.idNumberCipher());
          ps.setBytes(8, r.idNumberHash());
          ps.setString(9, r.idNumberMasked());
          ps.setBytes(10, r.phoneCipher());
          ps.setString(11, r.phoneMasked());
          ps.setString(12, r.background().name());
          ps.setArray(13, ps.getConnection().createArrayOf("text", r.specialities().toArray()));
          ps.setArray(14, ps.getConnection().createArrayOf("text", r.dialects().toArray()));
          ps.setInt(15, r.availability());
          ps.setObject(16, r.centerId());
          ps.setString(17, r.regionPath());
          ps.setString(18, r.status().name());
          ps.setDate(19, Date.valueOf(r.joinedOn()));
          ps.setObject(20, r.userId());
          ps.setTimestamp(21, ts);
          ps.setTimestamp(22, ts);
        });
  }

  void update(Row r, Instant now) {
    jdbc.sql(
            """
            update volunteer.volunteer set name = :name, sort_key = :sortKey, search_keys = :keys, gender = :gender,
              birth_date = :birth, id_number_cipher = :idc, id_number_hash = :idh, id_number_masked = :idm,
              phone_cipher = :pc, phone_masked = :pm, background = :bg, specialities = :specialities,
              dialects = :dialects, availability = :avail, center_id = :center, region_path = :path,
              status = :status, joined_on = :joined, user_id = :user, updated_at = :now
            where id = :id""")
        .param("id", r.id())
        .param("name", r.name())
        .param("sortKey", r.sortKey())
        .param("keys", r.searchKeys().toArray(new String[0]))
        .param("gender", r.gender().name())
        .param("birth", r.birthDate())
        .param("idc", r.idNumberCipher())
        .param("idh", r.idNumberHash())
        .param("idm", r.idNumberMasked())
        .param("pc", r.phoneCipher())
        .param("pm", r.phoneMasked())
        .param("bg", r.background().name())
        .param("specialities", r.specialities().toArray(new String[0]))
        .param("dialects", r.dialects().toArray(new String[0]))
        .param("avail", r.availability())
        .param("center", r.centerId())
        .param("path", r.regionPath())
        .param("status", r.status().name())
        .param("joined", r.joinedOn())
        .param("user", r.userId())
        .param("now", Timestamp.from(now))
        .update();
  }

  List<Speciality> specialities() {
    return jdbc.sql(
            "select code, name_zh, name_en, active from volunteer.speciality order by sort_order, code")
        .query(
            (rs, n) ->
                new Speciality(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
        .list();
  }

  void insertSpeciality(Speciality s) {
    jdbc.sql(
            "insert into volunteer.speciality (code, name_zh, name_en, active, sort_order)"
                + " values (:code, :zh, :en, true, (select coalesce(max(sort_order), 0) + 10 from volunteer.speciality))")
        .param("code", s.code())
        .param("zh", s.nameZh())
        .param("en", s.nameEn())
        .update();
  }

  void setSpecialityActive(String code, boolean active) {
    jdbc.sql("update volunteer.speciality set active = :a where code = :c")
        .param("a", active)
        .param("c", code)
        .update();
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

  void insertQualification(UUID volunteerId, Qualification q) {
    jdbc.sql(
            "insert into volunteer.qualification (id, volunteer_id, type, number, issuer, expires_on)"
                + " values (:id, :v, :type, :number, :issuer, :expires)")
        .param("id", q.id())
        .param("v", volunteerId)
        .param("type", q.type())
        .param("number", q.number())
        .param("issuer", q.issuer())
        .param("expires", q.expiresOn())
        .update();
  }

  List<ExpiringQualification> expiring(
      String scope, List<UUID> onlyCenters, LocalDate from, LocalDate until) {
    String sql =
        """
        select v.id, v.name, q.type, q.expires_on from volunteer.qualification q
          join volunteer.volunteer v on v.id = q.volunteer_id
        where v.region_path like :scope and v.status <> 'LEFT' and q.expires_on between :from and :until"""
            + (onlyCenters == null ? "" : " and v.center_id in (:centers)")
            + " order by q.expires_on, v.sort_key limit 200";
    JdbcClient.StatementSpec spec =
        jdbc.sql(sql).param("scope", scope).param("from", from).param("until", until);
    if (onlyCenters != null) {
      spec = spec.param("centers", onlyCenters);
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

  void insertHours(UUID volunteerId, HoursEntry h, String createdBy, Instant now) {
    jdbc.sql(
            "insert into volunteer.hours (id, volunteer_id, kind, worked_on, hours, description, created_by, created_at)"
                + " values (:id, :v, :kind, :on, :hours, :what, :by, :now)")
        .param("id", h.id())
        .param("v", volunteerId)
        .param("kind", h.kind().name())
        .param("on", h.workedOn())
        .param("hours", h.hours())
        .param("what", h.description())
        .param("by", createdBy)
        .param("now", Timestamp.from(now))
        .update();
  }

  Map<HoursKind, BigDecimal> hourTotals(UUID volunteerId) {
    Map<HoursKind, BigDecimal> totals = new java.util.EnumMap<>(HoursKind.class);
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

  void linkUser(UUID volunteerId, UUID userId) {
    jdbc.sql("update volunteer.volunteer set user_id = :u where id = :id")
        .param("u", userId)
        .param("id", volunteerId)
        .update();
  }

  long countAll() {
    return jdbc.sql("select count(*) from volunteer.volunteer").query(Long.class).single();
  }
}

package org.huhang.registration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.ApplicationSearch;
import org.huhang.registration.ApplicationView;
import org.huhang.registration.CoolingOffDates;
import org.huhang.registration.DeadlineMove;
import org.huhang.registration.Outcome;
import org.huhang.registration.PartyView;
import org.huhang.registration.Regime;
import org.huhang.shared.person.Gender;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What pages, the API and the board read: applications as views, the caller's scope a bound
 * parameter of every query ({@code region_path like :scope}).
 */
@Repository
public class ApplicationQueries {

  private static final String VIEW_COLUMNS =
      """
      id, office_region_code, received_on,
      a_name, a_gender, a_birth_date, a_id_masked, a_phone_masked,
      b_name, b_gender, b_birth_date, b_id_masked, b_phone_masked,
      marriage_date, minor_children, counseling_offered, counseling_accepted, case_opened,
      withdrawal_deadline, certificate_from, certificate_deadline, deemed_withdrawn_on,
      withdrawal_provisional, certificate_provisional, outcome, outcome_on, withdrawn_by, regime""";

  private static final RowMapper<ApplicationView> VIEW =
      (rs, n) ->
          new ApplicationView(
              new ApplicationId(rs.getObject("id", UUID.class)),
              rs.getString("office_region_code"),
              rs.getObject("received_on", LocalDate.class),
              party(rs, "a_"),
              party(rs, "b_"),
              rs.getObject("marriage_date", LocalDate.class),
              rs.getInt("minor_children"),
              rs.getBoolean("counseling_offered"),
              rs.getBoolean("counseling_accepted"),
              rs.getBoolean("case_opened"),
              "COOLING_OFF".equals(rs.getString("regime"))
                  ? new CoolingOffDates(
                      rs.getObject("received_on", LocalDate.class),
                      rs.getObject("withdrawal_deadline", LocalDate.class),
                      rs.getObject("certificate_from", LocalDate.class),
                      rs.getObject("certificate_deadline", LocalDate.class),
                      rs.getObject("deemed_withdrawn_on", LocalDate.class),
                      rs.getBoolean("withdrawal_provisional"),
                      rs.getBoolean("certificate_provisional"))
                  : null,
              Outcome.valueOf(rs.getString("outcome")),
              rs.getObject("outcome_on", LocalDate.class),
              rs.getString("withdrawn_by"),
              Regime.valueOf(rs.getString("regime")));

  private static PartyView party(ResultSet rs, String prefix) throws SQLException {
    return new PartyView(
        rs.getString(prefix + "name"),
        Gender.valueOf(rs.getString(prefix + "gender")),
        rs.getObject(prefix + "birth_date", LocalDate.class),
        rs.getString(prefix + "id_masked"),
        rs.getString(prefix + "phone_masked"));
  }

  private static final String FILTER =
      """
      where region_path like :scope
        and (cast(:outcome as text) is null or outcome = :outcome)
        and (cast(:accepted as boolean) is null or counseling_accepted = :accepted)
        and (cast(:from as date) is null or received_on >= :from)
        and (cast(:to as date) is null or received_on <= :to)
        and (cast(:nameKey as text) is null or search_keys @> array[cast(:nameKey as text)])
        and (cast(:numberHash as bytea) is null or a_id_hash = :numberHash or b_id_hash = :numberHash
             or a_phone_hash = :numberHash or b_phone_hash = :numberHash)""";

  private final JdbcClient jdbc;

  ApplicationQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The application when it lies in the scope; empty otherwise (the caller answers 404). */
  public Optional<ApplicationView> find(ApplicationId id, String scope) {
    return jdbc.sql(
            "select "
                + VIEW_COLUMNS
                + " from registration.divorce_application where id = :id and region_path like :scope")
        .param("id", id.value())
        .param("scope", scope)
        .query(VIEW)
        .optional();
  }

  /**
   * What a search box holds, as the query looks it up: a name key, or the keyed hash of an identity
   * number or phone; both null when the box is empty.
   */
  public record Terms(String nameKey, byte[] numberHash) {
    public static final Terms NONE = new Terms(null, null);
  }

  /** How many applications match, counted up to {@code limit}. */
  public long count(ApplicationSearch search, Terms terms, String scope, long limit) {
    return filter(
            jdbc.sql(
                "select count(*) from (select 1 from registration.divorce_application "
                    + FILTER
                    + " limit :countLimit) m"),
            search,
            terms,
            scope)
        .param("countLimit", limit)
        .query(Long.class)
        .single();
  }

  /** A page of the list, latest received first. */
  public List<ApplicationView> search(
      ApplicationSearch search, Terms terms, String scope, int limit, long offset) {
    return filter(
            jdbc.sql(
                "select "
                    + VIEW_COLUMNS
                    + " from registration.divorce_application "
                    + FILTER
                    + " order by received_on desc, id limit :limit offset :offset"),
            search,
            terms,
            scope)
        .param("limit", limit)
        .param("offset", offset)
        .query(VIEW)
        .list();
  }

  private static JdbcClient.StatementSpec filter(
      JdbcClient.StatementSpec spec, ApplicationSearch search, Terms terms, String scope) {
    return spec.param("scope", scope)
        .param("nameKey", terms.nameKey())
        .param("numberHash", terms.numberHash())
        .param("outcome", search.outcome() == null ? null : search.outcome().name())
        .param("accepted", search.counselingAccepted())
        .param("from", search.from())
        .param("to", search.to());
  }

  /** The applications among {@code ids} that lie in the scope. */
  public List<ApplicationView> findAll(java.util.Collection<ApplicationId> ids, String scope) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + VIEW_COLUMNS
                + " from registration.divorce_application where id = any(:ids) and region_path like :scope")
        .param("ids", ids.stream().map(ApplicationId::value).toArray(UUID[]::new))
        .param("scope", scope)
        .query(VIEW)
        .list();
  }

  /**
   * The counseling requests still waiting for a case: pending applications whose couple accepted
   * counseling and for which no case was opened, as the event announced them.
   */
  public List<org.huhang.registration.CounselingRequested> awaitingCase() {
    return jdbc.sql(
            """
            select id, region_path, received_on, withdrawal_deadline
            from registration.divorce_application
            where outcome = 'PENDING' and regime = 'COOLING_OFF' and counseling_accepted and not case_opened
            order by received_on, id""")
        .query(
            (rs, n) ->
                new org.huhang.registration.CounselingRequested(
                    new ApplicationId(rs.getObject(1, UUID.class)),
                    rs.getString(2),
                    rs.getObject(3, LocalDate.class),
                    rs.getObject(4, LocalDate.class)))
        .list();
  }

  /**
   * The office's month in one pass over its applications: received this month, in cooling-off now,
   * period ending or certificate time running out within the week (today and six days on), and the
   * outcomes recorded this month.
   */
  public org.huhang.registration.RegistrarMonth month(String scope, LocalDate today) {
    LocalDate first = today.withDayOfMonth(1);
    LocalDate weekEnd = today.plusDays(6);
    return jdbc.sql(
            """
            select
              count(*) filter (where received_on between :first and :today) as received,
              count(*) filter (where outcome = 'PENDING' and regime = 'COOLING_OFF'
                and withdrawal_deadline >= :today) as cooling,
              count(*) filter (where outcome = 'PENDING' and regime = 'COOLING_OFF'
                and withdrawal_deadline between :today and :weekEnd) as ends,
              count(*) filter (where outcome = 'PENDING' and regime = 'COOLING_OFF'
                and withdrawal_deadline < :today
                and certificate_deadline between :today and :weekEnd) as due,
              count(*) filter (where outcome = 'WITHDRAWN' and outcome_on between :first and :today)
                as withdrawn,
              count(*) filter (where outcome = 'DEEMED_WITHDRAWN'
                and outcome_on between :first and :today) as deemed,
              count(*) filter (where outcome = 'DIVORCED' and outcome_on between :first and :today)
                as divorced
            from registration.divorce_application
            where region_path like :scope
              and (received_on >= :first or outcome = 'PENDING' or outcome_on >= :first)""")
        .param("scope", scope)
        .param("first", first)
        .param("today", today)
        .param("weekEnd", weekEnd)
        .query(
            (rs, n) ->
                new org.huhang.registration.RegistrarMonth(
                    first,
                    today,
                    rs.getInt("received"),
                    rs.getInt("cooling"),
                    rs.getInt("ends"),
                    rs.getInt("due"),
                    rs.getInt("withdrawn"),
                    rs.getInt("deemed"),
                    rs.getInt("divorced")))
        .single();
  }

  /** Open applications whose withdrawal deadline falls between the two days, soonest first. */
  public List<ApplicationView> board(String scope, LocalDate from, LocalDate to) {
    return jdbc.sql(
            "select "
                + VIEW_COLUMNS
                + """
                 from registration.divorce_application
                where outcome = 'PENDING' and regime = 'COOLING_OFF' and region_path like :scope and withdrawal_deadline between :from and :to
                order by withdrawal_deadline, received_on, id limit 500""")
        .param("scope", scope)
        .param("from", from)
        .param("to", to)
        .query(VIEW)
        .list();
  }

  /** Deadlines moved by holiday notices since the instant, latest first. */
  public List<DeadlineMove> movesSince(String scope, Instant since) {
    return jdbc.sql(
            """
            select c.application_id, a.a_name || ' · ' || a.b_name, c.changed_at, c.old_withdrawal_deadline, c.new_withdrawal_deadline,
                   c.old_certificate_deadline, c.new_certificate_deadline
            from registration.deadline_change c join registration.divorce_application a on a.id = c.application_id
            where a.region_path like :scope and c.changed_at >= :since
            order by c.changed_at desc, c.id desc limit 200""")
        .param("scope", scope)
        .param("since", Timestamp.from(since))
        .query(
            (rs, n) ->
                new DeadlineMove(
                    new ApplicationId(rs.getObject(1, UUID.class)),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class),
                    rs.getObject(6, LocalDate.class),
                    rs.getObject(7, LocalDate.class)))
        .list();
  }

  /** Whether the couple has an open application. */
  boolean openForCouple(byte[] pairHash) {
    return jdbc.sql(
            "select exists (select 1 from registration.divorce_application where pair_hash = :h and outcome = 'PENDING')")
        .param("h", pairHash)
        .query(Boolean.class)
        .single();
  }

  /**
   * What is stored of some couples (pair hashes, hex): each couple with a day it filed on ({@code
   * hex:day}), and the couples with an open application.
   */
  public record Stored(java.util.Set<String> coupleDays, java.util.Set<String> openCouples) {}

  /** Rows asked about per query: a city's file is looked up in a handful of queries. */
  private static final int LOOKUP_CHUNK = 5_000;

  /** What is stored of these couples, a chunk of couples per query (a second import's skips). */
  Stored stored(List<byte[]> pairHashes) {
    java.util.Set<String> days = new java.util.HashSet<>();
    java.util.Set<String> open = new java.util.HashSet<>();
    java.util.HexFormat hex = java.util.HexFormat.of();
    List<String> all = pairHashes.stream().map(hex::formatHex).distinct().toList();
    for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
      String[] chunk =
          all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK)).toArray(String[]::new);
      jdbc.sql(
              """
              select encode(a.pair_hash, 'hex'), a.received_on, a.outcome
              from registration.divorce_application a
              where a.pair_hash in (select decode(h, 'hex') from unnest(cast(:hashes as text[])) h)""")
          .param("hashes", chunk)
          .query(
              (rs, n) -> {
                String couple = rs.getString(1);
                days.add(couple + ":" + rs.getObject(2, LocalDate.class));
                if ("PENDING".equals(rs.getString(3))) {
                  open.add(couple);
                }
                return n;
              })
          .list();
    }
    return new Stored(days, open);
  }
}

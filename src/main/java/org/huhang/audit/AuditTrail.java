package org.huhang.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.huhang.audit.internal.AuditPolicy;
import org.huhang.shared.Actor;
import org.huhang.shared.CurrentActor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and searches the audit trail. A write is recorded inside the transaction of the change it
 * describes, so a rolled-back change leaves no "success" row; logins are recorded on their own.
 */
@Service
public class AuditTrail {

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditTrail(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A successful action of the current user on one record. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordWrite(String action, String entityType, String entityId) {
    insert(CurrentActor.find(), action, entityType, entityId, AuditOutcome.SUCCESS);
  }

  /** A read of a record marked sensitive, by the current user. */
  @Transactional
  public void recordSensitiveRead(String entityType, String entityId) {
    insert(CurrentActor.find(), "read.sensitive", entityType, entityId, AuditOutcome.SUCCESS);
  }

  /** A login attempt; {@code actor} is empty when the account is unknown or the password wrong. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordLogin(
      String username, Optional<Actor> actor, AuditOutcome outcome, String clientAddress) {
    insertRow(
        actor.map(Actor::username).orElse(truncate(username, 64)),
        actor.map(a -> a.role().name()).orElse(null),
        actor.map(Actor::regionCode).orElse(null),
        outcome == AuditOutcome.SUCCESS ? "login" : "login.failed",
        "user",
        actor.map(a -> a.userId().toString()).orElse(null),
        outcome,
        clientAddress);
  }

  /** A logout by the given user. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordLogout(Actor actor, String clientAddress) {
    insertRow(
        actor.username(),
        actor.role().name(),
        actor.regionCode(),
        "logout",
        "user",
        actor.userId().toString(),
        AuditOutcome.SUCCESS,
        clientAddress);
  }

  private void insert(
      Optional<Actor> actor,
      String action,
      String entityType,
      String entityId,
      AuditOutcome outcome) {
    insertRow(
        actor.map(Actor::username).orElse("system"),
        actor.map(a -> a.role().name()).orElse(null),
        actor.map(Actor::regionCode).orElse(null),
        action,
        entityType,
        entityId,
        outcome,
        currentClientAddress());
  }

  private void insertRow(
      String username,
      String role,
      String regionCode,
      String action,
      String entityType,
      String entityId,
      AuditOutcome outcome,
      String clientAddress) {
    jdbc.sql(
            """
            insert into audit.audit_event
              (occurred_at, username, role, region_code, action, entity_type, entity_id, outcome, client_address)
            values (:at, :username, :role, :region, :action, :entityType, :entityId, :outcome, :address)""")
        .param("at", Timestamp.from(clock.instant()))
        .param("username", fitted(username, 64))
        .param("role", role)
        .param("region", regionCode)
        .param("action", action)
        .param("entityType", entityType)
        .param("entityId", fitted(entityId, 64))
        .param("outcome", outcome.name())
        .param("address", fitted(clientAddress, 64))
        .update();
  }

  /**
   * What a client typed, made fit to record: a failed login's username may hold a NUL (which
   * PostgreSQL cannot store) or 100,000 characters; the trail keeps the visible start of it.
   */
  static String fitted(String text, int length) {
    if (text == null) {
      return null;
    }
    String visible = org.huhang.shared.text.ControlCharacters.removed(text);
    return visible.length() <= length ? visible : visible.substring(0, length - 1) + "…";
  }

  private static final String WHERE =
      """
      where (cast(:username as text) is null or username = :username)
        and (cast(:action as text) is null or action = :action)
        and (cast(:entityType as text) is null or entity_type = :entityType)
        and (cast(:from as timestamptz) is null or occurred_at >= :from)
        and (cast(:to as timestamptz) is null or occurred_at < :to)""";

  private static final String COLUMNS =
      "select id, occurred_at, username, role, region_code, action, entity_type, entity_id,"
          + " outcome, client_address from audit.audit_event ";

  /** Newest first, filtered and paginated in the database. */
  @Transactional(readOnly = true)
  public Paged<AuditEntry> search(AuditSearch search, int size, Actor actor) {
    AuditPolicy.requireAuditor(actor);
    int page = Paged.clampPage(search.page());
    var items =
        filtered(
                jdbc.sql(
                    COLUMNS
                        + WHERE
                        + " order by occurred_at desc, id desc limit :limit offset :offset"),
                search)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(AuditTrail::entry)
            .list();
    // Counted up to the cap, and only when the page does not tell the total.
    return Paged.counted(
        items,
        page,
        size,
        limit ->
            filtered(
                    jdbc.sql(
                        "select count(*) from (select 1 from audit.audit_event "
                            + WHERE
                            + " limit :countLimit) m"),
                    search)
                .param("countLimit", limit)
                .query(Long.class)
                .single());
  }

  /**
   * Every entry of the search, newest first, streamed one by one (the export): the same filter and
   * the same rule as the page.
   */
  @Transactional(readOnly = true)
  public void forEachMatch(AuditSearch search, Actor actor, Consumer<AuditEntry> each) {
    AuditPolicy.requireAuditor(actor);
    try (Stream<AuditEntry> rows =
        filtered(jdbc.sql(COLUMNS + WHERE + " order by occurred_at desc, id desc"), search)
            .withFetchSize(500)
            .query(AuditTrail::entry)
            .stream()) {
      rows.forEach(each);
    }
  }

  private static JdbcClient.StatementSpec filtered(
      JdbcClient.StatementSpec sql, AuditSearch search) {
    return sql.param("username", search.username())
        .param("action", search.action())
        .param("entityType", search.entityType())
        .param("from", startOf(search.from()))
        .param("to", startOf(search.to() == null ? null : search.to().plusDays(1)));
  }

  private static AuditEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new AuditEntry(
        rs.getLong("id"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("username"),
        rs.getString("role"),
        rs.getString("region_code"),
        rs.getString("action"),
        rs.getString("entity_type"),
        rs.getString("entity_id"),
        AuditOutcome.valueOf(rs.getString("outcome")),
        rs.getString("client_address"));
  }

  private static Timestamp startOf(LocalDate day) {
    return day == null ? null : Timestamp.from(day.atStartOfDay(LegalTime.ZONE).toInstant());
  }

  private static String truncate(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max);
  }

  static String currentClientAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}

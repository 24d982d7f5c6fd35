package org.huhang.identity.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Spring Session's JDBC sessions with two costs taken off every request (issue 13: a session cookie
 * halved the throughput of a page that reads nothing else).
 *
 * <ul>
 *   <li>Looking a session up is its one SELECT, without a transaction around it (three statements
 *       less: begin, read-only, commit). Every write still runs in a transaction of its own.
 *   <li>A request that changed nothing in its session does not save it. Spring Session moves the
 *       access time on every request, which made every page a transaction with an UPDATE. Here a
 *       session is saved when it is new, when an attribute, its id or its timeout changed, or when
 *       its row's access time is a minute old ({@link SecurityConfiguration#SESSION_TOUCH_MILLIS},
 *       the same minute the UPDATE itself waits for). An idle session thus ends up to a minute
 *       before its 30 minutes, never later.
 * </ul>
 *
 * Everything else is the JDBC repository's: the rows, the principal index (ending a disabled user's
 * sessions), the clean-up of expired sessions.
 */
final class LeanSessionRepository
    implements FindByIndexNameSessionRepository<LeanSessionRepository.TrackedSession> {

  private static final ThreadLocal<Boolean> LOOKUP = new ThreadLocal<>();

  private final FindByIndexNameSessionRepository<Session> jdbc;

  @SuppressWarnings({"unchecked", "rawtypes"})
  LeanSessionRepository(FindByIndexNameSessionRepository<? extends Session> jdbc) {
    this.jdbc = (FindByIndexNameSessionRepository) jdbc;
  }

  /**
   * The transactions of the JDBC repository: a lookup made through {@link #findById} runs as the
   * single statement it is; anything else in a transaction of its own.
   */
  static TransactionOperations transactions(TransactionOperations inTransaction) {
    return new TransactionOperations() {
      @Override
      public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        return Boolean.TRUE.equals(LOOKUP.get())
            ? action.doInTransaction(null)
            : inTransaction.execute(action);
      }
    };
  }

  @Override
  public TrackedSession createSession() {
    return new TrackedSession(jdbc.createSession(), true);
  }

  @Override
  public void save(TrackedSession session) {
    if (session.mustSave()) {
      jdbc.save(session.inner);
      session.saved();
    }
  }

  @Override
  public TrackedSession findById(String id) {
    Session found;
    LOOKUP.set(Boolean.TRUE);
    try {
      found = jdbc.findById(id);
    } finally {
      LOOKUP.remove();
    }
    return found == null ? null : new TrackedSession(found, false);
  }

  @Override
  public void deleteById(String id) {
    jdbc.deleteById(id);
  }

  @Override
  public Map<String, TrackedSession> findByIndexNameAndIndexValue(
      String indexName, String indexValue) {
    Map<String, TrackedSession> found = new LinkedHashMap<>();
    jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
        .forEach((id, s) -> found.put(id, new TrackedSession(s, false)));
    return found;
  }

  /** A session that knows whether this request changed anything in it. */
  static final class TrackedSession implements Session {

    private final Session inner;
    private boolean isNew;
    private boolean changed;
    private Instant savedAccess;

    TrackedSession(Session inner, boolean isNew) {
      this.inner = inner;
      this.isNew = isNew;
      this.savedAccess = inner.getLastAccessedTime();
    }

    boolean mustSave() {
      return isNew
          || changed
          || Duration.between(savedAccess, inner.getLastAccessedTime()).toMillis()
              >= SecurityConfiguration.SESSION_TOUCH_MILLIS;
    }

    void saved() {
      isNew = false;
      changed = false;
      savedAccess = inner.getLastAccessedTime();
    }

    @Override
    public String getId() {
      return inner.getId();
    }

    @Override
    public String changeSessionId() {
      changed = true;
      return inner.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String name) {
      return inner.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
      return inner.getAttributeNames();
    }

    @Override
    public void setAttribute(String name, Object value) {
      changed = true;
      inner.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      changed = true;
      inner.removeAttribute(name);
    }

    @Override
    public Instant getCreationTime() {
      return inner.getCreationTime();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      inner.setLastAccessedTime(lastAccessedTime);
    }

    @Override
    public Instant getLastAccessedTime() {
      return inner.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      if (!interval.equals(inner.getMaxInactiveInterval())) {
        changed = true;
      }
      inner.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return inner.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return inner.isExpired();
    }
  }
}

package org.huhang.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.Attendees;
import org.huhang.casework.CaseStatus;
import org.huhang.casework.PartyRole;
import org.huhang.casework.ScheduleSession;
import org.huhang.casework.SessionChannel;
import org.huhang.casework.SessionNotes;
import org.huhang.casework.SixSteps;
import org.huhang.shared.Actor;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.LegalTime;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.text.ControlCharacters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sessions of a case: scheduling (a joint session only when the safety rules allow it),
 * cancelling, the notes on the six-step chain after it happened, dated addenda once the notes
 * locked, and the center manager's supervision comments. Notes, addenda and comments are stored
 * only sealed; only those who work the case read them, and every read and write is audited. Two
 * people saving the same notes race on the session's version: the second gets a conflict.
 */
@Service
public class CaseSessions {

  /** The longest text of one notes field, an addendum or a comment. */
  public static final int TEXT_MAX = 4000;

  static final int PLACE_MAX = 100;

  /** How far back a session may be entered (one held and recorded late) and how far ahead. */
  static final Duration PAST_LIMIT = Duration.ofDays(90);

  static final Duration FUTURE_LIMIT = Duration.ofDays(366);

  /** A current team member the session may name as its counselor. */
  public record TeamChoice(UUID userId, String name, boolean lead) {}

  private final JdbcClient jdbc;
  private final CaseAccess access;
  private final CaseworkPolicy policy;
  private final CaseFile cases;
  private final ConsentGate consent;
  private final SafetyGate safety;
  private final PersonalDataProtector protector;
  private final AuditTrail audit;
  private final Clock clock;
  private final PeopleNames names;

  CaseSessions(
      PeopleNames names,
      JdbcClient jdbc,
      CaseAccess access,
      CaseworkPolicy policy,
      CaseFile cases,
      ConsentGate consent,
      SafetyGate safety,
      PersonalDataProtector protector,
      AuditTrail audit,
      Clock clock) {
    this.names = names;
    this.jdbc = jdbc;
    this.access = access;
    this.policy = policy;
    this.cases = cases;
    this.consent = consent;
    this.safety = safety;
    this.protector = protector;
    this.audit = audit;
    this.clock = clock;
  }

  /** The sessions of a case, latest first: everyone who sees the case sees when and who. */
  @Transactional(readOnly = true)
  public List<SessionView> list(UUID caseId, Actor actor) {
    CaseRef ref = access.find(caseId, actor);
    Map<UUID, String> names = teamNames(ref.id());
    return jdbc.sql(SELECT + " where s.case_id = :case order by s.scheduled_at desc, s.id")
        .param("case", ref.id())
        .query((rs, n) -> view(rs, names))
        .list();
  }

  /** One session of the case (404 when it is not the case's). */
  @Transactional(readOnly = true)
  public SessionView get(UUID caseId, UUID sessionId, Actor actor) {
    CaseRef ref = access.find(caseId, actor);
    return load(ref.id(), sessionId, false);
  }

  /** The current team, lead first: the counselors a session may name. */
  @Transactional(readOnly = true)
  public List<TeamChoice> team(UUID caseId, Actor actor) {
    CaseRef ref = access.find(caseId, actor);
    return currentTeam(ref.id());
  }

  /** Why a joint session would be refused now (a message key), or null: for the form's hint. */
  @Transactional(readOnly = true)
  public String jointRefusal(UUID caseId, Actor actor) {
    CaseRef ref = access.find(caseId, actor);
    return safety.jointRefusal(ref.id());
  }

  /**
   * Schedules a session. Those who work the case only, never on a closed case; the attendees must
   * be parties of the case, the counselors its current team (all of it when none are named), and a
   * joint session must pass {@link SafetyGate#requireJointAllowed} (409 with the reason).
   */
  @Transactional
  public UUID schedule(UUID caseId, ScheduleSession command, Actor actor) {
    CaseRef ref = access.find(caseId, actor, true);
    policy.requireWorks(ref);
    if (ref.closed()) {
      throw DomainException.of(null, "case.closed");
    }
    List<TeamChoice> team = currentTeam(ref.id());
    Set<PartyRole> parties = parties(ref.id());
    List<FieldProblem> problems = new ArrayList<>();
    Instant now = clock.instant();
    Instant at = null;
    if (command.scheduledAt() == null) {
      problems.add(problem("scheduledAt", "session.scheduledAt.required"));
    } else {
      at = command.scheduledAt().atZone(LegalTime.ZONE).toInstant();
      if (at.isBefore(now.minus(PAST_LIMIT)) || at.isAfter(now.plus(FUTURE_LIMIT))) {
        problems.add(problem("scheduledAt", "session.scheduledAt.range"));
      }
    }
    if (command.durationMinutes() < 10 || command.durationMinutes() > 480) {
      problems.add(problem("durationMinutes", "session.duration.range"));
    }
    String place = command.place() == null || command.place().isEmpty() ? null : command.place();
    if (place != null && place.length() > PLACE_MAX) {
      problems.add(new FieldProblem("place", "case.text.size", new Object[] {PLACE_MAX}));
    } else if (ControlCharacters.present(place)) {
      problems.add(problem("place", "error.controlCharacter"));
    }
    Attendees attendees = command.attendees();
    if (attendees == null) {
      problems.add(problem("attendees", "session.attendees.required"));
    } else if (attendees != Attendees.BOTH && !parties.contains(attendees.parties().get(0))) {
      problems.add(problem("attendees", "session.attendees.notParty"));
    }
    List<UUID> teamIds = team.stream().map(TeamChoice::userId).toList();
    List<UUID> counselors =
        command.counselors().isEmpty()
            ? teamIds
            : command.counselors().stream().distinct().toList();
    if (!teamIds.containsAll(counselors)) {
      problems.add(problem("counselors", "session.counselors.notOnTeam"));
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    if (attendees == Attendees.BOTH) {
      safety.requireJointAllowed(ref.id(), "attendees");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into casework.session (id, case_id, scheduled_at, duration_minutes, channel,
                   place, attendees, relatives_present, counselors, status, created_by, created_at)
            values (:id, :case, :at, :duration, :channel, :place, :attendees, :relatives,
                    :counselors, 'SCHEDULED', :by, :now)""")
        .param("id", id)
        .param("case", ref.id())
        .param("at", Timestamp.from(at))
        .param("duration", command.durationMinutes())
        .param("channel", command.channel().name())
        .param("place", place)
        .param("attendees", attendees.name())
        .param("relatives", command.relativesPresent())
        .param("counselors", counselors.toArray(UUID[]::new))
        .param("by", actor.username())
        .param("now", Timestamp.from(now))
        .update();
    audit.recordWrite("session.schedule", "session", id.toString());
    return id;
  }

  /** Cancels a session not yet held. */
  @Transactional
  public void cancel(UUID caseId, UUID sessionId, Actor actor) {
    CaseRef ref = access.find(caseId, actor, true);
    policy.requireWorks(ref);
    SessionView session = load(ref.id(), sessionId, true);
    if (!session.scheduled()) {
      throw ConflictException.of(null, "session.cancel.notScheduled");
    }
    jdbc.sql(
            "update casework.session set status = 'CANCELLED', version = version + 1"
                + " where id = :id")
        .param("id", session.id())
        .update();
    audit.recordWrite("session.cancel", "session", session.id().toString());
  }

  /**
   * What was said: notes, addenda, supervision comments. Only those who work the case (403 for an
   * administrator, who sees that the session was held, not what was said); the read is audited.
   */
  @Transactional
  public SessionRecord record(UUID caseId, UUID sessionId, Actor actor) {
    CaseRef ref = access.find(caseId, actor);
    policy.requireSensitive(ref);
    SessionView session = load(ref.id(), sessionId, false);
    byte[] cipher =
        jdbc.sql("select notes_cipher from casework.session where id = :id")
            .param("id", session.id())
            .query(byte[].class)
            .optional()
            .orElse(null);
    SessionNotes notes = cipher == null ? null : SessionNotesJson.read(protector.decrypt(cipher));
    if (notes != null) {
      audit.recordSensitiveRead("session.notes", session.id().toString());
    }
    List<SessionRecord.Note> addenda =
        jdbc.sql(
                """
                select id, text_cipher, written_by, written_at from casework.session_addendum
                 where session_id = :id order by written_at, id""")
            .param("id", session.id())
            .query(this::note)
            .list();
    if (!addenda.isEmpty()) {
      audit.recordSensitiveRead("session.addenda", session.id().toString());
    }
    List<SessionRecord.Note> comments =
        jdbc.sql(
                """
                select id, text_cipher, written_by, written_at from casework.supervision_comment
                 where case_id = :case and session_id = :id order by written_at, id""")
            .param("case", ref.id())
            .param("id", session.id())
            .query(this::note)
            .list();
    if (!comments.isEmpty()) {
      audit.recordSensitiveRead("session.supervision", session.id().toString());
    }
    return new SessionRecord(session, notes, addenda, comments);
  }

  /**
   * Writes the notes of a session that has begun: it becomes HELD and its case ACTIVE. Each
   * attending party's six steps need that party's consent to sensitive processing, the shared
   * fields every attending party's. Editable for 24 hours after the first save ({@link NoteLock});
   * {@code version} is the session version the writer saw (null: the current one).
   */
  @Transactional
  public SessionView saveNotes(
      UUID caseId, UUID sessionId, SessionNotes notes, Long version, Actor actor) {
    CaseRef ref = access.find(caseId, actor, true);
    policy.requireWorks(ref);
    if (ref.closed()) {
      throw DomainException.of(null, "case.closed");
    }
    SessionView session = load(ref.id(), sessionId, true);
    Instant now = clock.instant();
    if (session.cancelled()) {
      throw ConflictException.of(null, "session.notes.cancelled");
    }
    if (session.attendees() == org.huhang.casework.Attendees.BOTH
        && session.notesSavedAt() == null) {
      // A joint session booked before a screening forbade it is not recorded as held.
      safety.requireJointAllowed(ref.id(), "attendees");
    }
    if (session.scheduledAt().isAfter(now)) {
      throw DomainException.of(null, "session.notes.future");
    }
    if (NoteLock.locked(session.notesSavedAt(), now)) {
      throw ConflictException.of(null, "session.notes.locked");
    }
    if (version != null && version != session.version()) {
      throw ConflictException.of(null, "session.conflict");
    }
    SessionNotes clean =
        clean(notes == null ? new SessionNotes(null, null, null, null, null) : notes);
    List<FieldProblem> problems = check(clean, session.attendees());
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    for (PartyRole party : session.attendees().parties()) {
      SixSteps steps = party == PartyRole.A ? clean.partyA() : clean.partyB();
      if (steps != null) {
        consent.requireSensitive(ref.id(), party, "party" + party.name() + ".beliefSystem");
      }
    }
    if (clean.freeNotes() != null
        || clean.agreedActions() != null
        || clean.nextAppointment() != null) {
      for (PartyRole party : session.attendees().parties()) {
        consent.requireSensitive(ref.id(), party, firstShared(clean));
      }
    }
    int written =
        jdbc.sql(
                """
                update casework.session
                   set notes_cipher = :cipher, status = 'HELD',
                       notes_saved_at = coalesce(notes_saved_at, :now),
                       notes_saved_by = coalesce(notes_saved_by, :by),
                       version = version + 1
                 where id = :id and version = :version""")
            .param("cipher", protector.encrypt(SessionNotesJson.write(clean)))
            .param("now", Timestamp.from(now))
            .param("by", actor.username())
            .param("id", session.id())
            .param("version", session.version())
            .update();
    if (written == 0) {
      throw ConflictException.of(null, "session.conflict");
    }
    if (ref.status() == CaseStatus.OPEN) {
      CounselingCase caze = cases.load(ref.id());
      caze.markActive(actor.username());
      cases.save(caze);
    }
    audit.recordWrite("session.notes", "session", session.id().toString());
    return load(ref.id(), session.id(), false);
  }

  /** A dated correction of notes that have locked: added, never edited. */
  @Transactional
  public UUID addAddendum(UUID caseId, UUID sessionId, String text, Actor actor) {
    CaseRef ref = access.find(caseId, actor, true);
    policy.requireWorks(ref);
    SessionView session = load(ref.id(), sessionId, true);
    if (!NoteLock.addendumAllowed(session.notesSavedAt(), clock.instant())) {
      throw ConflictException.of(
          "text", session.hasNotes() ? "session.addendum.notLocked" : "session.addendum.noNotes");
    }
    String checked = checkText("text", text);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into casework.session_addendum (id, session_id, text_cipher, written_by, written_at)
            values (:id, :session, :cipher, :by, :now)""")
        .param("id", id)
        .param("session", session.id())
        .param("cipher", protector.encrypt(checked))
        .param("by", actor.username())
        .param("now", Timestamp.from(clock.instant()))
        .update();
    audit.recordWrite("session.addendum", "session", session.id().toString());
    return id;
  }

  /** A center manager's supervision comment on a session, for the case's counselors to read. */
  @Transactional
  public UUID comment(UUID caseId, UUID sessionId, String text, Actor actor) {
    CaseRef ref = access.find(caseId, actor, true);
    if (!ref.managesCenter()) {
      throw new ForbiddenException("supervision is the center manager's");
    }
    SessionView session = load(ref.id(), sessionId, false);
    String checked = checkText("text", text);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into casework.supervision_comment (id, case_id, session_id, text_cipher,
                   written_by, written_at)
            values (:id, :case, :session, :cipher, :by, :now)""")
        .param("id", id)
        .param("case", ref.id())
        .param("session", session.id())
        .param("cipher", protector.encrypt(checked))
        .param("by", actor.username())
        .param("now", Timestamp.from(clock.instant()))
        .update();
    audit.recordWrite("session.supervision", "session", session.id().toString());
    return id;
  }

  /** The application's clock, for pages that say whether a session has begun. */
  public Instant now() {
    return clock.instant();
  }

  // ---- reading rows

  static final String SELECT =
      """
      select s.id, s.case_id, s.scheduled_at, s.duration_minutes, s.channel, s.place, s.attendees,
             s.relatives_present, s.counselors, s.status, s.notes_saved_at, s.notes_saved_by,
             s.version, s.created_by
        from casework.session s""";

  private SessionView load(UUID caseId, UUID sessionId, boolean lock) {
    return jdbc.sql(
            SELECT + " where s.id = :id and s.case_id = :case" + (lock ? " for update" : ""))
        .param("id", sessionId)
        .param("case", caseId)
        .query((rs, n) -> view(rs, teamNames(caseId)))
        .optional()
        .orElseThrow(() -> new NotFoundException("session"));
  }

  private SessionView view(ResultSet rs, Map<UUID, String> names) throws SQLException {
    UUID[] counselors = (UUID[]) rs.getArray("counselors").getArray();
    Timestamp saved = rs.getTimestamp("notes_saved_at");
    Instant savedAt = saved == null ? null : saved.toInstant();
    return new SessionView(
        rs.getObject("id", UUID.class),
        rs.getObject("case_id", UUID.class),
        rs.getTimestamp("scheduled_at").toInstant(),
        rs.getInt("duration_minutes"),
        SessionChannel.valueOf(rs.getString("channel")),
        rs.getString("place"),
        Attendees.valueOf(rs.getString("attendees")),
        rs.getBoolean("relatives_present"),
        List.of(counselors),
        Arrays.stream(counselors).map(u -> names.getOrDefault(u, "—")).toList(),
        rs.getString("status"),
        savedAt,
        this.names.display(rs.getString("notes_saved_by")),
        NoteLock.locked(savedAt, clock.instant()),
        rs.getLong("version"),
        this.names.display(rs.getString("created_by")));
  }

  private SessionRecord.Note note(ResultSet rs, int n) throws SQLException {
    return new SessionRecord.Note(
        rs.getObject("id", UUID.class),
        protector.decrypt(rs.getBytes("text_cipher")),
        names.display(rs.getString("written_by")),
        rs.getTimestamp("written_at").toInstant());
  }

  /** The names of everyone ever on the team, by user: a session keeps naming who held it. */
  private Map<UUID, String> teamNames(UUID caseId) {
    Map<UUID, String> names = new LinkedHashMap<>();
    jdbc.sql(
            "select user_id, name from casework.team_member where case_id = :case"
                + " order by assigned_at")
        .param("case", caseId)
        .query(
            rs -> {
              names.put(rs.getObject("user_id", UUID.class), rs.getString("name"));
            });
    return names;
  }

  private List<TeamChoice> currentTeam(UUID caseId) {
    return jdbc.sql(
            """
            select user_id, name, lead from casework.team_member
             where case_id = :case and removed_at is null order by lead desc, assigned_at, name""")
        .param("case", caseId)
        .query(
            (rs, n) ->
                new TeamChoice(
                    rs.getObject("user_id", UUID.class),
                    rs.getString("name"),
                    rs.getBoolean("lead")))
        .list();
  }

  private Set<PartyRole> parties(UUID caseId) {
    Set<PartyRole> parties = EnumSet.noneOf(PartyRole.class);
    jdbc.sql("select role from casework.case_party where case_id = :case")
        .param("case", caseId)
        .query(
            rs -> {
              parties.add(PartyRole.valueOf(rs.getString("role")));
            });
    return parties;
  }

  // ---- checking notes

  /** Blank fields become null, the rest is kept as typed but for surrounding blanks. */
  static SessionNotes clean(SessionNotes n) {
    return new SessionNotes(
        clean(n.partyA()),
        clean(n.partyB()),
        clean(n.freeNotes()),
        clean(n.agreedActions()),
        clean(n.nextAppointment()));
  }

  private static SixSteps clean(SixSteps s) {
    if (s == null) {
      return null;
    }
    SixSteps out =
        new SixSteps(
            clean(s.beliefSystem()),
            clean(s.thinkingAngle()),
            clean(s.emotionalFeelings()),
            clean(s.behaviour()),
            clean(s.result()),
            clean(s.conclusion()));
    return out.isEmpty() ? null : out;
  }

  private static String clean(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Every field's length and characters, a party who was not there, notes with nothing in them. */
  static List<FieldProblem> check(SessionNotes n, Attendees attendees) {
    List<FieldProblem> problems = new ArrayList<>();
    for (PartyRole party : PartyRole.values()) {
      SixSteps steps = party == PartyRole.A ? n.partyA() : n.partyB();
      String prefix = "party" + party.name() + ".";
      if (steps == null) {
        continue;
      }
      if (!attendees.attends(party)) {
        problems.add(problem(prefix + "beliefSystem", "session.notes.notAttending." + party));
        continue;
      }
      List<String> values =
          List.of(
              nz(steps.beliefSystem()),
              nz(steps.thinkingAngle()),
              nz(steps.emotionalFeelings()),
              nz(steps.behaviour()),
              nz(steps.result()),
              nz(steps.conclusion()));
      for (int i = 0; i < SixSteps.STEPS.size(); i++) {
        checkField(prefix + SixSteps.STEPS.get(i), values.get(i), problems);
      }
    }
    checkField("freeNotes", nz(n.freeNotes()), problems);
    checkField("agreedActions", nz(n.agreedActions()), problems);
    checkField("nextAppointment", nz(n.nextAppointment()), problems);
    if (n.partyA() == null
        && n.partyB() == null
        && n.freeNotes() == null
        && n.agreedActions() == null
        && n.nextAppointment() == null) {
      problems.add(problem(null, "session.notes.empty"));
    }
    return problems;
  }

  private static void checkField(String field, String value, List<FieldProblem> problems) {
    if (value.length() > TEXT_MAX) {
      problems.add(new FieldProblem(field, "session.text.size", new Object[] {TEXT_MAX}));
    } else if (ControlCharacters.present(value)) {
      problems.add(problem(field, "error.controlCharacter"));
    }
  }

  private static String checkText(String field, String text) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      throw DomainException.of(field, "session.text.required");
    }
    List<FieldProblem> problems = new ArrayList<>();
    checkField(field, value, problems);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    return value;
  }

  private static String firstShared(SessionNotes n) {
    return n.freeNotes() != null
        ? "freeNotes"
        : n.agreedActions() != null ? "agreedActions" : "nextAppointment";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static FieldProblem problem(String field, String key) {
    return new FieldProblem(field, key, new Object[0]);
  }
}

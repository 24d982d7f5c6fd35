package org.huhang.casework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole story of a case on one page: referral and opening, consents, screenings, team,
 * sessions, safety referrals, supervision, closing, the registration outcome and follow-ups, in the
 * order they happened. It names what happened and who recorded it, never what was said: the notes
 * and answers stay behind their own audited reads.
 */
@Service
public class CaseTimeline {

  /** One line of the timeline; an argument that is a {@link Word} is a message key to translate. */
  public record Entry(Instant at, String kind, String key, List<Object> args, String by) {}

  /** A message key given as an argument, translated where the line is shown. */
  public record Word(String key) {}

  private final JdbcClient jdbc;
  private final CaseAccess access;
  private final PeopleNames names;

  CaseTimeline(PeopleNames names, JdbcClient jdbc, CaseAccess access) {
    this.names = names;
    this.jdbc = jdbc;
    this.access = access;
  }

  @Transactional(readOnly = true)
  public List<Entry> of(UUID caseId, Actor actor) {
    CaseRef ref = access.find(caseId, actor);
    List<Entry> out = new ArrayList<>();
    jdbc.sql(
            """
            select c.created_at, c.source, c.opened_by, c.closed_on, c.closed_by, c.outcome,
                   c.updated_at, c.legal_outcome, c.legal_outcome_on,
                   c.joint_approved_at, c.joint_approved_by
              from casework.counseling_case c where c.id = :id""")
        .param("id", ref.id())
        .query(
            rs -> {
              String source = rs.getString("source");
              out.add(
                  "REGISTRATION_REFERRAL".equals(source)
                      ? entry(
                          rs.getTimestamp("created_at").toInstant(),
                          "opened",
                          "case.timeline.referral",
                          names.display(rs.getString("opened_by")),
                          names.display(rs.getString("opened_by")))
                      : entry(
                          rs.getTimestamp("created_at").toInstant(),
                          "opened",
                          "case.timeline.opened",
                          names.display(rs.getString("opened_by")),
                          new Word("case.source." + source)));
              if (rs.getTimestamp("joint_approved_at") != null) {
                out.add(
                    entry(
                        rs.getTimestamp("joint_approved_at").toInstant(),
                        "approval",
                        "case.timeline.approval",
                        names.display(rs.getString("joint_approved_by"))));
              }
              if (rs.getObject("closed_on") != null) {
                out.add(
                    entry(
                        endOfDay(rs.getObject("closed_on", LocalDate.class)),
                        "closed",
                        "case.timeline.closed",
                        names.display(rs.getString("closed_by")),
                        new Word("case.outcome." + rs.getString("outcome"))));
              }
              if (rs.getString("legal_outcome") != null) {
                out.add(
                    entry(
                        endOfDay(rs.getObject("legal_outcome_on", LocalDate.class)),
                        "legal",
                        "case.timeline.legal",
                        null,
                        new Word("case.legalOutcome." + rs.getString("legal_outcome"))));
              }
            });
    jdbc.sql(
            """
            select party, purpose, given_at, recorded_by, withdrawn_at, withdrawn_by
              from casework.consent where case_id = :id""")
        .param("id", ref.id())
        .query(
            rs -> {
              Word party = new Word("case.party." + rs.getString("party"));
              Word purpose = new Word("consent.purpose." + rs.getString("purpose"));
              out.add(
                  entry(
                      rs.getTimestamp("given_at").toInstant(),
                      "consent",
                      "case.timeline.consent",
                      names.display(rs.getString("recorded_by")),
                      party,
                      purpose));
              if (rs.getTimestamp("withdrawn_at") != null) {
                out.add(
                    entry(
                        rs.getTimestamp("withdrawn_at").toInstant(),
                        "consent",
                        "case.timeline.consentWithdrawn",
                        names.display(rs.getString("withdrawn_by")),
                        party,
                        purpose));
              }
            });
    jdbc.sql(
            "select party, risk, screened_at, screened_by from casework.screening where case_id = :id")
        .param("id", ref.id())
        .query(
            rs -> {
              out.add(
                  entry(
                      rs.getTimestamp("screened_at").toInstant(),
                      "screening",
                      "case.timeline.screening",
                      names.display(rs.getString("screened_by")),
                      new Word("case.party." + rs.getString("party")),
                      new Word("case.risk." + rs.getString("risk"))));
            });
    jdbc.sql("select updated_at, updated_by from casework.safety_plan where case_id = :id")
        .param("id", ref.id())
        .query(
            rs -> {
              out.add(
                  entry(
                      rs.getTimestamp("updated_at").toInstant(),
                      "plan",
                      "case.timeline.plan",
                      names.display(rs.getString("updated_by"))));
            });
    jdbc.sql(
            """
            select kind, result, recorded_at, recorded_by
              from casework.safety_referral where case_id = :id""")
        .param("id", ref.id())
        .query(
            rs -> {
              out.add(
                  entry(
                      rs.getTimestamp("recorded_at").toInstant(),
                      "safetyReferral",
                      "case.timeline.safetyReferral",
                      names.display(rs.getString("recorded_by")),
                      new Word("safetyReferral.kind." + rs.getString("kind")),
                      new Word("safetyReferral.result." + rs.getString("result"))));
            });
    jdbc.sql(
            "select name, lead, assigned_at, assigned_by from casework.team_member where case_id = :id")
        .param("id", ref.id())
        .query(
            rs -> {
              out.add(
                  entry(
                      rs.getTimestamp("assigned_at").toInstant(),
                      "team",
                      "case.timeline.team",
                      names.display(rs.getString("assigned_by")),
                      rs.getString("name"),
                      rs.getBoolean("lead") ? new Word("case.timeline.team.lead") : ""));
            });
    jdbc.sql(
            """
            select s.id, s.scheduled_at, s.attendees, s.status, s.notes_saved_at, s.notes_saved_by,
                   s.created_by
              from casework.session s where s.case_id = :id""")
        .param("id", ref.id())
        .query(
            rs -> {
              out.add(
                  entry(
                      rs.getTimestamp("scheduled_at").toInstant(),
                      "session",
                      "case.timeline.session",
                      names.display(rs.getString("created_by")),
                      new Word("session.attendees." + rs.getString("attendees")),
                      new Word("session.status." + rs.getString("status"))));
              if (rs.getTimestamp("notes_saved_at") != null) {
                out.add(
                    entry(
                        rs.getTimestamp("notes_saved_at").toInstant(),
                        "notes",
                        "case.timeline.sessionHeld",
                        names.display(rs.getString("notes_saved_by")),
                        new Word("session.attendees." + rs.getString("attendees"))));
              }
            });
    jdbc.sql(
            """
            select a.written_at, a.written_by from casework.session_addendum a
              join casework.session s on s.id = a.session_id where s.case_id = :id""")
        .param("id", ref.id())
        .query(
            rs -> {
              out.add(
                  entry(
                      rs.getTimestamp("written_at").toInstant(),
                      "addendum",
                      "case.timeline.addendum",
                      names.display(rs.getString("written_by"))));
            });
    jdbc.sql("select written_at, written_by from casework.supervision_comment where case_id = :id")
        .param("id", ref.id())
        .query(
            rs -> {
              out.add(
                  entry(
                      rs.getTimestamp("written_at").toInstant(),
                      "supervision",
                      "case.timeline.supervision",
                      names.display(rs.getString("written_by")),
                      names.display(rs.getString("written_by"))));
            });
    jdbc.sql(
            """
            select months, due_on, done_on, recorded_by from casework.follow_up
             where case_id = :id and done_on is not null""")
        .param("id", ref.id())
        .query(
            rs -> {
              out.add(
                  entry(
                      endOfDay(rs.getObject("done_on", LocalDate.class)),
                      "followUp",
                      "case.timeline.followUp",
                      names.display(rs.getString("recorded_by")),
                      rs.getInt("months")));
            });
    out.sort(Comparator.comparing(Entry::at).reversed());
    return out;
  }

  private static Entry entry(Instant at, String kind, String key, String by, Object... args) {
    return new Entry(at, kind, key, List.of(args), by);
  }

  private static Instant endOfDay(LocalDate day) {
    return day.atTime(23, 59).atZone(LegalTime.ZONE).toInstant();
  }
}

package org.huhang.selfservice.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseIntake;
import org.huhang.center.CenterId;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.selfservice.Question;
import org.huhang.selfservice.QuestionnaireKind;
import org.huhang.selfservice.QuestionnaireView;
import org.huhang.selfservice.SaveQuestionnaire;
import org.huhang.shared.Actor;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A center's two questionnaires (before the first session, the satisfaction survey after), written
 * in the form builder by its manager or an administrator of its region. A center that has written
 * none uses the platform's ({@link StandardQuestionnaires}); one that saves no question asks none.
 */
@Component
public class Questionnaires {

  private final JdbcClient jdbc;
  private final Centers centers;
  private final CaseIntake cases;
  private final StandardQuestionnaires standard;
  private final AuditTrail audit;
  private final Clock clock;

  Questionnaires(
      JdbcClient jdbc,
      Centers centers,
      CaseIntake cases,
      StandardQuestionnaires standard,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.centers = centers;
    this.cases = cases;
    this.standard = standard;
    this.audit = audit;
    this.clock = clock;
  }

  /** The questionnaire a family of this center answers now: the center's own, or the platform's. */
  @Transactional(readOnly = true)
  public QuestionnaireView of(UUID centerId, QuestionnaireKind kind) {
    CenterView center =
        centers.find(new CenterId(centerId)).orElseThrow(() -> new NotFoundException("center"));
    return of(center, kind);
  }

  private QuestionnaireView of(CenterView center, QuestionnaireKind kind) {
    Optional<QuestionnaireView> own =
        jdbc.sql(
                """
                select title, questions::text as questions, updated_by, updated_at, version
                  from selfservice.questionnaire where center_id = :c and kind = :k""")
            .param("c", center.id().value())
            .param("k", kind.name())
            .query(
                (rs, n) ->
                    new QuestionnaireView(
                        center.id().value(),
                        center.name(),
                        kind,
                        rs.getString("title"),
                        QuestionnaireJson.questions(rs.getString("questions")),
                        false,
                        rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getInt("version")))
            .optional();
    return own.orElseGet(
        () ->
            new QuestionnaireView(
                center.id().value(),
                center.name(),
                kind,
                standard.title(kind),
                standard.questions(kind),
                true,
                null,
                null,
                0));
  }

  /** Who writes questionnaires: center managers and administrators; everyone else 403. */
  public void requireEditor(Actor actor) {
    if (!(actor.role().isAdministrator() || actor.is(org.huhang.shared.Role.CENTER_MANAGER))) {
      throw new ForbiddenException("questionnaires");
    }
  }

  /** The centers whose questionnaires the actor writes, with both of each. */
  @Transactional(readOnly = true)
  public List<CenterView> editableCenters(Actor actor) {
    requireEditor(actor);
    return cases.openableCenters(actor);
  }

  /** A questionnaire for the builder; a center the actor does not manage answers 404. */
  @Transactional(readOnly = true)
  public QuestionnaireView forEdit(UUID centerId, QuestionnaireKind kind, Actor actor) {
    return of(editable(centerId, actor), kind);
  }

  private CenterView editable(UUID centerId, Actor actor) {
    return editableCenters(actor).stream()
        .filter(c -> c.id().value().equals(centerId))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("center"));
  }

  public List<FieldProblem> problems(SaveQuestionnaire command, QuestionnaireKind kind) {
    return QuestionnaireRules.problems(command, kind);
  }

  /**
   * Saves the center's questionnaire as the builder sent it. Someone who saved meanwhile wins: the
   * editor is told and sees the newer one.
   */
  @Transactional
  public QuestionnaireView save(
      UUID centerId, QuestionnaireKind kind, SaveQuestionnaire command, Actor actor) {
    CenterView center = editable(centerId, actor);
    List<FieldProblem> problems = problems(command, kind);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    List<Question> questions = QuestionnaireRules.questions(command);
    Instant now = clock.instant();
    int expected = command.version() == null ? -1 : command.version();
    int written =
        jdbc.sql(
                """
                insert into selfservice.questionnaire
                       (id, center_id, kind, title, questions, updated_by, updated_at, version)
                values (:id, :c, :k, :title, cast(:questions as jsonb), :by, :at, 0)
                on conflict (center_id, kind) do update
                   set title = excluded.title, questions = excluded.questions,
                       updated_by = excluded.updated_by, updated_at = excluded.updated_at,
                       version = selfservice.questionnaire.version + 1
                 where selfservice.questionnaire.version = :expected""")
            .param("id", UUID.randomUUID())
            .param("c", centerId)
            .param("k", kind.name())
            .param("title", command.title().strip())
            .param("questions", QuestionnaireJson.questions(questions))
            .param("by", actor.username())
            .param("at", Timestamp.from(now))
            .param("expected", expected)
            .update();
    if (written == 0) {
      throw ConflictException.of(null, "questionnaire.conflict");
    }
    audit.recordWrite("questionnaire.save", "center", centerId + ":" + kind.name());
    return of(center, kind);
  }

  /** The center goes back to the platform's questionnaire. */
  @Transactional
  public void reset(UUID centerId, QuestionnaireKind kind, Actor actor) {
    editable(centerId, actor);
    jdbc.sql("delete from selfservice.questionnaire where center_id = :c and kind = :k")
        .param("c", centerId)
        .param("k", kind.name())
        .update();
    audit.recordWrite("questionnaire.reset", "center", centerId + ":" + kind.name());
  }
}

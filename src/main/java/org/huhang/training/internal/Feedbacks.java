package org.huhang.training.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.ForbiddenException;
import org.huhang.training.CourseId;
import org.huhang.training.CourseView;
import org.huhang.training.FeedbackSummary;
import org.huhang.training.GiveFeedback;
import org.huhang.training.ParticipantStatus;
import org.huhang.volunteer.VolunteerSummary;
import org.huhang.volunteer.Volunteers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participants' feedback: the participant (a staff member, or the volunteer linked to the user)
 * rates the course once it has ended (a second answer replaces the first); the course's
 * administrators read the summary.
 */
@Service
public class Feedbacks {

  private final CourseCatalog catalog;
  private final CourseStore store;
  private final TrainingPolicy policy;
  private final Volunteers volunteers;
  private final AuditTrail audit;
  private final Clock clock;

  Feedbacks(
      CourseCatalog catalog,
      CourseStore store,
      TrainingPolicy policy,
      Volunteers volunteers,
      AuditTrail audit,
      Clock clock) {
    this.catalog = catalog;
    this.store = store;
    this.policy = policy;
    this.volunteers = volunteers;
    this.audit = audit;
    this.clock = clock;
  }

  /** The actor's own participation in the course (seated or completed), if it has one. */
  @Transactional(readOnly = true)
  Optional<CourseStore.ParticipantRow> own(CourseView course, Actor actor) {
    if (actor.userId() == null) {
      return Optional.empty();
    }
    return volunteers
        .forUser(actor.userId())
        .map(VolunteerSummary::id)
        .flatMap(v -> store.participantOf(course.id().value(), v.value()))
        .or(() -> store.participantOfUser(course.id().value(), actor.userId()))
        .filter(
            p ->
                p.status() == ParticipantStatus.ENROLLED
                    || p.status() == ParticipantStatus.COMPLETED);
  }

  /** Whether the actor may give feedback on the course now: its own participant, course ended. */
  public boolean mayGive(CourseView course, Actor actor) {
    return !course.endsOn().isAfter(LocalDate.now(clock)) && own(course, actor).isPresent();
  }

  /** The actor's earlier rating, if any. */
  @Transactional(readOnly = true)
  public Optional<Integer> ratingGiven(CourseView course, Actor actor) {
    return own(course, actor).flatMap(p -> store.ratingOf(p.id()));
  }

  /** 403 unless the actor is a participant of this course it sees (404 if it does not). */
  @Transactional(readOnly = true)
  public void requireGiver(CourseId id, Actor actor) {
    if (own(catalog.get(id, actor), actor).isEmpty()) {
      throw new ForbiddenException("participants only");
    }
  }

  @Transactional
  public void give(CourseId id, GiveFeedback command, Actor actor) {
    CourseView course = catalog.get(id, actor);
    CourseStore.ParticipantRow p =
        own(course, actor).orElseThrow(() -> new ForbiddenException("participants only"));
    if (course.endsOn().isAfter(LocalDate.now(clock))) {
      throw DomainException.of("rating", "feedback.notYet", course.endsOn());
    }
    if (command.rating() == null || command.rating() < 1 || command.rating() > 5) {
      throw DomainException.of("rating", "feedback.rating.range");
    }
    if (command.comments() != null && command.comments().length() > 1000) {
      throw DomainException.of("comments", "feedback.comments.size");
    }
    store.saveFeedback(p.id(), command.rating(), command.comments(), clock.instant());
    audit.recordWrite("training.feedback", "training-course", id.toString());
  }

  /** The summary for the course's administrators (403 for anyone else who sees it). */
  @Transactional(readOnly = true)
  public FeedbackSummary summary(CourseId id, Actor actor) {
    CourseView course = catalog.get(id, actor);
    policy.requireManage(actor, course.regionPath());
    List<CourseStore.FeedbackRow> rows = store.feedback(id.value());
    BigDecimal average =
        rows.isEmpty()
            ? null
            : BigDecimal.valueOf(rows.stream().mapToInt(CourseStore.FeedbackRow::rating).sum())
                .divide(BigDecimal.valueOf(rows.size()), 1, RoundingMode.HALF_UP);
    return new FeedbackSummary(
        average,
        rows.size(),
        rows.stream().map(CourseStore.FeedbackRow::comments).filter(Objects::nonNull).toList());
  }
}

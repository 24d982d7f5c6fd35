package org.huhang.training.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.pdf.FormPdf;
import org.huhang.shared.pdf.FormPdf.Field;
import org.huhang.training.CourseId;
import org.huhang.training.CourseView;
import org.huhang.training.ModuleKind;
import org.huhang.training.ParticipantStatus;
import org.huhang.training.ParticipantView;
import org.huhang.volunteer.Volunteers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The completion certificate (结业证书) of a participant, always in Chinese: for the course's
 * administrators and for the volunteer's own account; only once the participant has completed.
 */
@Service
public class Certificates {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", ZH);

  private final CourseCatalog catalog;
  private final TrainingPolicy policy;
  private final Volunteers volunteers;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final Clock clock;

  Certificates(
      CourseCatalog catalog,
      TrainingPolicy policy,
      Volunteers volunteers,
      AuditTrail audit,
      MessageSource messages,
      Clock clock) {
    this.catalog = catalog;
    this.policy = policy;
    this.volunteers = volunteers;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  /** A printed certificate: its title (for the file name) and the PDF. */
  public record Printed(String title, byte[] pdf) {}

  /** Whether the actor may print this participant's certificate. */
  public boolean mayPrint(CourseView course, ParticipantView p, Actor actor) {
    return mayPrint(course, p, actor, ownedBy(actor));
  }

  /** As above, with the actor's ownership test already made ({@link #ownedBy}). */
  public boolean mayPrint(
      CourseView course,
      ParticipantView p,
      Actor actor,
      java.util.function.Predicate<ParticipantView> own) {
    return p.status() == ParticipantStatus.COMPLETED
        && (policy.mayManage(actor, course.regionPath()) || own.test(p));
  }

  /** The actor's own participation: its staff row, or the row of the volunteer linked to it. */
  public boolean isOwn(ParticipantView p, Actor actor) {
    return ownedBy(actor).test(p);
  }

  /**
   * The test "is this participant the actor?", with the actor's volunteer looked up once: a course
   * page asks it of every participant.
   */
  public java.util.function.Predicate<ParticipantView> ownedBy(Actor actor) {
    if (actor.userId() == null) {
      return p -> false;
    }
    java.util.Optional<org.huhang.volunteer.VolunteerId> own =
        volunteers.forUser(actor.userId()).map(org.huhang.volunteer.VolunteerSummary::id);
    return p ->
        p.staff()
            ? actor.userId().equals(p.userId())
            : own.isPresent() && own.get().equals(p.volunteerId());
  }

  @Transactional
  public Printed certificate(CourseId id, UUID participantId, Actor actor) {
    CourseView course = catalog.get(id, actor);
    ParticipantView p =
        catalog.participants(id.value(), course.modules()).stream()
            .filter(x -> x.id().equals(participantId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("participant"));
    if (!policy.mayManage(actor, course.regionPath()) && !isOwn(p, actor)) {
      throw new ForbiddenException("not this participant");
    }
    if (p.status() != ParticipantStatus.COMPLETED) {
      throw new NotFoundException("certificate");
    }
    String title = zh("certificate.title");
    String dates =
        course.startsOn().equals(course.endsOn())
            ? day(course.startsOn())
            : zh("certificate.dates", day(course.startsOn()), day(course.endsOn()));
    List<String> kinds =
        course.modules().stream()
            .map(m -> m.kind())
            .distinct()
            .sorted()
            .map((ModuleKind k) -> zh("module.kind." + k.name()))
            .toList();
    byte[] pdf =
        FormPdf.start(course.organiser(), title, zh("certificate.reference", reference(id, p)))
            .paragraph(
                zh(
                    "certificate.statement",
                    p.name(),
                    dates,
                    course.title(),
                    hours(p.attendedHours())))
            .fields(
                List.of(
                    new Field(zh("certificate.name"), p.name()),
                    new Field(zh("certificate.course"), course.title()),
                    new Field(zh("certificate.dates.label"), dates),
                    new Field(zh("certificate.place"), course.place()),
                    new Field(zh("certificate.modules"), String.join("、", kinds)),
                    new Field(
                        zh("certificate.hours"),
                        zh("certificate.hours.value", hours(p.attendedHours()))),
                    new Field(zh("certificate.completedOn"), day(p.completedOn()))))
            .closing(zh("certificate.issuer", course.organiser()))
            .closing(zh("certificate.issuedOn", day(p.completedOn())))
            .finish();
    audit.recordWrite(
        "training.certificate.print", "training-participant", participantId.toString());
    return new Printed(title + "-" + p.name(), pdf);
  }

  static String reference(CourseId id, ParticipantView p) {
    return id.toString().substring(0, 4).toUpperCase(Locale.ROOT)
        + "-"
        + p.id().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  private static String hours(BigDecimal h) {
    return h.stripTrailingZeros().toPlainString();
  }

  private static String day(LocalDate d) {
    return d == null ? "" : d.format(DAY);
  }

  private String zh(String key, Object... args) {
    return messages.getMessage(key, args, ZH);
  }
}

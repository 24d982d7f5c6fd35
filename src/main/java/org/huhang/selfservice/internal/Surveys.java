package org.huhang.selfservice.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseIntake;
import org.huhang.selfservice.AnsweredQuestionnaire;
import org.huhang.selfservice.AnsweredQuestionnaire.Item;
import org.huhang.selfservice.BookingStatus;
import org.huhang.selfservice.Question;
import org.huhang.selfservice.QuestionnaireKind;
import org.huhang.selfservice.QuestionnaireView;
import org.huhang.shared.Actor;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.LegalTime;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.text.ControlCharacters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * A family's answers: the questionnaire before its first session (its own booking, while the day is
 * ahead) and the satisfaction survey it is invited to after a session or at closing (its own
 * booking, or the link of the invitation's text message). Both are sealed like session notes; the
 * survey's mean scale answer is kept beside them, in clear, for the figures.
 *
 * <p>Who reads them: the questionnaire before, those who see the booking at the desk (its center's
 * manager, the case's team); the survey, the case's team only. The figures never name anyone.
 */
@Component
public class Surveys {

  /** How long a survey invitation stays open. */
  public static final Duration INVITATION_OPEN = Duration.ofDays(30);

  public static final int ANSWER_MAX = 1000;

  private final BookingRepository bookings;
  private final BookingDesk desk;
  private final Questionnaires questionnaires;
  private final CaseIntake cases;
  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;
  private final AuditTrail audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Surveys(
      BookingRepository bookings,
      BookingDesk desk,
      Questionnaires questionnaires,
      CaseIntake cases,
      JdbcClient jdbc,
      PersonalDataProtector protector,
      AuditTrail audit,
      Clock clock) {
    this.bookings = bookings;
    this.desk = desk;
    this.questionnaires = questionnaires;
    this.cases = cases;
    this.jdbc = jdbc;
    this.protector = protector;
    this.audit = audit;
    this.clock = clock;
  }

  /** What a family's booking page offers: the questionnaire before, the survey after. */
  public record Offer(
      String beforeTitle, boolean beforeAnswered, boolean surveyOpen, boolean surveyAnswered) {

    public static final Offer NONE = new Offer(null, false, false, false);
  }

  /** What the person may answer for its own booking, and what it has answered. */
  @Transactional(readOnly = true)
  public Offer offer(UUID bookingId, FamilyPhone phone) {
    Booking b = desk.ownBooking(bookingId, phone);
    boolean beforeAnswered = answeredAt(bookingId, QuestionnaireKind.BEFORE).isPresent();
    String beforeTitle = null;
    if (beforeAnswered || beforeOpen(b)) {
      QuestionnaireView before = questionnaires.of(b.centerId(), QuestionnaireKind.BEFORE);
      beforeTitle = before.asks() || beforeAnswered ? before.title() : null;
    }
    Optional<Invitation> invitation = invitation(bookingId);
    return new Offer(
        beforeTitle,
        beforeAnswered,
        invitation.map(i -> i.openAt(clock.instant())).orElse(false),
        invitation.map(i -> i.answeredAt() != null).orElse(false));
  }

  /** The questionnaire before the session, for the person's own booking while it may answer. */
  @Transactional(readOnly = true)
  public QuestionnaireView before(UUID bookingId, FamilyPhone phone) {
    Booking b = desk.ownBooking(bookingId, phone);
    if (!beforeOpen(b)) {
      throw ConflictException.of(null, "questionnaire.closed");
    }
    if (answeredAt(bookingId, QuestionnaireKind.BEFORE).isPresent()) {
      throw ConflictException.of(null, "questionnaire.answered");
    }
    QuestionnaireView q = questionnaires.of(b.centerId(), QuestionnaireKind.BEFORE);
    if (!q.asks()) {
      throw new NotFoundException("questionnaire");
    }
    return q;
  }

  @Transactional
  public void answerBefore(UUID bookingId, FamilyPhone phone, MultiValueMap<String, String> form) {
    QuestionnaireView q = before(bookingId, phone);
    Booking b = desk.ownBooking(bookingId, phone);
    store(b, q, form);
  }

  /** The open survey of the person's own booking. */
  @Transactional(readOnly = true)
  public QuestionnaireView survey(UUID bookingId, FamilyPhone phone) {
    Booking b = desk.ownBooking(bookingId, phone);
    return openSurvey(b);
  }

  @Transactional
  public void answerSurvey(UUID bookingId, FamilyPhone phone, MultiValueMap<String, String> form) {
    Booking b = desk.ownBooking(bookingId, phone);
    store(b, openSurvey(b), form);
  }

  /** The booking a survey link's token stands for; an unknown token answers 404. */
  @Transactional(readOnly = true)
  public UUID bookingOfToken(String token) {
    if (token == null || token.length() > 64 || !token.matches("[A-Za-z0-9_-]+")) {
      throw new NotFoundException("survey");
    }
    return jdbc.sql("select booking_id from selfservice.survey_invitation where token_hash = :h")
        .param("h", protector.lookupHash("survey:" + token))
        .query(UUID.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("survey"));
  }

  /** The survey a link opens (anyone holding the link: it shows no one's name). */
  @Transactional(readOnly = true)
  public QuestionnaireView surveyByToken(String token) {
    return openSurvey(load(bookingOfToken(token)));
  }

  @Transactional
  public void answerByToken(String token, MultiValueMap<String, String> form) {
    Booking b = load(bookingOfToken(token));
    store(b, openSurvey(b), form);
  }

  /** What the answers would refuse, each naming its question ({@code q0}, {@code q1}, …). */
  public List<FieldProblem> problems(List<Question> questions, MultiValueMap<String, String> form) {
    List<FieldProblem> problems = new ArrayList<>();
    read(questions, form, problems);
    return problems;
  }

  /**
   * A booking's answers at the desk: {@code readsSurvey}, the actor is on the case's team; {@code
   * surveyHidden}, the survey was answered but the actor may not read it (it is told only that).
   */
  public record DeskAnswers(
      List<AnsweredQuestionnaire> answers, boolean readsSurvey, boolean surveyHidden) {}

  /**
   * The answers of a booking the actor sees at the desk: the questionnaire before for everyone who
   * sees the booking, the survey only for the case's team. Each read is audited.
   */
  @Transactional
  public DeskAnswers forDesk(UUID bookingId, Actor actor) {
    Booking b = desk.visible(bookingId, actor);
    boolean team = b.caseId() != null && cases.onTeamOf(actor).contains(b.caseId());
    List<AnsweredQuestionnaire> out = new ArrayList<>();
    for (QuestionnaireKind kind : QuestionnaireKind.values()) {
      if (kind == QuestionnaireKind.AFTER && !team) {
        continue;
      }
      jdbc.sql(
              """
              select answers_cipher, satisfaction, answered_at from selfservice.answer
               where booking_id = :b and kind = :k and answers_cipher is not null""")
          .param("b", bookingId)
          .param("k", kind.name())
          .query(
              (rs, n) ->
                  QuestionnaireJson.answered(
                      kind,
                      protector.decrypt(rs.getBytes("answers_cipher")),
                      rs.getBigDecimal("satisfaction"),
                      rs.getTimestamp("answered_at").toInstant()))
          .optional()
          .ifPresent(out::add);
    }
    if (!out.isEmpty()) {
      audit.recordSensitiveRead("booking-answers", bookingId.toString());
    }
    boolean hidden = !team && answeredAt(bookingId, QuestionnaireKind.AFTER).isPresent();
    return new DeskAnswers(out, team, hidden);
  }

  // ---- invitations ----

  /** An invitation's state. */
  record Invitation(Instant expiresAt, Instant answeredAt) {
    boolean openAt(Instant now) {
      return answeredAt == null && now.isBefore(expiresAt);
    }
  }

  Optional<Invitation> invitation(UUID bookingId) {
    return jdbc.sql(
            """
            select expires_at, answered_at from selfservice.survey_invitation
             where booking_id = :b""")
        .param("b", bookingId)
        .query(
            (rs, n) ->
                new Invitation(
                    rs.getTimestamp("expires_at").toInstant(),
                    rs.getTimestamp("answered_at") == null
                        ? null
                        : rs.getTimestamp("answered_at").toInstant()))
        .optional();
  }

  /**
   * Invites the person of an accepted booking to the survey: the invitation and its link's token
   * (only its keyed hash is kept). Empty when it was invited already.
   */
  Optional<String> invite(UUID bookingId, UUID centerId, String regionPath) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    int written =
        jdbc.sql(
                """
                insert into selfservice.survey_invitation
                       (booking_id, token_hash, center_id, region_path, invited_at, expires_at)
                values (:b, :h, :c, :p, :at, :until)
                on conflict (booking_id) do nothing""")
            .param("b", bookingId)
            .param("h", protector.lookupHash("survey:" + token))
            .param("c", centerId)
            .param("p", regionPath)
            .param("at", Timestamp.from(now))
            .param("until", Timestamp.from(now.plus(INVITATION_OPEN)))
            .update();
    return written == 0 ? Optional.empty() : Optional.of(token);
  }

  // ---- inside ----

  private Booking load(UUID id) {
    return bookings.findById(id).orElseThrow(() -> new NotFoundException("survey"));
  }

  private boolean beforeOpen(Booking b) {
    LocalDate today = LocalDate.now(clock.withZone(LegalTime.ZONE));
    return (b.status() == BookingStatus.REQUESTED || b.status() == BookingStatus.ACCEPTED)
        && !b.slot().date().isBefore(today);
  }

  private QuestionnaireView openSurvey(Booking b) {
    Invitation i = invitation(b.id()).orElseThrow(() -> new NotFoundException("survey"));
    if (i.answeredAt() != null) {
      throw ConflictException.of(null, "survey.answered");
    }
    if (!i.openAt(clock.instant())) {
      throw ConflictException.of(null, "survey.expired");
    }
    QuestionnaireView q = questionnaires.of(b.centerId(), QuestionnaireKind.AFTER);
    if (!q.asks()) {
      throw new NotFoundException("survey");
    }
    return q;
  }

  private Optional<Instant> answeredAt(UUID bookingId, QuestionnaireKind kind) {
    return jdbc.sql(
            "select answered_at from selfservice.answer where booking_id = :b and kind = :k")
        .param("b", bookingId)
        .param("k", kind.name())
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant);
  }

  /** Seals and stores the answers; a second answer (two taps at once) is refused, not kept. */
  private void store(Booking b, QuestionnaireView q, MultiValueMap<String, String> form) {
    List<FieldProblem> problems = new ArrayList<>();
    List<Item> items = read(q.questions(), form, problems);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    BigDecimal satisfaction = null;
    if (q.kind() == QuestionnaireKind.AFTER) {
      List<Integer> scales = items.stream().map(Item::scale).filter(s -> s != null).toList();
      if (!scales.isEmpty()) {
        satisfaction =
            BigDecimal.valueOf(scales.stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(scales.size()), 2, RoundingMode.HALF_UP);
      }
    }
    Instant now = clock.instant();
    int written =
        jdbc.sql(
                """
                insert into selfservice.answer
                       (id, booking_id, kind, center_id, region_path, answers_cipher, satisfaction,
                        answered_at)
                values (:id, :b, :k, :c, :p, :cipher, :s, :at)
                on conflict (booking_id, kind) do nothing""")
            .param("id", UUID.randomUUID())
            .param("b", b.id())
            .param("k", q.kind().name())
            .param("c", b.centerId())
            .param("p", b.regionPath())
            .param("cipher", protector.encrypt(QuestionnaireJson.answers(q.title(), items)))
            .param("s", satisfaction)
            .param("at", Timestamp.from(now))
            .update();
    if (written == 0) {
      throw ConflictException.of(
          null, q.kind() == QuestionnaireKind.AFTER ? "survey.answered" : "questionnaire.answered");
    }
    if (q.kind() == QuestionnaireKind.AFTER) {
      jdbc.sql(
              """
              update selfservice.survey_invitation set answered_at = :at
               where booking_id = :b and answered_at is null""")
          .param("at", Timestamp.from(now))
          .param("b", b.id())
          .update();
    }
    audit.recordWrite(
        "answer." + q.kind().name().toLowerCase(java.util.Locale.ROOT),
        "booking",
        b.id().toString());
  }

  private static List<Item> read(
      List<Question> questions, MultiValueMap<String, String> form, List<FieldProblem> problems) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      String field = "q" + i;
      List<String> values =
          form.getOrDefault(field, List.of()).stream()
              .filter(v -> v != null && !v.isBlank())
              .toList();
      Item item = new Item(q, null, List.of(), null);
      switch (q.type()) {
        case TEXT -> {
          String text = values.isEmpty() ? null : values.get(0).strip();
          if (text != null && text.length() > ANSWER_MAX) {
            problems.add(
                new FieldProblem(
                    field, "answer.text.size", new Object[] {String.valueOf(ANSWER_MAX)}));
          } else if (ControlCharacters.present(text)) {
            problems.add(new FieldProblem(field, "error.controlCharacter", new Object[0]));
          } else {
            item = new Item(q, text, List.of(), null);
          }
        }
        case SINGLE, MULTIPLE -> {
          List<String> chosen = new ArrayList<>();
          Set<Integer> seen = new HashSet<>();
          boolean bad = values.size() > 1 && q.type() == org.huhang.selfservice.QuestionType.SINGLE;
          for (String v : values) {
            Integer index = index(v, q.options().size());
            if (index == null || !seen.add(index)) {
              bad = true;
            } else {
              chosen.add(q.options().get(index));
            }
          }
          if (bad) {
            problems.add(new FieldProblem(field, "answer.choice.invalid", new Object[0]));
          } else {
            item = new Item(q, null, chosen, null);
          }
        }
        case SCALE -> {
          Integer scale = values.isEmpty() ? null : index(values.get(0), 6);
          if (!values.isEmpty() && (scale == null || scale < 1)) {
            problems.add(new FieldProblem(field, "answer.scale.invalid", new Object[0]));
          } else {
            item = new Item(q, null, List.of(), scale);
          }
        }
      }
      if (q.required()
          && !item.answered()
          && problems.stream().noneMatch(p -> p.field().equals(field))) {
        problems.add(new FieldProblem(field, "answer.required", new Object[0]));
      }
      items.add(item);
    }
    return items;
  }

  /** A number 0 ≤ n &lt; {@code bound} as sent, or null. */
  private static Integer index(String v, int bound) {
    if (v.length() > 3 || !v.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int n = Integer.parseInt(v);
    return n < bound ? n : null;
  }
}

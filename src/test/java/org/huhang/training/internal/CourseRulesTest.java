package org.huhang.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.training.AddModule;
import org.huhang.training.ModuleKind;
import org.huhang.training.ParticipantStatus;
import org.huhang.training.SaveCourse;
import org.junit.jupiter.api.Test;

class CourseRulesTest {

  static final LocalDate DAY = LocalDate.of(2023, 9, 26);

  static SaveCourse course(LocalDate from, LocalDate to, int capacity, String hours) {
    return new SaveCourse(
        "培训班", from, to, "滨州", "滨州市妇女联合会", null, capacity, new BigDecimal(hours), "371600");
  }

  static AddModule module(
      ModuleKind kind, LocalDate day, String hours, String host, String trainer) {
    return new AddModule(
        kind,
        day,
        LocalTime.of(9, 0),
        LocalTime.of(12, 0),
        new BigDecimal(hours),
        "课",
        host,
        trainer,
        trainer == null ? null : "主题",
        null);
  }

  @Test
  void aSeatWhileThereIsOneThenTheWaitingList() {
    assertThat(CourseRules.seatFor(0, 2)).isEqualTo(ParticipantStatus.ENROLLED);
    assertThat(CourseRules.seatFor(1, 2)).isEqualTo(ParticipantStatus.ENROLLED);
    assertThat(CourseRules.seatFor(2, 2)).isEqualTo(ParticipantStatus.WAITING);
  }

  @Test
  void asManyMoveUpAsSeatsAreFreeAndNoMoreThanWait() {
    assertThat(CourseRules.movingUp(1, 2, 3)).isEqualTo(1);
    assertThat(CourseRules.movingUp(0, 5, 2)).isEqualTo(2);
    assertThat(CourseRules.movingUp(3, 2, 4)).isZero();
  }

  @Test
  void completionAtTheRuleHoursForASeatedParticipantOnly() {
    BigDecimal rule = new BigDecimal("9");
    assertThat(CourseRules.completes(ParticipantStatus.ENROLLED, new BigDecimal("8.5"), rule))
        .isFalse();
    assertThat(CourseRules.completes(ParticipantStatus.ENROLLED, new BigDecimal("9.0"), rule))
        .isTrue();
    assertThat(CourseRules.completes(ParticipantStatus.WAITING, new BigDecimal("12"), rule))
        .isFalse();
  }

  @Test
  void aCourseEndsAfterItStartsWithinTwoWeeksAndKeepsItsSeatsTaken() {
    assertThat(CourseRules.courseProblems(course(DAY, DAY.plusDays(1), 60, "9"), DAY, 0)).isEmpty();
    assertThat(CourseRules.courseProblems(course(DAY, DAY.minusDays(1), 60, "9"), DAY, 0))
        .extracting(FieldProblem::messageKey)
        .containsExactly("course.endsOn.beforeStart");
    assertThat(CourseRules.courseProblems(course(DAY, DAY.plusDays(20), 60, "9"), DAY, 0))
        .extracting(FieldProblem::messageKey)
        .containsExactly("course.endsOn.tooLong");
    assertThat(CourseRules.courseProblems(course(DAY, DAY, 3, "9.25"), DAY, 5))
        .extracting(FieldProblem::messageKey)
        .containsExactly("course.capacity.belowEnrolled", "course.requiredHours.range");
  }

  @Test
  void eachKindOfModuleNeedsWhatItIsAbout() {
    assertThat(
            CourseRules.moduleProblems(
                module(ModuleKind.FIELD_VISIT, DAY, "3", null, null), DAY, DAY))
        .extracting(FieldProblem::field)
        .containsExactly("hostCenter");
    assertThat(
            CourseRules.moduleProblems(
                module(ModuleKind.EXPERT_LECTURE, DAY, "3", null, "高文静"), DAY, DAY))
        .isEmpty();
    assertThat(
            CourseRules.moduleProblems(
                module(ModuleKind.EXPERIENCE_EXCHANGE, DAY.plusDays(2), "4", null, null), DAY, DAY))
        .extracting(FieldProblem::field)
        .containsExactly("day", "hours", "groups");
  }
}

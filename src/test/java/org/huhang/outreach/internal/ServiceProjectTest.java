package org.huhang.outreach.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.outreach.HonourLevel;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.junit.jupiter.api.Test;

/** A service project's start and its honours, and what each refuses, without Spring. */
class ServiceProjectTest {

  static final LocalDate TODAY = LocalDate.of(2023, 9, 30);

  static ServiceProject zouping() {
    return ServiceProject.start(
        " 为爱护航 遇见幸福 ",
        UUID.randomUUID(),
        "/370000/371600/371681/",
        LocalDate.of(2021, 3, 1),
        null,
        "",
        TODAY);
  }

  static List<String> refused(Runnable move) {
    try {
      move.run();
    } catch (DomainException e) {
      return e.problems().stream().map(FieldProblem::field).toList();
    }
    throw new AssertionError("the move was not refused");
  }

  @Test
  void aProjectStartsWithItsNameStrippedAndNoHonours() {
    ServiceProject p = zouping();
    assertThat(p.name()).isEqualTo("为爱护航 遇见幸福");
    assertThat(p.description()).isNull();
    assertThat(p.honours()).isEmpty();
    assertThat(p.isNew()).isTrue();
  }

  @Test
  void startingRefusesEveryProblemAtOnce() {
    assertThat(
            refused(
                () ->
                    ServiceProject.start(
                        "名".repeat(101),
                        null,
                        "/370000/371600/",
                        LocalDate.of(2021, 3, 1),
                        LocalDate.of(2021, 2, 1),
                        "a\u0000",
                        TODAY)))
        .containsExactly("name", "centerId", "endedOn", "description");
    assertThat(
            refused(
                () ->
                    ServiceProject.start(
                        "x",
                        UUID.randomUUID(),
                        "/370000/371600/",
                        LocalDate.of(2999, 1, 1),
                        null,
                        null,
                        TODAY)))
        .containsExactly("startedOn");
    assertThat(
            refused(
                () ->
                    ServiceProject.start(
                        "x",
                        UUID.randomUUID(),
                        "/370000/371600/",
                        LocalDate.of(1899, 1, 1),
                        null,
                        null,
                        TODAY)))
        .containsExactly("startedOn");
  }

  @Test
  void anHonourIsRecordedOnceOnAPastDayAfterTheStart() {
    ServiceProject p = zouping();
    p.award("山东省志愿服务项目大赛金奖", HonourLevel.PROVINCIAL, LocalDate.of(2022, 12, 5), TODAY);
    assertThat(p.honours())
        .containsExactly(
            new StoredHonour("山东省志愿服务项目大赛金奖", HonourLevel.PROVINCIAL, LocalDate.of(2022, 12, 5)));
    assertThat(
            refused(
                () ->
                    p.award(
                        "山东省志愿服务项目大赛金奖", HonourLevel.PROVINCIAL, LocalDate.of(2023, 1, 5), TODAY)))
        .containsExactly("award");
    assertThat(refused(() -> p.award("市级奖", HonourLevel.CITY, TODAY.plusDays(1), TODAY)))
        .containsExactly("awardedOn");
    assertThat(refused(() -> p.award("市级奖", HonourLevel.CITY, LocalDate.of(2020, 1, 1), TODAY)))
        .containsExactly("awardedOn");
    assertThatThrownBy(() -> p.award(" ", null, null, TODAY))
        .isInstanceOfSatisfying(
            DomainException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("award", "level", "awardedOn"));
    assertThat(p.honours()).hasSize(1);
  }
}

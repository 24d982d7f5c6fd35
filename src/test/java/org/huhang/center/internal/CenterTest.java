package org.huhang.center.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.UUID;
import org.huhang.center.CenterKind;
import org.huhang.center.CenterStatus;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The center's moves and what each refuses, without Spring or a database. */
class CenterTest {

  static Center room() {
    return Center.open(
        CenterKind.ROOM,
        "“天仙配”婚姻辅导室",
        "371625104201",
        "/370000/371600/371625/371625104/371625104201/",
        "博兴县吕艺镇贺家村党群服务中心",
        "0543 2371299",
        "每周二、周五上午",
        2);
  }

  static Center stored(CenterStatus status, UUID managerId) {
    return new Center(
        UUID.randomUUID(),
        CenterKind.CENTER,
        "无棣县婚姻家庭辅导中心",
        "371623",
        "/370000/371600/371623/",
        "无棣县棣丰街道海丰十二路婚姻登记中心",
        "0543-6781205",
        "周一至周五",
        12,
        managerId,
        status,
        Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2024-01-01T00:00:00Z"));
  }

  static DomainException refusal(Runnable move) {
    try {
      move.run();
    } catch (DomainException e) {
      return e;
    }
    throw new AssertionError("the move was not refused");
  }

  @Test
  void openingGivesAnOpenNewCenterWithoutManagerAndThePhoneInNormalForm() {
    Center center = room();

    assertThat(center.isNew()).isTrue();
    assertThat(center.getId()).isNotNull();
    assertThat(center.status()).isEqualTo(CenterStatus.OPEN);
    assertThat(center.managerId()).isNull();
    assertThat(center.regionCode()).isEqualTo("371625104201");
    assertThat(center.regionPath()).isEqualTo("/370000/371600/371625/371625104/371625104201/");
    assertThat(center.phone()).isEqualTo("0543-2371299");
    assertThat(center.capacity()).isEqualTo(2);
  }

  @Test
  void openingWithoutAPhoneKeepsNone() {
    Center center =
        Center.open(CenterKind.ROOM, "甲", "371623", "/370000/371600/371623/", "地址", "  ", null, 0);

    assertThat(center.phone()).isNull();
  }

  @Test
  void openingRefusesEveryBadFieldAtOnce() {
    DomainException e =
        refusal(
            () ->
                Center.open(
                    null,
                    " ",
                    "371623",
                    "/370000/371600/371623/",
                    "",
                    "12345",
                    "x".repeat(201),
                    1001));

    assertThat(e.problems())
        .extracting(FieldProblem::field, FieldProblem::messageKey)
        .containsExactly(
            tuple("kind", "center.kind.required"),
            tuple("name", "center.name.required"),
            tuple("address", "center.address.required"),
            tuple("phone", "phone.FORMAT"),
            tuple("openingHours", "center.openingHours.size"),
            tuple("capacity", "center.capacity.range"));
  }

  @Test
  void openingRefusesOverlongNameAddressAndPhone() {
    DomainException e =
        refusal(
            () ->
                Center.open(
                    CenterKind.ROOM,
                    "名".repeat(101),
                    "371623",
                    "/370000/371600/371623/",
                    "址".repeat(201),
                    "0".repeat(31),
                    null,
                    1));

    assertThat(e.problems())
        .extracting(FieldProblem::messageKey)
        .containsExactly("center.name.size", "center.address.size", "center.phone.size");
  }

  @Test
  void openingRefusesAMissingCapacity() {
    DomainException e =
        refusal(
            () ->
                Center.open(
                    CenterKind.ROOM,
                    "甲",
                    "371623",
                    "/370000/371600/371623/",
                    "地址",
                    null,
                    null,
                    null));

    assertThat(e.problems())
        .extracting(FieldProblem::messageKey)
        .containsExactly("center.capacity.required");
  }

  @ParameterizedTest(name = "capacity {0} is accepted")
  @ValueSource(ints = {0, 1, 1000})
  void theCapacityRunsFromZeroToAThousand(int capacity) {
    Center center = stored(CenterStatus.OPEN, null);

    center.describe(CenterKind.CENTER, "中心", "地址", null, null, capacity);

    assertThat(center.capacity()).isEqualTo(capacity);
  }

  @ParameterizedTest(name = "capacity {0} is refused")
  @ValueSource(ints = {-1, 1001})
  void describingRefusesACapacityOutOfRangeAndChangesNothing(int capacity) {
    Center center = stored(CenterStatus.OPEN, null);

    DomainException e =
        refusal(() -> center.describe(CenterKind.ROOM, "新名称", "新地址", null, null, capacity));

    assertThat(e.problems())
        .extracting(FieldProblem::field, FieldProblem::messageKey)
        .containsExactly(tuple("capacity", "center.capacity.range"));
    assertThat(center.name()).isEqualTo("无棣县婚姻家庭辅导中心");
    assertThat(center.kind()).isEqualTo(CenterKind.CENTER);
    assertThat(center.capacity()).isEqualTo(12);
  }

  @Test
  void describingChangesWhatTheCenterIsAndOffersButNotItsRegion() {
    Center center = stored(CenterStatus.OPEN, null);

    center.describe(CenterKind.ROOM, " 无棣县辅导室 ", "无棣县新址", "13912345678", "周一至周六", 15);

    assertThat(center.kind()).isEqualTo(CenterKind.ROOM);
    assertThat(center.name()).isEqualTo("无棣县辅导室");
    assertThat(center.address()).isEqualTo("无棣县新址");
    assertThat(center.phone()).isEqualTo("13912345678");
    assertThat(center.openingHours()).isEqualTo("周一至周六");
    assertThat(center.capacity()).isEqualTo(15);
    assertThat(center.regionCode()).isEqualTo("371623");
    assertThat(center.isNew()).isFalse();
  }

  @Test
  void appointingGivesTheCenterItsManagerAndRelievingTakesItAway() {
    Center center = stored(CenterStatus.OPEN, null);
    UUID manager = UUID.randomUUID();

    center.appointManager(manager);
    assertThat(center.managerId()).isEqualTo(manager);

    UUID successor = UUID.randomUUID();
    center.appointManager(successor);
    assertThat(center.managerId()).isEqualTo(successor);

    center.relieveManager();
    assertThat(center.managerId()).isNull();
  }

  @Test
  void appointingNobodyIsAProgrammingError() {
    Center center = stored(CenterStatus.OPEN, null);

    assertThatThrownBy(() -> center.appointManager(null)).isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest(name = "a {0} center closes")
  @EnumSource(
      value = CenterStatus.class,
      names = {"OPEN", "SUSPENDED"})
  void closingStopsSessions(CenterStatus from) {
    Center center = stored(from, null);

    center.close();

    assertThat(center.status()).isEqualTo(CenterStatus.CLOSED);
  }

  @Test
  void closingAClosedCenterIsRefused() {
    Center center = stored(CenterStatus.CLOSED, null);

    DomainException e = refusal(center::close);

    assertThat(e.problems())
        .extracting(FieldProblem::field, FieldProblem::messageKey)
        .containsExactly(tuple("status", "center.status.alreadyClosed"));
  }

  @ParameterizedTest(name = "a {0} center is suspended")
  @EnumSource(
      value = CenterStatus.class,
      names = {"OPEN", "CLOSED"})
  void suspendingPausesSessions(CenterStatus from) {
    Center center = stored(from, null);

    center.suspend();

    assertThat(center.status()).isEqualTo(CenterStatus.SUSPENDED);
  }

  @Test
  void suspendingASuspendedCenterIsRefused() {
    Center center = stored(CenterStatus.SUSPENDED, null);

    DomainException e = refusal(center::suspend);

    assertThat(e.problems())
        .extracting(FieldProblem::messageKey)
        .containsExactly("center.status.alreadySuspended");
  }

  @ParameterizedTest(name = "a {0} center reopens")
  @EnumSource(
      value = CenterStatus.class,
      names = {"SUSPENDED", "CLOSED"})
  void reopeningTakesSessionsAgain(CenterStatus from) {
    Center center = stored(from, null);

    center.reopen();

    assertThat(center.status()).isEqualTo(CenterStatus.OPEN);
  }

  @Test
  void reopeningAnOpenCenterIsRefused() {
    Center center = stored(CenterStatus.OPEN, null);

    DomainException e = refusal(center::reopen);

    assertThat(e.problems())
        .extracting(FieldProblem::messageKey)
        .containsExactly("center.status.alreadyOpen");
  }

  @ParameterizedTest(name = "the form moves a center from {0} to every status")
  @EnumSource(CenterStatus.class)
  void theStatusOfAFormIsReachedFromAnyStatus(CenterStatus from) {
    for (CenterStatus target : CenterStatus.values()) {
      Center center = stored(from, null);

      center.changeStatus(target);

      assertThat(center.status()).isEqualTo(target);
    }
  }

  @Test
  void stampingSetsTheCreationTimeOnceAndTheUpdateTimeEachWrite() {
    Center center = room();
    Instant first = Instant.parse("2025-03-01T08:00:00Z");
    Instant second = Instant.parse("2025-03-02T08:00:00Z");

    center.stamp(first);
    center.stamp(second);

    assertThat(center.createdAt()).isEqualTo(first);
    assertThat(center.updatedAt()).isEqualTo(second);
  }
}

package org.huhang.outreach.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.huhang.outreach.OutreachType;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.junit.jupiter.api.Test;

/** The outreach event's moves and what each refuses, without Spring or a database. */
class OutreachEventTest {

  static final LocalDate TODAY = LocalDate.of(2023, 9, 30);

  static OutreachEvent.Details details() {
    return new OutreachEvent.Details(
        OutreachType.PREMARITAL_EDUCATION,
        "  无棣县新婚夫妇婚前辅导课堂 ",
        LocalDate.of(2023, 9, 26),
        LocalTime.of(9, 0),
        "无棣县婚姻登记中心婚前辅导室",
        Arrays.asList(" 李红梅（心理咨询师） ", "", null, "张建华（律师）"),
        "登记结婚的新人",
        48,
        " ");
  }

  static OutreachEvent recorded() {
    return OutreachEvent.record(
        details(), "371623", "/370000/371600/371623/", null, "admin-371623", TODAY);
  }

  static List<String> fieldsRefused(OutreachEvent.Details d) {
    try {
      recorded().revise(d, TODAY);
    } catch (DomainException e) {
      return e.problems().stream().map(FieldProblem::field).toList();
    }
    throw new AssertionError("the move was not refused");
  }

  @Test
  void recordingKeepsTheDetailsStrippedWithoutBlankSpeakersOrSummary() {
    OutreachEvent event = recorded();
    assertThat(event.isNew()).isTrue();
    assertThat(event.title()).isEqualTo("无棣县新婚夫妇婚前辅导课堂");
    assertThat(event.speakers()).containsExactly("李红梅（心理咨询师）", "张建华（律师）");
    assertThat(event.summary()).isNull();
    assertThat(event.regionPath()).isEqualTo("/370000/371600/371623/");
    assertThat(event.createdBy()).isEqualTo("admin-371623");
  }

  @Test
  void everyMissingFieldIsRefusedAtOnceAndNothingChanges() {
    OutreachEvent event = recorded();
    OutreachEvent.Details empty =
        new OutreachEvent.Details(null, " ", null, null, "", List.of(), null, null, null);
    assertThatThrownBy(() -> event.revise(empty, TODAY))
        .isInstanceOfSatisfying(
            DomainException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("type", "title", "heldOn", "startsAt", "place", "attendance"));
    assertThat(event.title()).isEqualTo("无棣县新婚夫妇婚前辅导课堂");
  }

  @Test
  void overLongTextsAndControlCharactersAreRefusedByField() {
    OutreachEvent.Details d = details();
    assertThat(
            fieldsRefused(
                new OutreachEvent.Details(
                    d.type(),
                    "讲".repeat(101),
                    d.heldOn(),
                    d.startsAt(),
                    "地".repeat(100_000),
                    d.speakers(),
                    "a\u0000b",
                    d.attendance(),
                    "要".repeat(501))))
        .containsExactly("title", "place", "audience", "summary");
  }

  @Test
  void speakersAreAtMostTwentyOfFiftyCharactersEach() {
    OutreachEvent.Details d = details();
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add("志愿者" + i);
    }
    assertThat(fieldsRefused(withSpeakers(d, many))).containsExactly("speakers");
    assertThat(fieldsRefused(withSpeakers(d, List.of("名".repeat(51))))).containsExactly("speakers");
    assertThat(fieldsRefused(withSpeakers(d, List.of("王\u0000丽")))).containsExactly("speakers");
  }

  static OutreachEvent.Details withSpeakers(OutreachEvent.Details d, List<String> speakers) {
    return new OutreachEvent.Details(
        d.type(),
        d.title(),
        d.heldOn(),
        d.startsAt(),
        d.place(),
        speakers,
        d.audience(),
        d.attendance(),
        d.summary());
  }

  static OutreachEvent.Details on(LocalDate day, Integer attendance) {
    OutreachEvent.Details d = details();
    return new OutreachEvent.Details(
        d.type(),
        d.title(),
        day,
        d.startsAt(),
        d.place(),
        d.speakers(),
        d.audience(),
        attendance,
        d.summary());
  }

  @Test
  void aDayBefore1900OrMoreThanAYearAheadIsRefusedButNextMonthIsPlanned() {
    assertThat(fieldsRefused(on(LocalDate.of(1899, 12, 31), 10))).containsExactly("heldOn");
    assertThat(fieldsRefused(on(LocalDate.of(2202, 9, 26), 10))).containsExactly("heldOn");
    assertThat(fieldsRefused(on(TODAY.plusDays(367), 10))).containsExactly("heldOn");
    OutreachEvent event = recorded();
    event.revise(on(TODAY.plusMonths(1), 10), TODAY);
    assertThat(event.heldOn()).isEqualTo(LocalDate.of(2023, 10, 30));
  }

  @Test
  void attendanceIsBetweenZeroAndOneHundredThousand() {
    assertThat(fieldsRefused(on(TODAY, -1))).containsExactly("attendance");
    assertThat(fieldsRefused(on(TODAY, 100_001))).containsExactly("attendance");
    OutreachEvent event = recorded();
    event.revise(on(TODAY, 0), TODAY);
    assertThat(event.attendance()).isZero();
    event.revise(on(TODAY, 100_000), TODAY);
    assertThat(event.attendance()).isEqualTo(100_000);
  }

  @Test
  void anEventMovesToAnotherRegionAndChangesItsOrganiser() {
    OutreachEvent event = recorded();
    UUID center = UUID.randomUUID();
    event.moveTo("371623101", "/370000/371600/371623/371623101/");
    event.organisedBy(center);
    assertThat(event.regionCode()).isEqualTo("371623101");
    assertThat(event.centerId()).isEqualTo(center);
    event.organisedBy(null);
    assertThat(event.centerId()).isNull();
  }

  @Test
  void anEditReadAtAnOlderVersionIsNotReadAtTheCurrentOne() {
    OutreachEvent stored =
        new OutreachEvent(
            UUID.randomUUID(),
            3L,
            OutreachType.OTHER,
            "t",
            TODAY,
            LocalTime.NOON,
            "371623",
            "/370000/371600/371623/",
            "p",
            null,
            List.of(),
            null,
            1,
            null,
            "demo",
            null,
            null);
    assertThat(stored.readAt(3L)).isTrue();
    assertThat(stored.readAt(2L)).isFalse();
    assertThat(stored.isNew()).isFalse();
  }
}

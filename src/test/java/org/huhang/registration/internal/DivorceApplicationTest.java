package org.huhang.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.CoolingOffDates;
import org.huhang.registration.CounselingRequested;
import org.huhang.registration.Outcome;
import org.huhang.registration.Party;
import org.huhang.registration.RecordApplication;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.Role;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.person.ResidentIdNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The application's moves and refusals, without Spring. Received 2025-03-03: withdraw until
 * 2025-04-02, certificate from 2025-04-03 to 2025-05-06, deemed withdrawn on 2025-05-07.
 */
class DivorceApplicationTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  static final LocalDate RECEIVED = LocalDate.of(2025, 3, 3);
  static final Actor REGISTRAR =
      new Actor(null, "registrar", "x", Role.REGISTRAR, "371602", "滨城区", "/370000/371600/371602/");
  static final PersonalDataProtector PROTECTOR = new PersonalDataProtector(new byte[32]);
  static final CoolingOffClock CLOCK = CoolingOffClockTest.CLOCK;

  static final String HUSBAND = id("371602", "19800315", 991);
  static final String WIFE = id("371602", "19820701", 992);

  static String id(String county, String birth, int sequence) {
    String first17 = county + birth + sequence;
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  static Party husband() {
    return new Party("王强", Gender.MALE, LocalDate.of(1980, 3, 15), HUSBAND, "13805430001");
  }

  static Party wife() {
    return new Party("李娜", Gender.FEMALE, LocalDate.of(1982, 7, 1), WIFE, null);
  }

  static RecordApplication command(LocalDate received, boolean accepted) {
    return new RecordApplication(
        received, husband(), wife(), LocalDate.of(2015, 5, 20), 1, true, accepted);
  }

  static DivorceApplication recorded(LocalDate received, boolean accepted) {
    return DivorceApplication.record(
        command(received, accepted), REGISTRAR, TODAY, CLOCK, PROTECTOR);
  }

  static DivorceApplication recorded() {
    return recorded(RECEIVED, false);
  }

  /** Issue 9, point 8: an outcome is never recorded on a day still to come, nor before 1900. */
  @Test
  void anOutcomeOnADayStillToComeOrInYearZeroIsRefused() {
    LocalDate today = LocalDate.of(2025, 4, 10);
    refused(() -> recorded().issueCertificate(today.plusDays(1), today), "on", "date.future");
    LocalDate inTheWithdrawalPeriod = LocalDate.of(2025, 3, 20);
    refused(
        () -> recorded().withdraw(inTheWithdrawalPeriod.plusDays(1), "A", inTheWithdrawalPeriod),
        "on",
        "date.future");
    refused(
        () -> recorded().withdraw(LocalDate.of(0, 3, 10), "A", today),
        "on",
        "application.beforeReceipt");
  }

  static void refused(Runnable move, String field, String key) {
    assertThatThrownBy(move::run)
        .isInstanceOf(DomainException.class)
        .satisfies(
            e -> {
              FieldProblem p = ((DomainException) e).problems().get(0);
              assertThat(p.field()).isEqualTo(field);
              assertThat(p.messageKey()).isEqualTo(key);
            });
  }

  // ---- recording
  // ----------------------------------------------------------------------------------

  @Test
  void aRecordedApplicationIsPendingWithTheClocksDatesAndSealedParties() {
    DivorceApplication application = recorded();
    assertThat(application.isNew()).isTrue();
    assertThat(application.outcome()).isEqualTo(Outcome.PENDING);
    assertThat(application.dates()).isEqualTo(CLOCK.exact(RECEIVED));
    assertThat(application.dates().withdrawalDeadline()).isEqualTo(LocalDate.of(2025, 4, 2));
    assertThat(application.regionPath()).isEqualTo("/370000/371600/371602/");
    assertThat(application.partyA().idMasked()).isEqualTo("371602********" + HUSBAND.substring(14));
    assertThat(PROTECTOR.decrypt(application.partyA().idCipher())).isEqualTo(HUSBAND);
    assertThat(PROTECTOR.decrypt(application.partyA().phoneCipher())).isEqualTo("13805430001");
    assertThat(application.partyB().phoneCipher()).isNull();
    assertThat(application.isCaseOpened()).isFalse();
    assertThat(application.registeredEvents()).isEmpty();
  }

  @Test
  void theCoupleIsTheSameWhicheverPartyIsEnteredFirst() {
    DivorceApplication ab = recorded();
    DivorceApplication ba =
        DivorceApplication.record(
            new RecordApplication(
                RECEIVED, wife(), husband(), LocalDate.of(2015, 5, 20), 0, false, false),
            REGISTRAR,
            TODAY,
            CLOCK,
            PROTECTOR);
    assertThat(ba.pairHash()).isEqualTo(ab.pairHash());
  }

  @Test
  void acceptingCounselingRegistersCounselingRequested() {
    DivorceApplication application = recorded(RECEIVED, true);
    assertThat(application.registeredEvents())
        .containsExactly(
            new CounselingRequested(
                new ApplicationId(application.getId()),
                "/370000/371600/371602/",
                RECEIVED,
                LocalDate.of(2025, 4, 2)));
  }

  @Test
  void counselingAcceptedAfterTheApplicationRefersTheCoupleOnceAndIsFinal() {
    // Offered on the form, declined there.
    DivorceApplication application = recorded(RECEIVED, false);
    assertThat(application.registeredEvents()).isEmpty();
    assertThat(application.recordCounseling(false)).as("declined again: nothing changes").isFalse();
    assertThat(application.registeredEvents()).isEmpty();
    assertThat(application.recordCounseling(true)).isTrue();
    assertThat(application.counselingAccepted()).isTrue();
    assertThat(application.registeredEvents())
        .containsExactly(
            new CounselingRequested(
                new ApplicationId(application.getId()),
                "/370000/371600/371602/",
                RECEIVED,
                LocalDate.of(2025, 4, 2)));
    assertThatThrownBy(() -> application.recordCounseling(true))
        .isInstanceOfSatisfying(
            DomainException.class,
            e ->
                assertThat(e.problems().get(0).messageKey())
                    .isEqualTo("application.counseling.alreadyAccepted"));
  }

  @Test
  void aDateInAYearWithoutCalendarIsRecordedProvisional() {
    Map<LocalDate, DayKind> days = new HashMap<>(CoolingOffClockTest.CALENDAR.days());
    CoolingOffClock without2025 =
        new CoolingOffClock(new HolidayCalendar(days, Set.of(2021, 2022, 2023, 2024)));
    DivorceApplication application =
        DivorceApplication.record(
            command(RECEIVED, false), REGISTRAR, TODAY, without2025, PROTECTOR);
    assertThat(application.dates().withdrawalProvisional()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "missing receipt date, , receivedOn, application.receivedOn.required",
    "received tomorrow, 2026-06-02, receivedOn, application.receivedOn.future",
    "received before the Civil Code without its outcome, 2020-12-31, outcome, application.outcome.preCivilCode.required",
  })
  void theReceiptDateIsChecked(String why, LocalDate received, String field, String key) {
    refused(() -> recorded(received, false), field, key);
  }

  @Test
  void everyBrokenRuleIsNamedAtOnce() {
    RecordApplication broken =
        new RecordApplication(
            null,
            new Party(" ", Gender.FEMALE, LocalDate.of(1980, 3, 16), HUSBAND, "12"),
            null,
            LocalDate.of(2030, 1, 1),
            21,
            false,
            true);
    assertThat(DivorceApplication.check(broken, TODAY))
        .extracting(p -> p.field() + " " + p.messageKey())
        .contains(
            "receivedOn application.receivedOn.required",
            "partyA.name application.party.name",
            "partyA.gender person.gender.mismatch",
            "partyA.birthDate person.birthDate.mismatch",
            "partyB.name application.party.required",
            "minorChildren application.minorChildren.range",
            "counselingAccepted application.counseling.acceptedWithoutOffer")
        .anyMatch(p -> p.startsWith("partyA.phone "));
    assertThatThrownBy(() -> DivorceApplication.record(broken, REGISTRAR, TODAY, CLOCK, PROTECTOR))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void aMarriageDateIsRequired() {
    RecordApplication unmarried =
        new RecordApplication(RECEIVED, husband(), wife(), null, 0, false, false);
    refused(
        () -> DivorceApplication.record(unmarried, REGISTRAR, TODAY, CLOCK, PROTECTOR),
        "marriageDate",
        "application.marriageDate.required");
  }

  @Test
  void theTwoPartiesMustDiffer() {
    RecordApplication same =
        new RecordApplication(
            RECEIVED, husband(), husband(), LocalDate.of(2015, 5, 20), 0, false, false);
    assertThat(DivorceApplication.check(same, TODAY))
        .extracting(p -> p.field() + " " + p.messageKey())
        .contains("partyB.idNumber application.sameParty");
  }

  @Test
  void theMarriageComesBeforeTheApplication() {
    RecordApplication later =
        new RecordApplication(RECEIVED, husband(), wife(), RECEIVED.plusDays(1), 0, false, false);
    refused(
        () -> DivorceApplication.record(later, REGISTRAR, TODAY, CLOCK, PROTECTOR),
        "marriageDate",
        "application.marriageDate.afterReceipt");
  }

  // ---- withdraw
  // -----------------------------------------------------------------------------------

  @ParameterizedTest(name = "by {0} is kept as {1}")
  @CsvSource({"A, A", "b, B", "BOTH, BOTH", ", BOTH"})
  void onePartyAloneOrBothMayWithdrawOnTheDeadline(String by, String kept) {
    DivorceApplication application = recorded();
    application.withdraw(LocalDate.of(2025, 4, 2), by, TODAY);
    assertThat(application.outcome()).isEqualTo(Outcome.WITHDRAWN);
    assertThat(application.outcomeOn()).isEqualTo(LocalDate.of(2025, 4, 2));
    assertThat(application.withdrawnBy()).isEqualTo(kept);
  }

  @Test
  void aWithdrawalByNobodyKnownIsRefused() {
    DivorceApplication application = recorded();
    refused(
        () -> application.withdraw(LocalDate.of(2025, 3, 10), "C", TODAY),
        "by",
        "application.withdrawnBy.invalid");
    assertThat(application.outcome()).isEqualTo(Outcome.PENDING);
  }

  @Test
  void aWithdrawalNeedsItsDay() {
    refused(() -> recorded().withdraw(null, "A", TODAY), "on", "application.on.required");
  }

  @Test
  void aWithdrawalBeforeReceiptIsRefused() {
    refused(
        () -> recorded().withdraw(LocalDate.of(2025, 3, 2), "A", TODAY),
        "on",
        "application.beforeReceipt");
  }

  @Test
  void aWithdrawalAfterTheDeadlineIsRefused() {
    refused(
        () -> recorded().withdraw(LocalDate.of(2025, 4, 3), "A", TODAY),
        "on",
        "application.withdraw.late");
  }

  @Test
  void aWithdrawalAfterAProvisionalDeadlineWaitsForTheCalendar() {
    DivorceApplication application =
        DivorceApplication.record(
            command(LocalDate.of(2026, 5, 10), false),
            REGISTRAR,
            TODAY,
            new CoolingOffClock(
                new HolidayCalendar(Map.of(), Set.of(2021, 2022, 2023, 2024, 2025))),
            PROTECTOR);
    LocalDate deadline = application.dates().withdrawalDeadline();
    refused(
        () -> application.withdraw(deadline.plusDays(1), "A", TODAY),
        "on",
        "application.withdraw.provisional");
  }

  // ---- certificate
  // --------------------------------------------------------------------------------

  @Test
  void theCertificateIsIssuedInsideItsWindow() {
    DivorceApplication application = recorded();
    application.issueCertificate(LocalDate.of(2025, 5, 6), TODAY);
    assertThat(application.outcome()).isEqualTo(Outcome.DIVORCED);
    assertThat(application.outcomeOn()).isEqualTo(LocalDate.of(2025, 5, 6));
    assertThat(application.withdrawnBy()).isNull();
  }

  @Test
  void aCertificateNeedsItsDay() {
    refused(() -> recorded().issueCertificate(null, TODAY), "on", "application.on.required");
  }

  @Test
  void aCertificateBeforeTheWindowIsRefused() {
    refused(
        () -> recorded().issueCertificate(LocalDate.of(2025, 4, 2), TODAY),
        "on",
        "application.certificate.early");
  }

  @Test
  void aCertificateAfterTheWindowIsRefused() {
    refused(
        () -> recorded().issueCertificate(LocalDate.of(2025, 5, 7), TODAY),
        "on",
        "application.certificate.late");
  }

  @Test
  void aCertificateWaitsForTheCalendarWhileTheWindowIsProvisional() {
    CoolingOffClock without2026 = new CoolingOffClock(new HolidayCalendar(Map.of(), Set.of(2025)));
    DivorceApplication startUnknown =
        DivorceApplication.record(
            command(LocalDate.of(2025, 12, 20), false), REGISTRAR, TODAY, without2026, PROTECTOR);
    refused(
        () -> startUnknown.issueCertificate(startUnknown.dates().certificateFrom(), TODAY),
        "on",
        "application.certificate.provisionalStart");

    DivorceApplication endUnknown =
        DivorceApplication.record(
            command(LocalDate.of(2025, 11, 10), false), REGISTRAR, TODAY, without2026, PROTECTOR);
    assertThat(endUnknown.dates().withdrawalProvisional()).isFalse();
    refused(
        () ->
            endUnknown.issueCertificate(
                endUnknown.dates().certificateDeadline().plusDays(1), TODAY),
        "on",
        "application.certificate.provisionalEnd");
  }

  // ---- deemed withdrawn
  // ---------------------------------------------------------------------------

  @Test
  void anUnclaimedApplicationIsDeemedWithdrawnTheDayAfterTheCertificateDeadline() {
    DivorceApplication application = recorded();
    application.deemWithdrawn(LocalDate.of(2025, 5, 11));
    assertThat(application.outcome()).isEqualTo(Outcome.DEEMED_WITHDRAWN);
    assertThat(application.outcomeOn()).isEqualTo(LocalDate.of(2025, 5, 7));
  }

  @Test
  void itIsNotDeemedWithdrawnEarly() {
    refused(
        () -> recorded().deemWithdrawn(LocalDate.of(2025, 5, 6)), "on", "application.deem.early");
  }

  @Test
  void norWhileTheCertificateDeadlineIsProvisional() {
    DivorceApplication application =
        DivorceApplication.record(
            command(RECEIVED, false),
            REGISTRAR,
            TODAY,
            new CoolingOffClock(new HolidayCalendar(Map.of(), Set.of(2021, 2022, 2023, 2024))),
            PROTECTOR);
    refused(
        () -> application.deemWithdrawn(LocalDate.of(2026, 1, 1)), "on", "application.deem.early");
  }

  // ---- a closed application
  // -----------------------------------------------------------------------

  @Test
  void aClosedApplicationRefusesEveryFurtherOutcome() {
    List<Consumer<DivorceApplication>> closers =
        List.of(
            a -> a.withdraw(LocalDate.of(2025, 3, 10), "A", TODAY),
            a -> a.issueCertificate(LocalDate.of(2025, 4, 10), TODAY),
            a -> a.deemWithdrawn(LocalDate.of(2025, 5, 11)));
    for (Consumer<DivorceApplication> close : closers) {
      DivorceApplication application = recorded();
      close.accept(application);
      Outcome outcome = application.outcome();
      refused(
          () -> application.withdraw(LocalDate.of(2025, 3, 11), "B", TODAY),
          "on",
          "application.closed");
      refused(
          () -> application.issueCertificate(LocalDate.of(2025, 4, 11), TODAY),
          "on",
          "application.closed");
      refused(
          () -> application.deemWithdrawn(LocalDate.of(2025, 6, 1)), "on", "application.closed");
      assertThat(application.outcome()).isEqualTo(outcome);
    }
  }

  // ---- reschedule
  // ---------------------------------------------------------------------------------

  @Test
  void aCorrectedCalendarMovesTheDatesOfAnOpenApplication() {
    DivorceApplication application = recorded();
    CoolingOffDates before = application.dates();
    Map<LocalDate, DayKind> days = new HashMap<>(CoolingOffClockTest.CALENDAR.days());
    days.put(LocalDate.of(2025, 4, 2), DayKind.OFF); // a made-up day off on the deadline
    CoolingOffClock corrected =
        new CoolingOffClock(new HolidayCalendar(days, CoolingOffClockTest.CALENDAR.years()));

    assertThat(application.reschedule(corrected)).contains(before);
    assertThat(application.dates().withdrawalDeadline()).isEqualTo(LocalDate.of(2025, 4, 3));
    assertThat(application.reschedule(corrected)).as("nothing moves twice").isEmpty();
  }

  @Test
  void aClosedApplicationWithExactDatesKeepsThem() {
    DivorceApplication application = recorded();
    application.withdraw(LocalDate.of(2025, 3, 10), "A", TODAY);
    Map<LocalDate, DayKind> days = new HashMap<>(CoolingOffClockTest.CALENDAR.days());
    days.put(LocalDate.of(2025, 4, 2), DayKind.OFF);
    CoolingOffClock corrected =
        new CoolingOffClock(new HolidayCalendar(days, CoolingOffClockTest.CALENDAR.years()));
    assertThat(application.reschedule(corrected)).isEmpty();
    assertThat(application.dates().withdrawalDeadline()).isEqualTo(LocalDate.of(2025, 4, 2));
  }

  @Test
  void aClosedApplicationWithProvisionalDatesGetsExactOnes() {
    CoolingOffClock without2025 =
        new CoolingOffClock(new HolidayCalendar(Map.of(), Set.of(2021, 2022, 2023, 2024)));
    DivorceApplication application =
        DivorceApplication.record(
            command(RECEIVED, false), REGISTRAR, TODAY, without2025, PROTECTOR);
    application.withdraw(LocalDate.of(2025, 3, 10), "A", TODAY);
    assertThat(application.reschedule(CLOCK)).isPresent();
    assertThat(application.dates()).isEqualTo(CLOCK.exact(RECEIVED));
    assertThat(application.outcome()).isEqualTo(Outcome.WITHDRAWN);
  }

  // ---- case opened
  // --------------------------------------------------------------------------------

  @Test
  void theCaseOfAcceptedCounselingIsMarkedOnce() {
    DivorceApplication application = recorded(RECEIVED, true);
    assertThat(application.caseOpened()).isTrue();
    assertThat(application.isCaseOpened()).isTrue();
    assertThat(application.caseOpened()).as("the answer came twice").isFalse();
    assertThat(application.isCaseOpened()).isTrue();
  }

  @Test
  void noCaseOpensForCounselingNotAccepted() {
    DivorceApplication application = recorded(RECEIVED, false);
    refused(application::caseOpened, null, "application.counseling.notAccepted");
    assertThat(application.isCaseOpened()).isFalse();
  }
}

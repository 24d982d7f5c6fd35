package org.huhang.volunteer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.volunteer.AddQualification;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.HalfDay;
import org.huhang.volunteer.HoursKind;
import org.huhang.volunteer.LogHours;
import org.huhang.volunteer.RegisterVolunteer;
import org.huhang.volunteer.TestPeople;
import org.huhang.volunteer.VolunteerStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The volunteer aggregate's moves and each refusal, without Spring or a database. */
class VolunteerTest {

  static final LocalDate TODAY = LocalDate.of(2025, 6, 16);
  static final Instant NOW = Instant.parse("2025-06-16T02:00:00Z");
  static final Instant LATER = Instant.parse("2025-06-17T02:00:00Z");
  static final UUID CENTER = UUID.randomUUID();
  static final UUID OTHER_CENTER = UUID.randomUUID();
  static final String REGION = "/370000/371600/371623/";
  static final UUID ACCOUNT = UUID.randomUUID();

  final PersonalDataProtector protector = new PersonalDataProtector(new byte[32]);

  /** Circumstances as the registry would answer them; each test changes what it needs. */
  static final class Facts implements Volunteer.Circumstances {
    Set<String> activeSpecialities = Set.of("PARENTING", "CHILD_CUSTODY");
    Map<UUID, String> centers = new HashMap<>(Map.of(CENTER, REGION, OTHER_CENTER, REGION));
    Set<UUID> freeAccounts = Set.of(ACCOUNT);
    Map<String, UUID> registeredNumbers = new HashMap<>();
    Set<UUID> closedCenters = new java.util.HashSet<>();

    @Override
    public boolean centerClosed(UUID centerId) {
      return closedCenters.contains(centerId);
    }

    @Override
    public LocalDate today() {
      return TODAY;
    }

    @Override
    public Set<String> activeSpecialities() {
      return activeSpecialities;
    }

    @Override
    public Optional<String> placeableCenter(UUID centerId) {
      return Optional.ofNullable(centers.get(centerId));
    }

    @Override
    public boolean accountAvailable(UUID userId, UUID self) {
      return freeAccounts.contains(userId);
    }

    @Override
    public boolean idNumberHeldByAnother(String idNumber, UUID self) {
      UUID holder = registeredNumbers.get(idNumber);
      return holder != null && !holder.equals(self);
    }
  }

  final Facts facts = new Facts();

  static RegisterVolunteer details(String idNumber) {
    return new RegisterVolunteer(
        "欧阳慧敏",
        Gender.FEMALE,
        LocalDate.parse(TestPeople.birthDateOf(idNumber)),
        idNumber,
        "139 0543 1234",
        Background.PSYCHOLOGICAL_COUNSELOR,
        List.of("PARENTING"),
        "滨州话、普通话",
        List.of(HalfDay.MON_AM, HalfDay.SAT_PM),
        CENTER,
        VolunteerStatus.ACTIVE,
        LocalDate.of(2024, 3, 1),
        null);
  }

  static RegisterVolunteer with(RegisterVolunteer d, Consumer<Builder> change) {
    Builder b = new Builder(d);
    change.accept(b);
    return b.build();
  }

  /** Changes one field of the details at a time. */
  static final class Builder {
    String name;
    Gender gender;
    LocalDate birthDate;
    String idNumber;
    String phone;
    Background background;
    List<String> specialities;
    String dialects;
    List<HalfDay> availability;
    UUID centerId;
    VolunteerStatus status;
    LocalDate joinedOn;
    UUID userId;

    Builder(RegisterVolunteer d) {
      name = d.name();
      gender = d.gender();
      birthDate = d.birthDate();
      idNumber = d.idNumber();
      phone = d.phone();
      background = d.background();
      specialities = d.specialities();
      dialects = d.dialects();
      availability = d.availability();
      centerId = d.centerId();
      status = d.status();
      joinedOn = d.joinedOn();
      userId = d.userId();
    }

    RegisterVolunteer build() {
      return new RegisterVolunteer(
          name,
          gender,
          birthDate,
          idNumber,
          phone,
          background,
          specialities,
          dialects,
          availability,
          centerId,
          status,
          joinedOn,
          userId);
    }
  }

  Volunteer registered(String idNumber) {
    return Volunteer.register(details(idNumber), facts, protector, NOW);
  }

  static List<String> fields(DomainException e) {
    return e.problems().stream().map(FieldProblem::field).toList();
  }

  static List<String> keys(DomainException e) {
    return e.problems().stream().map(FieldProblem::messageKey).toList();
  }

  // ---- register ------------------------------------------------------------------------

  @Test
  void registeringSealsTheNumbersAndKeepsTheDetails() {
    String id = TestPeople.womanId("371623").toLowerCase();
    Volunteer v = registered(id);

    assertThat(v.isNew()).isTrue();
    assertThat(v.name()).isEqualTo("欧阳慧敏");
    assertThat(v.idNumberMasked())
        .isEqualTo(id.substring(0, 6).toUpperCase() + "********" + id.substring(14).toUpperCase());
    assertThat(v.phoneMasked()).isEqualTo("139****1234");
    assertThat(v.contact(protector).idNumber()).isEqualTo(id.toUpperCase());
    assertThat(v.contact(protector).phone()).isEqualTo("13905431234");
    assertThat(v.regionPath()).isEqualTo(REGION);
    assertThat(v.centerId()).isEqualTo(CENTER);
    assertThat(v.dialects()).containsExactly("滨州话", "普通话");
    assertThat(v.availability()).containsExactlyInAnyOrder(HalfDay.MON_AM, HalfDay.SAT_PM);
    assertThat(v.specialities()).containsExactly("PARENTING");
    assertThat(v.status()).isEqualTo(VolunteerStatus.ACTIVE);
  }

  static Stream<Arguments> refusedDetails() {
    String id = TestPeople.womanId("371623");
    String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
    return Stream.of(
        refusal("no name", x -> x.name = " ", "name", "volunteer.name.required"),
        refusal("a name too long", x -> x.name = "名".repeat(51), "name", "volunteer.name.size"),
        refusal(
            "a wrong check digit",
            x -> x.idNumber = wrongCheck,
            "idNumber",
            "idNumber.CHECK_DIGIT"),
        refusal(
            "a gender the number contradicts",
            x -> x.gender = Gender.MALE,
            "gender",
            "person.gender.mismatch"),
        refusal("no phone", x -> x.phone = "", "phone", "phone.REQUIRED"),
        refusal("a malformed phone", x -> x.phone = "12345", "phone", "phone.FORMAT"),
        refusal(
            "no background",
            x -> x.background = null,
            "background",
            "volunteer.background.required"),
        refusal(
            "a speciality not in the dictionary (or disabled)",
            x -> x.specialities = List.of("ASTROLOGY"),
            "specialities",
            "volunteer.speciality.unknown"),
        refusal(
            "dialects too long",
            x -> x.dialects = "话".repeat(201),
            "dialects",
            "volunteer.dialects.size"),
        refusal("no center", x -> x.centerId = null, "centerId", "volunteer.center.required"),
        refusal(
            "a center the actor may not place at",
            x -> x.centerId = UUID.randomUUID(),
            "centerId",
            "volunteer.center.outOfScope"),
        refusal("no status", x -> x.status = null, "status", "volunteer.status.required"),
        refusal(
            "no joining date", x -> x.joinedOn = null, "joinedOn", "volunteer.joinedOn.required"),
        refusal(
            "joining tomorrow",
            x -> x.joinedOn = TODAY.plusDays(1),
            "joinedOn",
            "volunteer.joinedOn.future"),
        refusal(
            "an account that is not a free counselor of the scope",
            x -> x.userId = UUID.randomUUID(),
            "userId",
            "volunteer.account.invalid"));
  }

  static Arguments refusal(String what, Consumer<Builder> change, String field, String messageKey) {
    return Arguments.of(what, change, field, messageKey);
  }

  @ParameterizedTest(name = "refuses {0}")
  @MethodSource("refusedDetails")
  void registeringRefuses(String what, Consumer<Builder> change, String field, String messageKey) {
    RegisterVolunteer d = with(details(TestPeople.womanId("371623")), change);
    assertThatThrownBy(() -> Volunteer.register(d, facts, protector, NOW))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(fields(e)).contains(field);
              assertThat(keys(e)).contains(messageKey);
            });
  }

  @Test
  void registeringNamesEveryProblemAtOnceInTheFormsOrder() {
    RegisterVolunteer d =
        with(
            details(TestPeople.womanId("371623")),
            x -> {
              x.name = "";
              x.phone = "x";
              x.centerId = UUID.randomUUID();
            });
    assertThatThrownBy(() -> Volunteer.register(d, facts, protector, NOW))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(fields(e)).containsExactly("name", "phone", "centerId"));
  }

  @Test
  void aNumberRegisteredAlreadyIsRefusedInAnyCase() {
    String id = TestPeople.womanId("371623");
    facts.registeredNumbers.put(id, UUID.randomUUID());
    assertThatThrownBy(() -> registered(id.toLowerCase()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(keys(e)).containsExactly("volunteer.idNumber.taken"));
  }

  @Test
  void aFreeCounselorAccountIsLinked() {
    RegisterVolunteer d = with(details(TestPeople.womanId("371623")), x -> x.userId = ACCOUNT);
    assertThat(Volunteer.register(d, facts, protector, NOW).userId()).isEqualTo(ACCOUNT);
  }

  // ---- edit ----------------------------------------------------------------------------

  @Test
  void editingChangesTheDetailsAndTheStatus() {
    Volunteer v = registered(TestPeople.womanId("371623"));
    String newId = TestPeople.womanId("371623");
    RegisterVolunteer d =
        with(
            details(newId),
            x -> {
              x.name = "欧阳敏";
              x.phone = "0543-3161234";
              x.status = VolunteerStatus.PAUSED;
              x.centerId = OTHER_CENTER;
              x.availability = List.of();
            });
    v.edit(d, facts, protector, LATER);

    assertThat(v.name()).isEqualTo("欧阳敏");
    assertThat(v.status()).isEqualTo(VolunteerStatus.PAUSED);
    assertThat(v.centerId()).isEqualTo(OTHER_CENTER);
    assertThat(v.availability()).isEmpty();
    assertThat(v.contact(protector).idNumber()).isEqualTo(newId);
    assertThat(v.contact(protector).phone()).isEqualTo("0543-3161234");
  }

  @Test
  void noOneIsPlacedAtAClosedCenterButWhoIsThereMayStay() {
    String id = TestPeople.womanId("371623");
    Volunteer v = registered(id);
    facts.closedCenters.add(CENTER);
    facts.closedCenters.add(OTHER_CENTER);
    // Still at the center that closed: the other details may change.
    v.edit(with(details(id), x -> x.name = "欧阳慧"), facts, protector, LATER);
    assertThat(v.name()).isEqualTo("欧阳慧");
    // Moving to another closed center, or registering someone there, is refused.
    assertThatThrownBy(
            () ->
                v.edit(with(details(id), x -> x.centerId = OTHER_CENTER), facts, protector, LATER))
        .isInstanceOfSatisfying(
            DomainException.class,
            e ->
                assertThat(e.problems())
                    .extracting(DomainException.FieldProblem::messageKey)
                    .contains("volunteer.center.closed"));
    assertThatThrownBy(
            () -> Volunteer.register(details(TestPeople.womanId("371623")), facts, protector, NOW))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void anEmptyNumberOrPhoneOnEditKeepsTheStoredOne() {
    String id = TestPeople.womanId("371623");
    Volunteer v = registered(id);
    v.edit(
        with(
            details(id),
            x -> {
              x.idNumber = "";
              x.phone = " ";
              x.name = "欧阳慧";
            }),
        facts,
        protector,
        LATER);
    assertThat(v.name()).isEqualTo("欧阳慧");
    assertThat(v.contact(protector).idNumber()).isEqualTo(id);
    assertThat(v.contact(protector).phone()).isEqualTo("13905431234");
  }

  @Test
  void aKeptNumberIsCheckedAgainstTheNewGenderAndBirthDate() {
    String id = TestPeople.womanId("371623");
    Volunteer v = registered(id);
    RegisterVolunteer d =
        with(
            details(id),
            x -> {
              x.idNumber = "";
              x.gender = Gender.MALE;
              x.birthDate = LocalDate.of(1990, 1, 1);
            });
    assertThatThrownBy(() -> v.edit(d, facts, protector, LATER))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(fields(e)).containsExactly("gender", "birthDate"));
    assertThat(v.contact(protector).idNumber()).as("unchanged when refused").isEqualTo(id);
  }

  @Test
  void editingKeepsItsOwnNumberButNotAnothers() {
    String own = TestPeople.womanId("371623");
    Volunteer v = registered(own);
    facts.registeredNumbers.put(own, v.getId());
    v.edit(details(own), facts, protector, LATER);

    String others = TestPeople.womanId("371623");
    facts.registeredNumbers.put(others, UUID.randomUUID());
    assertThatThrownBy(() -> v.edit(details(others), facts, protector, LATER))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(keys(e)).containsExactly("volunteer.idNumber.taken"));
  }

  // ---- qualifications ------------------------------------------------------------------

  @Test
  void aQualificationIsRecordedForTheVolunteer() {
    Volunteer v = registered(TestPeople.womanId("371623"));
    VolunteerQualification q =
        v.addQualification(
            new AddQualification(" 心理咨询师证书 ", "PSY-1", "山东省心理卫生协会", LocalDate.of(2027, 1, 1)));
    assertThat(q.volunteerId()).isEqualTo(v.getId());
    assertThat(q.isNew()).isTrue();
    assertThat(q.view().type()).isEqualTo("心理咨询师证书");
    assertThat(q.view().expiresOn()).isEqualTo(LocalDate.of(2027, 1, 1));
  }

  @Test
  void aQualificationMayNeverExpire() {
    Volunteer v = registered(TestPeople.womanId("371623"));
    assertThat(v.addQualification(new AddQualification("律师执业证", "L-1", "司法厅", null)).view())
        .extracting(org.huhang.volunteer.Qualification::expiresOn)
        .isNull();
  }

  @Test
  void aQualificationWithoutTypeNumberOrIssuerIsRefused() {
    Volunteer v = registered(TestPeople.womanId("371623"));
    assertThatThrownBy(
            () -> v.addQualification(new AddQualification(" ", null, "x".repeat(101), null)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e ->
                assertThat(keys(e))
                    .containsExactly(
                        "qualification.type.required",
                        "qualification.number.required",
                        "qualification.issuer.size"));
  }

  // ---- hours ---------------------------------------------------------------------------

  LogHours hours(LocalDate on, String hours) {
    return new LogHours(HoursKind.SERVICE, on, new BigDecimal(hours), " 婚姻家庭辅导 ");
  }

  @Test
  void hoursAreLoggedAsANewEntryOfTheLog() {
    Volunteer v = registered(TestPeople.womanId("371623"));
    VolunteerHours entry = v.logHours(hours(TODAY, "2.5"), TODAY, "admin-371623", NOW);
    assertThat(entry.isNew()).isTrue();
    assertThat(entry.volunteerId()).isEqualTo(v.getId());
    assertThat(entry.createdBy()).isEqualTo("admin-371623");
    assertThat(entry.view().hours()).isEqualByComparingTo("2.5");
    assertThat(entry.view().description()).isEqualTo("婚姻家庭辅导");
    assertThat(entry.view().kind()).isEqualTo(HoursKind.SERVICE);
  }

  @Test
  void hoursBeforeTheVolunteerWasBornAreRefused() {
    String id = TestPeople.womanId("371623");
    Volunteer v = registered(id);
    LocalDate born = LocalDate.parse(TestPeople.birthDateOf(id));
    assertThatThrownBy(() -> v.logHours(hours(born.minusDays(1), "1"), TODAY, "admin", NOW))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(keys(e)).containsExactly("date.beforeBirth"));
  }

  @Test
  void hoursOnADayStillToComeAreRefused() {
    Volunteer v = registered(TestPeople.womanId("371623"));
    assertThatThrownBy(() -> v.logHours(hours(TODAY.plusDays(1), "2"), TODAY, "admin", NOW))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(fields(e)).containsExactly("workedOn");
              assertThat(keys(e)).containsExactly("hours.workedOn.future");
            });
  }

  @Test
  void hoursOutsideHalfAnHourToADayOrFinerThanATenthAreRefused() {
    Volunteer v = registered(TestPeople.womanId("371623"));
    for (String h : new String[] {"0.4", "24.5", "1.25", "0"}) {
      assertThatThrownBy(() -> v.logHours(hours(TODAY, h), TODAY, "admin", NOW))
          .as(h)
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(keys(e)).containsExactly("hours.hours.range"));
    }
    assertThat(v.logHours(hours(TODAY, "24"), TODAY, "admin", NOW).view().hours())
        .isEqualByComparingTo("24");
    assertThat(v.logHours(hours(TODAY, "0.5"), TODAY, "admin", NOW).view().hours())
        .isEqualByComparingTo("0.5");
  }

  @Test
  void hoursWithoutKindDayAmountOrDescriptionAreRefused() {
    Volunteer v = registered(TestPeople.womanId("371623"));
    assertThatThrownBy(() -> v.logHours(new LogHours(null, null, null, ""), TODAY, "admin", NOW))
        .isInstanceOfSatisfying(
            DomainException.class,
            e ->
                assertThat(keys(e))
                    .containsExactly(
                        "hours.kind.required",
                        "hours.workedOn.required",
                        "hours.hours.required",
                        "hours.description.required"));
  }

  @Test
  void aCorrectedNameIsFoundByItsNewKeysAndAPhoneIsSealedAgain() {
    Volunteer v = registered(TestPeople.womanId("371623"));
    v.correctName("  司马小芳 ", LATER);
    assertThat(v.name()).isEqualTo("司马小芳");
    v.correctPhone(
        org.huhang.shared.person.PhoneNumber.parse("0543-3161234").orElseThrow(), protector, LATER);
    assertThat(v.phoneMasked()).isEqualTo("0543-*****34");
    assertThat(v.contact(protector).phone()).isEqualTo("0543-3161234");
    assertThatThrownBy(() -> v.correctName("长".repeat(51), LATER))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).problems().get(0).messageKey())
        .isEqualTo("volunteer.name.size");
    assertThatThrownBy(() -> v.correctName("王\u0000五", LATER))
        .extracting(e -> ((DomainException) e).problems().get(0).messageKey())
        .isEqualTo("error.controlCharacter");
  }

  @Test
  void onlyAVolunteerWhoLeftIsAnonymisedAndThenNeverEditedAgain() {
    Volunteer v = registered(TestPeople.womanId("371623"));
    assertThat(v.erasable()).isFalse();
    assertThatThrownBy(() -> v.anonymise(TODAY, LATER))
        .extracting(e -> ((DomainException) e).problems().get(0).messageKey())
        .isEqualTo("volunteer.rights.erase.active");
    v.edit(
        with(details(TestPeople.womanId("371623")), x -> x.status = VolunteerStatus.LEFT),
        facts,
        protector,
        LATER);
    assertThat(v.erasable()).isTrue();
    LocalDate born = v.birthDate();
    v.anonymise(TODAY, LATER);
    assertThat(v.name()).isEqualTo("已匿名");
    assertThat(v.idNumberMasked()).isNull();
    assertThat(v.phoneMasked()).isNull();
    assertThat(v.birthDate()).isEqualTo(LocalDate.of(born.getYear(), 1, 1));
    assertThat(v.background()).isEqualTo(Background.PSYCHOLOGICAL_COUNSELOR);
    assertThat(v.anonymised()).isTrue();
    assertThat(v.erasable()).isFalse();
    assertThatThrownBy(() -> v.edit(details(TestPeople.womanId("371623")), facts, protector, LATER))
        .extracting(e -> ((DomainException) e).problems().get(0).messageKey())
        .isEqualTo("volunteer.anonymised");
    assertThatThrownBy(() -> v.contact(protector)).isInstanceOf(DomainException.class);
  }
}

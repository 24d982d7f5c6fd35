package org.huhang.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.huhang.casework.CaseParty;
import org.huhang.casework.CaseSource;
import org.huhang.casework.CaseStage;
import org.huhang.casework.CaseStatus;
import org.huhang.casework.EditCase;
import org.huhang.casework.OpenCase;
import org.huhang.casework.PartyRole;
import org.huhang.casework.Risk;
import org.huhang.shared.DomainException;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.rights.PersonField;
import org.junit.jupiter.api.Test;

/** The moves of a counseling case and what each refuses, without Spring. */
class CounselingCaseTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
  static final Set<String> CATEGORIES = Set.of("COMMUNICATION", "VIOLENCE", "PARENTING");
  final PersonalDataProtector protector = new PersonalDataProtector(new byte[32]);

  CounselingCase open(CaseParty... parties) {
    return CounselingCase.open(
        new OpenCase(
            UUID.randomUUID(),
            CaseStage.MARRIAGE,
            CaseSource.WALK_IN,
            List.of("COMMUNICATION"),
            List.of(parties),
            List.of(),
            null),
        "/370000/371600/371623/",
        "manager-371623",
        TODAY,
        CATEGORIES,
        protector);
  }

  static CaseParty wife() {
    return new CaseParty(PartyRole.A, "王芳", Gender.FEMALE, LocalDate.of(1990, 1, 1), null, null);
  }

  static CaseParty husband() {
    return new CaseParty(
        PartyRole.B, "李强", Gender.MALE, LocalDate.of(1988, 5, 5), null, "13800001111");
  }

  static String fields(Throwable e) {
    return ((DomainException) e)
        .problems().stream().map(p -> p.field() + ":" + p.messageKey()).toList().toString();
  }

  @Test
  void opensWithOneOrBothSpousesAndSealsThePhone() {
    CounselingCase caze = open(wife(), husband());
    assertThat(caze.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(caze.risk()).isEqualTo(Risk.UNSCREENED);
    assertThat(caze.parties()).containsOnlyKeys(PartyRole.A, PartyRole.B);
    StoredCaseParty b = caze.parties().get(PartyRole.B);
    assertThat(b.phoneMasked()).isEqualTo("138****1111");
    assertThat(protector.decrypt(b.phoneCipher())).isEqualTo("13800001111");
    assertThat(open(wife()).parties()).containsOnlyKeys(PartyRole.A);
  }

  @Test
  void refusesNoPartyThreePartiesAndUnknownCategories() {
    assertThatThrownBy(() -> open())
        .satisfies(e -> assertThat(fields(e)).contains("parties:case.parties.required"));
    assertThatThrownBy(() -> open(wife(), husband(), wife()))
        .satisfies(e -> assertThat(fields(e)).contains("case.parties.tooMany"));
    assertThatThrownBy(
            () ->
                CounselingCase.open(
                    new OpenCase(
                        UUID.randomUUID(),
                        null,
                        null,
                        List.of("NOPE", "NOPE"),
                        List.of(wife()),
                        List.of(),
                        null),
                    "/",
                    "x",
                    TODAY,
                    CATEGORIES,
                    protector))
        .satisfies(
            e ->
                assertThat(fields(e))
                    .contains("stage:case.stage.required")
                    .contains("source:case.source.required")
                    .contains("issueCategories:case.categories.repeated")
                    .contains("issueCategories:case.categories.unknown"));
  }

  @Test
  void aPartyBornInTheFutureOrWithAControlCharacterIsRefusedByField() {
    CaseParty future =
        new CaseParty(PartyRole.A, "王\u0000芳", Gender.FEMALE, TODAY.plusDays(1), null, null);
    assertThatThrownBy(() -> open(future))
        .satisfies(
            e ->
                assertThat(fields(e))
                    .contains("partyA.name:error.controlCharacter")
                    .contains("partyA.birthDate"));
  }

  @Test
  void riskOnlyRisesAndJointApprovalIsForElevatedCasesOnly() {
    CounselingCase caze = open(wife(), husband());
    assertThatThrownBy(() -> caze.approveJointSessions("m", Instant.now(), null))
        .hasMessage("case.approval.onlyElevated");
    caze.raiseRisk(Risk.ELEVATED, "c");
    caze.raiseRisk(Risk.LOW, "c");
    assertThat(caze.risk()).isEqualTo(Risk.ELEVATED);
    caze.approveJointSessions("m", Instant.now(), null);
    assertThat(caze.jointApproved()).isTrue();
    caze.raiseRisk(Risk.HIGH, "c");
    assertThat(caze.risk()).isEqualTo(Risk.HIGH);
    assertThatThrownBy(() -> caze.approveJointSessions("m", Instant.now(), null))
        .hasMessage("case.approval.onlyElevated");
  }

  @Test
  void aHighRiskCaseIsNeverClosedAsReconciledAndAClosedCaseIsNotEdited() {
    CounselingCase caze = open(wife(), husband());
    caze.raiseRisk(Risk.HIGH, "c");
    assertThatThrownBy(() -> caze.close("RECONCILED", null, TODAY, TODAY, "c", protector))
        .satisfies(
            e -> assertThat(fields(e)).contains("outcome:case.outcome.highRiskNotReconciled"));
    assertThatThrownBy(() -> caze.close("AMICABLE_DIVORCE", " ", TODAY, TODAY, "c", protector))
        .satisfies(
            e -> assertThat(fields(e)).contains("arrangements:case.outcome.arrangementsRequired"));
    assertThatThrownBy(() -> caze.close("REFERRED", null, TODAY.plusDays(1), TODAY, "c", protector))
        .satisfies(e -> assertThat(fields(e)).contains("closedOn:date.future"));
    caze.close("REFERRED", null, TODAY, TODAY, "c", protector);
    assertThat(caze.status()).isEqualTo(CaseStatus.CLOSED);
    assertThatThrownBy(
            () ->
                caze.edit(
                    new EditCase(CaseStage.MARRIAGE, List.of(), List.of(), 0L),
                    "c",
                    TODAY,
                    CATEGORIES))
        .hasMessage("case.closed");
  }

  @Test
  void aPartyIsCorrectedByTheRulesOfANewPartyAndItsPhoneHashFollows() {
    CounselingCase caze = open(wife(), husband());
    caze.correctParty(PartyRole.B, PersonField.PHONE, "13900001234", "admin", TODAY, protector);
    StoredCaseParty b = caze.parties().get(PartyRole.B);
    assertThat(protector.decrypt(b.phoneCipher())).isEqualTo("13900001234");
    assertThat(b.phoneHash()).isEqualTo(protector.lookupHash("13900001234"));
    assertThat(b.phoneMasked()).isEqualTo("139****1234");
    caze.correctParty(PartyRole.A, PersonField.NAME, " 王芳芳 ", "admin", TODAY, protector);
    assertThat(caze.parties().get(PartyRole.A).name()).isEqualTo("王芳芳");
    // Without an identity number, the gender and birth date are the party's own to correct.
    caze.correctParty(PartyRole.A, PersonField.BIRTH_DATE, "1991-02-03", "admin", TODAY, protector);
    assertThat(caze.parties().get(PartyRole.A).birthDate()).isEqualTo(LocalDate.of(1991, 2, 3));

    assertThatThrownBy(
            () ->
                caze.correctParty(
                    PartyRole.A, PersonField.NAME, "长".repeat(51), "admin", TODAY, protector))
        .satisfies(e -> assertThat(fields(e)).contains("name:case.name.size"));
    assertThatThrownBy(
            () ->
                caze.correctParty(
                    PartyRole.A, PersonField.PHONE, "12345", "admin", TODAY, protector))
        .satisfies(e -> assertThat(fields(e)).contains("phone:phone.FORMAT"));
    assertThatThrownBy(
            () ->
                caze.correctParty(
                    PartyRole.A, PersonField.BIRTH_DATE, "2999-01-01", "admin", TODAY, protector))
        .satisfies(e -> assertThat(fields(e)).contains("birthDate:person.birthDate.future"));
  }

  @Test
  void withAnIdentityNumberTheGenderAndBirthDateFollowIt() {
    String id = "37162319900101002";
    id = id + org.huhang.shared.person.ResidentIdNumber.checkCharacter(id);
    CounselingCase caze =
        open(new CaseParty(PartyRole.A, "王芳", Gender.FEMALE, LocalDate.of(1990, 1, 1), id, null));
    assertThat(CounselingCase.correctable(true))
        .containsExactly(PersonField.NAME, PersonField.PHONE);
    assertThatThrownBy(
            () ->
                caze.correctParty(
                    PartyRole.A, PersonField.GENDER, "MALE", "admin", TODAY, protector))
        .satisfies(
            e -> assertThat(fields(e)).contains("gender:case.rights.correct.followsIdNumber"));
    assertThat(caze.parties().get(PartyRole.A).gender()).isEqualTo(Gender.FEMALE);
  }
}

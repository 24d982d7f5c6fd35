package org.huhang.casework.internal;

import java.util.List;
import org.huhang.shared.person.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The casework columns sealed with the data key, for the key rotation (privacy module). */
@Configuration(proxyBeanMethods = false)
class CaseSealedColumns {

  @Bean
  SealedColumns sealedCase() {
    return SealedColumns.of(
        "casework.counseling_case",
        "id",
        "sealed.casework.counseling_case",
        "joint_approval_cipher",
        "outcome_cipher");
  }

  @Bean
  SealedColumns sealedCaseParty() {
    return new SealedColumns(
        "casework.case_party",
        List.of("case_id", "role"),
        List.of("id_number_cipher", "phone_cipher"),
        "sealed.casework.case_party");
  }

  @Bean
  SealedColumns sealedScreening() {
    return SealedColumns.of(
        "casework.screening", "id", "sealed.casework.screening", "answers_cipher");
  }

  @Bean
  SealedColumns sealedSafetyPlan() {
    return SealedColumns.of(
        "casework.safety_plan",
        "case_id",
        "sealed.casework.safety_plan",
        "contacts_cipher",
        "safe_place_cipher",
        "next_steps_cipher");
  }

  @Bean
  SealedColumns sealedSafetyReferral() {
    return SealedColumns.of(
        "casework.safety_referral", "id", "sealed.casework.safety_referral", "note_cipher");
  }

  @Bean
  SealedColumns sealedSession() {
    return SealedColumns.of("casework.session", "id", "sealed.casework.session", "notes_cipher");
  }

  @Bean
  SealedColumns sealedSessionAddendum() {
    return SealedColumns.of(
        "casework.session_addendum", "id", "sealed.casework.session_addendum", "text_cipher");
  }

  @Bean
  SealedColumns sealedSupervisionComment() {
    return SealedColumns.of(
        "casework.supervision_comment", "id", "sealed.casework.supervision_comment", "text_cipher");
  }

  @Bean
  SealedColumns sealedFollowUp() {
    return SealedColumns.of(
        "casework.follow_up", "id", "sealed.casework.follow_up", "wellbeing_cipher");
  }
}

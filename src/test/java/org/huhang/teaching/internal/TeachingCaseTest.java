package org.huhang.teaching.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.huhang.casework.CaseStage;
import org.huhang.casework.SixSteps;
import org.huhang.shared.DomainException;
import org.huhang.teaching.EditTeachingCase;
import org.huhang.teaching.TeachingStatus;
import org.junit.jupiter.api.Test;

class TeachingCaseTest {

  private static final Instant NOW = Instant.parse("2026-01-05T08:00:00Z");

  private static TeachingCase draft(boolean highRisk) {
    return TeachingCase.draft(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "/370000/371600/371623/",
        highRisk,
        CaseStage.MARRIAGE,
        List.of("COMMUNICATION"),
        new TeachingDrafts.Draft(
            "婚姻关系个案", "背景", new SixSteps("信念", null, null, null, null, null), null),
        "manager-371623");
  }

  @Test
  void aDraftIsNeverPublishedWithoutApproval() {
    TeachingCase t = draft(false);
    assertThat(t.status()).isEqualTo(TeachingStatus.DRAFT);
    assertThat(t.publishedAt()).isNull();
  }

  @Test
  void approvingPublishes() {
    TeachingCase t = draft(false);
    t.approve("manager-371623", NOW);
    assertThat(t.status()).isEqualTo(TeachingStatus.PUBLISHED);
    assertThat(t.publishedAt()).isEqualTo(NOW);
  }

  @Test
  void aHighRiskCaseWaitsForTheCountyThenAnotherPersonPublishes() {
    TeachingCase t = draft(true);
    t.approve("manager-371623", NOW);
    assertThat(t.status()).isEqualTo(TeachingStatus.AWAITING_COUNTY);
    assertThat(t.publishedAt()).isNull();
    assertThatThrownBy(() -> t.approveForCounty("manager-371623", NOW))
        .isInstanceOf(DomainException.class);
    t.approveForCounty("admin-371623", NOW);
    assertThat(t.status()).isEqualTo(TeachingStatus.PUBLISHED);
  }

  @Test
  void withdrawingForgetsBothApprovals() {
    TeachingCase t = draft(true);
    t.approve("manager-371623", NOW);
    t.approveForCounty("admin-371623", NOW);
    t.withdraw("manager-371623");
    assertThat(t.status()).isEqualTo(TeachingStatus.DRAFT);
    assertThat(t.approvedBy()).isNull();
    assertThat(t.countyApprovedBy()).isNull();
    assertThatThrownBy(() -> t.withdraw("manager-371623")).isInstanceOf(DomainException.class);
  }

  @Test
  void onlyADraftIsEditedAndATitleIsRequired() {
    TeachingCase t = draft(false);
    EditTeachingCase edit =
        new EditTeachingCase(" ", null, "信念", null, null, null, null, null, null, "讨论", 0L);
    assertThatThrownBy(() -> t.edit(edit, "manager-371623"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("title"));
    t.approve("manager-371623", NOW);
    assertThatThrownBy(
            () ->
                t.edit(
                    new EditTeachingCase(
                        "新标题", null, "信念", null, null, null, null, null, null, null, 0L),
                    "manager-371623"))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void emptyStepsAreNotApproved() {
    TeachingCase t = draft(false);
    t.edit(
        new EditTeachingCase("标题", "背景", null, null, null, null, null, null, null, null, 0L),
        "manager-371623");
    assertThatThrownBy(() -> t.approve("manager-371623", NOW)).isInstanceOf(DomainException.class);
  }
}

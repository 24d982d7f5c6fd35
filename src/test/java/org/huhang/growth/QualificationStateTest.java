package org.huhang.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualificationStateTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  @ParameterizedTest
  @CsvSource({
    "2026-02-28, EXPIRED",
    "2026-03-01, EXPIRING",
    "2026-05-30, EXPIRING",
    "2026-05-31, VALID",
    ", NO_EXPIRY"
  })
  void aCertificateWarnsFromNinetyDaysBeforeItRunsOut(
      LocalDate expiresOn, QualificationState state) {
    assertThat(QualificationState.of(expiresOn, TODAY)).isEqualTo(state);
    assertThat(state.warns())
        .isEqualTo(state == QualificationState.EXPIRED || state == QualificationState.EXPIRING);
  }
}

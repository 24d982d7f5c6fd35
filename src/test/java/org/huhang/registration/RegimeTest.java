package org.huhang.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The received date alone decides the regime; the Civil Code's first day is the boundary. */
class RegimeTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "2018-01-01, PRE_CIVIL_CODE",
    "2020-02-29, PRE_CIVIL_CODE",
    "2020-12-31, PRE_CIVIL_CODE",
    "2021-01-01, COOLING_OFF",
    "2021-01-02, COOLING_OFF",
    "2023-09-30, COOLING_OFF",
  })
  void theReceivedDateDecides(LocalDate received, Regime regime) {
    assertThat(Regime.of(received)).isEqualTo(regime);
  }

  @ParameterizedTest(name = "{0} allows {1}: {2}")
  @CsvSource({
    "PRE_CIVIL_CODE, REGISTERED, true",
    "PRE_CIVIL_CODE, CANCELLED_OR_POSTPONED, true",
    "PRE_CIVIL_CODE, PENDING, false",
    "PRE_CIVIL_CODE, WITHDRAWN, false",
    "PRE_CIVIL_CODE, DEEMED_WITHDRAWN, false",
    "PRE_CIVIL_CODE, DIVORCED, false",
    "COOLING_OFF, PENDING, true",
    "COOLING_OFF, WITHDRAWN, true",
    "COOLING_OFF, DEEMED_WITHDRAWN, true",
    "COOLING_OFF, DIVORCED, true",
    "COOLING_OFF, REGISTERED, false",
    "COOLING_OFF, CANCELLED_OR_POSTPONED, false",
  })
  void eachRegimeHasItsOwnOutcomes(Regime regime, Outcome outcome, boolean allowed) {
    assertThat(regime.allows(outcome)).isEqualTo(allowed);
  }

  @Test
  void aMissingDayHasNoRegime() {
    assertThatThrownBy(() -> Regime.of(null)).isInstanceOf(IllegalArgumentException.class);
  }
}

package org.huhang.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RatesTest {

  @Test
  void theSourcesRatesComeOutAsPublished() {
    assertThat(Rates.percent(28978, 43946)).isEqualByComparingTo("65.94");
    assertThat(Rates.percent(17206, 43946)).isEqualByComparingTo("39.15");
    assertThat(Rates.percent(28978, 43946).scale()).isEqualTo(2);
  }

  @Test
  void anExactHalfRoundsUpNotToEven() {
    // 1/800 = 0.125 %, 1/32 = 3.125 %: half-even would give 0.12 and 3.12.
    assertThat(Rates.percent(1, 800)).isEqualTo(new BigDecimal("0.13"));
    assertThat(Rates.percent(1, 32)).isEqualTo(new BigDecimal("3.13"));
    // Just below the half stays down: 1/801 = 0.12484… %.
    assertThat(Rates.percent(1, 801)).isEqualTo(new BigDecimal("0.12"));
    // 2/3 = 66.666… %.
    assertThat(Rates.percent(2, 3)).isEqualTo(new BigDecimal("66.67"));
  }

  @Test
  void wholeRatesKeepTwoDecimals() {
    assertThat(Rates.percent(1, 1)).isEqualTo(new BigDecimal("100.00"));
    assertThat(Rates.percent(0, 7)).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void nothingToDivideHasNoRate() {
    assertThat(Rates.percent(0, 0)).isNull();
    assertThatThrownBy(() -> Rates.percent(-1, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}

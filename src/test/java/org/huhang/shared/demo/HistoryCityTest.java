package org.huhang.shared.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.huhang.shared.demo.BinzhouHistory.Counseling;
import org.huhang.shared.demo.BinzhouHistory.Couple;
import org.junit.jupiter.api.Test;

/**
 * Another city's plan (the province benchmark) has Binzhou's totals times its scale over its own
 * counties, with days of its own; Binzhou's plan is the published one whatever other cities ask.
 */
class HistoryCityTest {

  static final HistoryCity JINAN =
      new HistoryCity(
          "370100",
          "济南市",
          List.of("370102", "370103", "370121", "370122", "370123", "370125", "370181"),
          370100L * 7919);

  @Test
  void anotherCityHasBinzhousTotalsTimesItsScaleOverItsOwnCounties() {
    List<Couple> plan = BinzhouHistory.couples(JINAN, 2);
    assertThat(plan).hasSize(BinzhouHistory.APPLICATIONS * 2);
    assertThat(plan.stream().filter(c -> c.counseling() == Counseling.HELD))
        .hasSize(BinzhouHistory.COUNSELED * 2);
    assertThat(plan.stream().map(Couple::county).distinct().sorted())
        .containsExactlyElementsOf(JINAN.counties());
    assertThat(plan.get(0).receivedOn()).isAfterOrEqualTo(BinzhouHistory.FROM);
    List<Couple> binzhou = BinzhouHistory.couples(HistoryCity.BINZHOU, 2);
    assertThat(plan.stream().map(Couple::receivedOn).toList())
        .isNotEqualTo(binzhou.stream().map(Couple::receivedOn).toList());
    assertThat(BinzhouHistory.couples(HistoryCity.BINZHOU, 1)).isSameAs(BinzhouHistory.couples());
    assertThat(BinzhouHistory.couples(JINAN, 2)).isSameAs(plan);
  }

  @Test
  void aCityLiesBelowTheProvinceAndHasSevenCounties() {
    assertThat(JINAN.path()).isEqualTo("/370000/370100/");
    assertThat(JINAN.countyPath("370102")).isEqualTo("/370000/370100/370102/");
    assertThat(HistoryCity.BINZHOU.path()).isEqualTo(BinzhouHistory.CITY_PATH);
    assertThatThrownBy(() -> new HistoryCity("370100", "济南市", List.of("370102"), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

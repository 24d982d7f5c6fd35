package org.huhang.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.huhang.region.RegionLevel;
import org.huhang.shared.DomainException.FieldProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionCodeRulesTest {

  @ParameterizedTest(name = "{1} {0} + {2} → {3}")
  @CsvSource(
      nullValues = "NONE",
      value = {
        // parent, level, code, expected message key (NONE = accepted)
        "370000, PROVINCE, 370100, NONE",
        "370000, PROVINCE, 371700, NONE",
        "370000, PROVINCE, 371623, region.code.cityZeros",
        "370000, PROVINCE, 370000, region.code.zeroSuffix",
        "370000, PROVINCE, 360100, region.code.prefix",
        "370000, PROVINCE, 37010, region.code.length.CITY",
        "371600, CITY, 371623, NONE",
        "371600, CITY, 371699, NONE",
        "371600, CITY, 371700, region.code.prefix",
        "371600, CITY, 371600, region.code.zeroSuffix",
        "371600, CITY, 37162, region.code.length.COUNTY",
        "371600, CITY, 3716231, region.code.length.COUNTY",
        "371623, COUNTY, 371623101, NONE",
        "371623, COUNTY, 371624101, region.code.prefix",
        "371623, COUNTY, 371623000, region.code.zeroSuffix",
        "371623, COUNTY, 37162310, region.code.length.TOWNSHIP",
        "371623, COUNTY, 371623A01, region.code.digits",
        "371623, COUNTY, ' ', region.code.required",
        "371625103, TOWNSHIP, 371625103201, NONE",
        "371625103, TOWNSHIP, 371625104201, region.code.prefix",
        "371625103, TOWNSHIP, 371625103000, region.code.zeroSuffix",
        "371625103, TOWNSHIP, 371625103, region.code.length.VILLAGE",
        "371625103201, VILLAGE, 371625103201001, region.code.noChildren",
      })
  void checksAChildCodeAgainstItsParent(
      String parent, RegionLevel level, String code, String expected) {
    Optional<FieldProblem> problem = RegionCodeRules.checkChild(parent, level, code);
    assertThat(problem.map(FieldProblem::messageKey).orElse(null)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "PROVINCE, 370000, 37",
    "CITY, 371600, 3716",
    "COUNTY, 371623, 371623",
    "TOWNSHIP, 371625103, 371625103"
  })
  void descendantsRepeatTheSignificantPrefix(RegionLevel level, String code, String prefix) {
    assertThat(level.prefixOf(code)).isEqualTo(prefix);
  }
}

package org.huhang.volunteer;

import java.math.BigDecimal;

/** A volunteer's service and training hours of one calendar year, from its hours log. */
public record YearHours(int year, BigDecimal service, BigDecimal training) {

  public BigDecimal total() {
    return service.add(training);
  }
}

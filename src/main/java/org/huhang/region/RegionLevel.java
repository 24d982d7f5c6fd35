package org.huhang.region;

import java.util.Optional;

/**
 * The levels of the region tree, with the length of their codes: 6-digit GB/T 2260 codes for the
 * province (Shandong, 370000, the root), its prefecture-level cities and their counties, 9- and
 * 12-digit statistical codes for townships and villages.
 */
public enum RegionLevel {
  PROVINCE(6, 2),
  CITY(6, 4),
  COUNTY(6, 6),
  TOWNSHIP(9, 9),
  VILLAGE(12, 12);

  private final int codeLength;
  private final int significantDigits;

  RegionLevel(int codeLength, int significantDigits) {
    this.codeLength = codeLength;
    this.significantDigits = significantDigits;
  }

  public int codeLength() {
    return codeLength;
  }

  /**
   * The leading digits that every descendant's code repeats (a province's 370000 → 37, a city's
   * 371600 → 3716).
   */
  public String prefixOf(String code) {
    return code.substring(0, significantDigits);
  }

  public Optional<RegionLevel> childLevel() {
    return switch (this) {
      case PROVINCE -> Optional.of(CITY);
      case CITY -> Optional.of(COUNTY);
      case COUNTY -> Optional.of(TOWNSHIP);
      case TOWNSHIP -> Optional.of(VILLAGE);
      case VILLAGE -> Optional.empty();
    };
  }
}

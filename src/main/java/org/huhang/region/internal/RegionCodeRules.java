package org.huhang.region.internal;

import java.util.Optional;
import org.huhang.region.RegionLevel;
import org.huhang.shared.DomainException;

/**
 * Whether a code may name a new child of a region. A city's code is six digits that keep the
 * province's first two and end in 00 (371600); a county's code is six digits that keep the city's
 * first four and do not end in 00; a township's is nine digits that extend its county's code; a
 * village's is twelve digits that extend its township's. Villages have no children.
 */
public final class RegionCodeRules {

  private RegionCodeRules() {}

  /** The first rule {@code code} breaks as a child of {@code parentCode}, or empty when it fits. */
  public static Optional<DomainException.FieldProblem> checkChild(
      String parentCode, RegionLevel parentLevel, String code) {
    Optional<RegionLevel> childLevel = parentLevel.childLevel();
    if (childLevel.isEmpty()) {
      return problem("parentCode", "region.code.noChildren");
    }
    if (code == null || code.isBlank()) {
      return problem("code", "region.code.required");
    }
    if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return problem("code", "region.code.digits");
    }
    RegionLevel level = childLevel.get();
    if (code.length() != level.codeLength()) {
      return problem("code", "region.code.length." + level.name(), level.codeLength());
    }
    String prefix = parentLevel.prefixOf(parentCode);
    if (!code.startsWith(prefix)) {
      return problem("code", "region.code.prefix", prefix, parentCode);
    }
    if (level == RegionLevel.CITY && !code.endsWith("00")) {
      return problem("code", "region.code.cityZeros", code);
    }
    int ownEnd =
        switch (level) {
          case CITY -> 4;
          case COUNTY -> 6;
          default -> code.length();
        };
    String own = code.substring(prefix.length(), ownEnd);
    if (own.chars().allMatch(c -> c == '0')) {
      return problem("code", "region.code.zeroSuffix", own);
    }
    return Optional.empty();
  }

  private static Optional<DomainException.FieldProblem> problem(
      String field, String key, Object... args) {
    return Optional.of(new DomainException.FieldProblem(field, key, args));
  }
}

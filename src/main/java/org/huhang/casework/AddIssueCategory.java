package org.huhang.casework;

import java.util.List;

/**
 * A new entry of the issue-category dictionary: a code, its names, and the volunteer specialities
 * that help with it (used to propose a case's team).
 */
public record AddIssueCategory(
    String code, String nameZh, String nameEn, List<String> specialities) {

  public AddIssueCategory {
    code = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    nameZh = nameZh == null ? "" : nameZh.strip();
    nameEn = nameEn == null ? "" : nameEn.strip();
    specialities = specialities == null ? List.of() : List.copyOf(specialities);
  }
}

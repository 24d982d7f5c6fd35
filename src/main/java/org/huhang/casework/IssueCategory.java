package org.huhang.casework;

import java.util.List;

/** An entry of the issue-category dictionary, with the volunteer specialities that help with it. */
public record IssueCategory(
    String code, String nameZh, String nameEn, List<String> specialities, boolean active) {

  public String name(boolean english) {
    return english ? nameEn : nameZh;
  }
}

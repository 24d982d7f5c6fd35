package org.huhang.teaching;

import org.huhang.casework.CaseStage;

/** The library's filters: issue category code, stage, status (managers only) and full text. */
public record TeachingSearch(String category, CaseStage stage, TeachingStatus status, String q) {

  public TeachingSearch {
    category = category == null || category.isBlank() ? null : category.strip();
    q = q == null || q.isBlank() ? null : q.strip();
  }

  public static TeachingSearch none() {
    return new TeachingSearch(null, null, null, null);
  }
}

package org.huhang.casework;

import java.util.UUID;

/** Filters of a case list; every one optional. */
public record CaseSearch(
    CaseStatus status, Risk risk, CaseStage stage, UUID centerId, Integer page, Integer size) {

  public static CaseSearch all() {
    return new CaseSearch(null, null, null, null, null, null);
  }
}

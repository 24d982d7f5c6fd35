package org.huhang.volunteer;

import java.util.UUID;

/**
 * The volunteer search: one box for name, pinyin or initials (traditional characters allowed), and
 * filters; all optional. {@code county} is a county code inside the caller's scope.
 */
public record VolunteerSearch(
    String q,
    Background background,
    String speciality,
    String county,
    UUID centerId,
    VolunteerStatus status,
    Sort sort,
    Integer page,
    Integer size) {

  /** Orders the database can serve from an index. */
  public enum Sort {
    NAME,
    JOINED
  }

  public VolunteerSearch {
    q = q == null || q.isBlank() ? null : q.strip();
    speciality = speciality == null || speciality.isBlank() ? null : speciality;
    county = county == null || county.isBlank() ? null : county;
    sort = sort == null ? Sort.NAME : sort;
  }

  /** Whether any filter is set, so that an empty list can say "none yet" rather than "no match". */
  public boolean filtered() {
    return q != null
        || background != null
        || speciality != null
        || county != null
        || centerId != null
        || status != null;
  }
}

package org.huhang.volunteer;

/** The six backgrounds volunteers come from (SPEC §1). */
public enum Background {
  FEDERATION_CADRE,
  LAWYER,
  PSYCHOLOGICAL_COUNSELOR,
  SOCIAL_WORKER,
  FAMILY_INSTRUCTOR,
  CARING_CITIZEN
}

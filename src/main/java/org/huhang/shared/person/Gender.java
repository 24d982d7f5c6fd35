package org.huhang.shared.person;

/** As recorded on the resident identity card. */
public enum Gender {
  MALE,
  FEMALE
}

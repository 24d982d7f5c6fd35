package org.huhang.casework;

import java.time.LocalDate;

/** A child or relative of the family; the birth date is optional. */
public record RelatedPerson(Relation relation, String name, LocalDate birthDate) {

  public RelatedPerson {
    name = name == null ? null : name.strip();
  }

  @Override
  public String toString() {
    return "RelatedPerson[" + relation + ", ***]";
  }
}

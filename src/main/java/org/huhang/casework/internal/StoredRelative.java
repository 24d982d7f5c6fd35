package org.huhang.casework.internal;

import java.time.LocalDate;
import org.huhang.casework.Relation;
import org.springframework.data.relational.core.mapping.Table;

/** A child or relative of a case's family, in the order entered. */
@Table(schema = "casework", name = "related_person")
record StoredRelative(Relation relation, String name, LocalDate birthDate) {

  @Override
  public String toString() {
    return "StoredRelative[" + relation + ", ***]";
  }
}

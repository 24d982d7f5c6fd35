package org.huhang.shared.rights;

import java.util.List;

/**
 * The records a module holds about one person, for a person's request to see and copy them (PIPL
 * arts. 44–45): declared by each module that keeps people's records, as a Spring bean, so that the
 * privacy module finds them across modules without knowing any module's tables. A module finds by
 * its own keyed hashes of the identity number and the phone (either may be null).
 */
public interface PersonRecords {

  /** The records about the person, in any region: the caller keeps those within its scope. */
  List<PersonRecord> find(String idNumber, String phone);

  /** The copy of one record found above: what it holds about the person, field by field. */
  List<PersonRecord.Field> copy(PersonRecord record);
}

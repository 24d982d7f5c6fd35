package org.huhang.shared.rights;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The records a module holds about one person, for a person's request to see, copy, correct and
 * erase them (PIPL arts. 44–47): declared by each module that keeps people's records, as a Spring
 * bean, so that the privacy module finds them across modules without knowing any module's tables. A
 * module finds by its own keyed hashes of the identity number and the phone (either may be null),
 * and decides by its own rules what may be corrected and what may be erased. The caller has checked
 * who asks and that the record lies in its scope; every write joins the caller's transaction.
 */
public interface PersonRecords {

  /** The kind of record this module answers for: {@link PersonRecord#kind()} of its records. */
  String kind();

  /** The records about the person, in any region: the caller keeps those within its scope. */
  List<PersonRecord> find(String idNumber, String phone);

  /** The copy of one record found above: what it holds about the person, field by field. */
  List<PersonRecord.Field> copy(PersonRecord record);

  /**
   * Corrects one of the record's {@link PersonRecord#correctable()} details of the person by the
   * module's own rules, keeping its look-up hashes in step; a value the rules refuse throws a
   * {@link org.huhang.shared.DomainException} naming the field ({@link PersonField#code()}).
   */
  void correct(PersonRecord record, PersonField field, String value);

  /**
   * Erases the person from a record found above whose {@link PersonRecord#erasure()} allows it: in
   * the caller's transaction, under a lock of the record, so that a second erasure at once waits
   * and then finds it done. False when it was done already.
   */
  boolean erase(PersonRecord record);

  /**
   * The region of the record with this id when its person is erased (or anonymised when its
   * retention ended): an erasure sent twice then answers done, not "not found". Empty for an id of
   * no such record; never throws on a malformed id.
   */
  Optional<String> erasedIn(String id);

  /** A record id that is one UUID, read without throwing: empty when it is none. */
  static Optional<UUID> uuid(String id) {
    try {
      return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

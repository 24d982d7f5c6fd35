package org.huhang.privacy.web;

import org.huhang.shared.rights.PersonRecord;

/**
 * Why a record's correction or erasure was refused, shown at that record: which record, the field
 * whose correction it was (null for an erasure), and the message.
 */
public record RecordProblem(String kind, String record, String field, String message) {

  public boolean at(PersonRecord r) {
    return r.kind().equals(kind) && r.id().equals(record);
  }
}

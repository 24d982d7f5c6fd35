package org.huhang.volunteer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.volunteer.Speciality;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An entry of the speciality dictionary: an upper-case code and a name in both languages. An entry
 * is never deleted, only disabled, so that volunteers keep the specialities they have.
 */
@Table(schema = "volunteer", name = "speciality")
class SpecialityEntry implements Persistable<String> {

  @Id private final String code;
  private final String nameZh;
  private final String nameEn;
  private boolean active;
  private final int sortOrder;
  @Transient private boolean isNew;

  @PersistenceCreator
  SpecialityEntry(String code, String nameZh, String nameEn, boolean active, int sortOrder) {
    this.code = code;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.active = active;
    this.sortOrder = sortOrder;
    this.isNew = false;
  }

  /**
   * A new, active entry, its code in upper case; refuses a malformed code and missing or overlong
   * names.
   */
  static SpecialityEntry define(String code, String nameZh, String nameEn, int sortOrder) {
    List<FieldProblem> problems = new ArrayList<>();
    code = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
      problems.add(new FieldProblem("code", "speciality.code.pattern", new Object[0]));
    }
    if (nameZh == null || nameZh.isBlank() || nameZh.strip().length() > 50) {
      problems.add(new FieldProblem("nameZh", "speciality.name.required", new Object[0]));
    }
    if (nameEn == null || nameEn.isBlank() || nameEn.strip().length() > 80) {
      problems.add(new FieldProblem("nameEn", "speciality.name.required", new Object[0]));
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    SpecialityEntry entry =
        new SpecialityEntry(code, nameZh.strip(), nameEn.strip(), true, sortOrder);
    entry.isNew = true;
    return entry;
  }

  void enable() {
    active = true;
  }

  void disable() {
    active = false;
  }

  String code() {
    return code;
  }

  String nameZh() {
    return nameZh;
  }

  boolean active() {
    return active;
  }

  Speciality view() {
    return new Speciality(code, nameZh, nameEn, active);
  }

  @Override
  public String getId() {
    return code;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }
}

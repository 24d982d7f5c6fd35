package org.huhang.volunteer.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.volunteer.AddSpeciality;
import org.huhang.volunteer.Speciality;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The speciality dictionary: read by everyone, maintained by the city administrator. */
@Service
public class SpecialityDictionary {

  private final SpecialityRepository repository;
  private final VolunteerPolicy policy;
  private final AuditTrail audit;

  SpecialityDictionary(SpecialityRepository repository, VolunteerPolicy policy, AuditTrail audit) {
    this.repository = repository;
    this.policy = policy;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<Speciality> specialities() {
    return repository.findAllByOrderBySortOrderAscCodeAsc().stream()
        .map(SpecialityEntry::view)
        .toList();
  }

  /** The dictionary for the page that maintains it. */
  @Transactional(readOnly = true)
  public List<Speciality> forMaintenance(Actor actor) {
    policy.requireDictionary(actor);
    return specialities();
  }

  @Transactional
  public void add(AddSpeciality command, Actor actor) {
    policy.requireDictionary(actor);
    SpecialityEntry entry =
        SpecialityEntry.define(
            command.code(), command.nameZh(), command.nameEn(), repository.nextSortOrder());
    if (repository.existsByCodeOrNameZh(entry.code(), entry.nameZh())) {
      throw DomainException.of("code", "speciality.taken");
    }
    repository.save(entry);
    audit.recordWrite("speciality.create", "speciality", entry.code());
  }

  /**
   * Enables or disables an entry; volunteers keep a disabled speciality, new ones cannot take it.
   */
  @Transactional
  public void setActive(String code, boolean active, Actor actor) {
    policy.requireDictionary(actor);
    repository
        .findById(code)
        .ifPresent(
            entry -> {
              if (active) {
                entry.enable();
              } else {
                entry.disable();
              }
              repository.save(entry);
            });
    audit.recordWrite(active ? "speciality.enable" : "speciality.disable", "speciality", code);
  }

  /** The codes a volunteer may be given. */
  Set<String> activeCodes() {
    return repository.findAllByOrderBySortOrderAscCodeAsc().stream()
        .filter(SpecialityEntry::active)
        .map(SpecialityEntry::code)
        .collect(Collectors.toSet());
  }
}

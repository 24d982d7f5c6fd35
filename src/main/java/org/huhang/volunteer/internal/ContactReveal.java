package org.huhang.volunteer.internal;

import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.volunteer.RevealedContact;
import org.huhang.volunteer.VolunteerId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The whole identity number and phone, for those entitled; every read is audited. */
@Service
public class ContactReveal {

  private final VolunteerRepository repository;
  private final VolunteerPolicy policy;
  private final PersonalDataProtector protector;
  private final AuditTrail audit;

  ContactReveal(
      VolunteerRepository repository,
      VolunteerPolicy policy,
      PersonalDataProtector protector,
      AuditTrail audit) {
    this.repository = repository;
    this.policy = policy;
    this.protector = protector;
    this.audit = audit;
  }

  @Transactional
  public RevealedContact reveal(VolunteerId id, Actor actor) {
    Volunteer volunteer = repository.visible(id.value(), policy.scope(actor));
    policy.requireReveal(volunteer.regionPath(), actor);
    audit.recordSensitiveRead("volunteer", id.toString());
    return volunteer.contact(protector);
  }
}

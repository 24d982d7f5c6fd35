package org.huhang.volunteer.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Qualifications are inserted; the lists and the expiry warning read them in the queries. */
interface QualificationRepository extends Repository<VolunteerQualification, UUID> {

  VolunteerQualification save(VolunteerQualification qualification);

  /** Inserts in one JDBC batch. */
  List<VolunteerQualification> saveAll(Iterable<VolunteerQualification> qualifications);
}

package org.huhang.volunteer.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** The append-only hours log: entries are inserted, never updated or deleted here. */
interface HoursLog extends Repository<VolunteerHours, UUID> {

  VolunteerHours save(VolunteerHours entry);

  /** Inserts in one JDBC batch. */
  List<VolunteerHours> saveAll(Iterable<VolunteerHours> entries);
}

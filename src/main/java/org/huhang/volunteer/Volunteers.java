package org.huhang.volunteer;

import java.util.Optional;
import org.huhang.volunteer.internal.VolunteerDirectory;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of the volunteer module. Its pages and API work through the services
 * in {@code internal}; other modules hold a {@link VolunteerId} and read the volunteer here.
 */
@Service
public class Volunteers {

  private final VolunteerDirectory directory;
  private final org.huhang.volunteer.internal.SpecialityDictionary dictionary;

  Volunteers(
      VolunteerDirectory directory, org.huhang.volunteer.internal.SpecialityDictionary dictionary) {
    this.directory = directory;
    this.dictionary = dictionary;
  }

  /** The speciality dictionary, active and retired entries, in its order. */
  public java.util.List<Speciality> specialities() {
    return dictionary.specialities();
  }

  /** A volunteer by id, regardless of scope: for modules that hold a volunteer id. */
  public Optional<VolunteerSummary> find(VolunteerId id) {
    return directory.find(id);
  }

  /** The volunteer linked to a counselor account (a case team is made of these), if any. */
  public Optional<VolunteerSummary> forUser(java.util.UUID userId) {
    return directory.linkedTo(userId);
  }
}

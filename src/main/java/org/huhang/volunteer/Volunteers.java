package org.huhang.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.shared.Actor;
import org.huhang.shared.DataScope;
import org.huhang.volunteer.internal.CounselorPool;
import org.huhang.volunteer.internal.SpecialityDictionary;
import org.huhang.volunteer.internal.TrainingHours;
import org.huhang.volunteer.internal.VolunteerCounts;
import org.huhang.volunteer.internal.VolunteerDirectory;
import org.huhang.volunteer.internal.VolunteerGrowthRecords;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of the volunteer module. Its pages and API work through the services
 * in {@code internal}; other modules hold a {@link VolunteerId} and read the volunteer here.
 */
@Service
public class Volunteers {

  private final VolunteerDirectory directory;
  private final CounselorPool counselors;
  private final SpecialityDictionary dictionary;
  private final TrainingHours training;
  private final VolunteerGrowthRecords growth;
  private final VolunteerCounts counts;

  Volunteers(
      VolunteerDirectory directory,
      CounselorPool counselors,
      SpecialityDictionary dictionary,
      TrainingHours training,
      VolunteerGrowthRecords growth,
      VolunteerCounts counts) {
    this.counts = counts;
    this.directory = directory;
    this.counselors = counselors;
    this.dictionary = dictionary;
    this.training = training;
    this.growth = growth;
  }

  /** The speciality dictionary, active and retired entries, in its order. */
  public List<Speciality> specialities() {
    return dictionary.specialities();
  }

  /** A volunteer by id, regardless of scope: for modules that hold a volunteer id. */
  public Optional<VolunteerSummary> find(VolunteerId id) {
    return directory.find(id);
  }

  /**
   * The active volunteers with a counselor account in a region's subtree (a county's path), for
   * proposing a case's team; {@code on} decides which certificates have run out.
   */
  public List<CounselorCandidate> counselorCandidates(String countyRegionPath, LocalDate on) {
    return counselors.candidates(countyRegionPath, on);
  }

  /**
   * When the active volunteers of this center can serve, one set of half-days each (no names): the
   * slots a family may book there.
   */
  public List<java.util.Set<HalfDay>> availabilityAt(org.huhang.center.CenterId center) {
    return counselors.availabilityAt(center.value());
  }

  /** The volunteer linked to this user account, if any. */
  public Optional<VolunteerSummary> forUser(UUID userId) {
    return counselors.forUser(userId);
  }

  /**
   * The active volunteers of a region's subtree, by region then name: e.g. to enroll in a course.
   */
  public List<VolunteerRef> activeIn(String regionPath) {
    return training.activeIn(regionPath);
  }

  /** A volunteer's name, region and linked account, regardless of scope. */
  public Optional<VolunteerRef> ref(VolunteerId id) {
    return training.ref(id);
  }

  /**
   * Adds a day's training hours to the volunteer's hours log; the same day and description (which
   * names the course) a second time adds nothing. Answers whether an entry was added.
   */
  public boolean addTrainingHours(
      VolunteerId id, LocalDate day, BigDecimal hours, String description, Actor actor) {
    return training.addTrainingHours(id, day, hours, description, actor);
  }

  /** The whole record of the volunteer linked to the actor's account, whatever its role. */
  public Optional<VolunteerDetail> own(Actor actor) {
    return growth.own(actor);
  }

  /**
   * A volunteer's whole record for those who manage volunteers: 403 for other roles, 404 outside
   * the actor's scope.
   */
  public VolunteerDetail detail(VolunteerId id, Actor actor) {
    return directory.get(id, actor);
  }

  /** Whether the actor's role works with volunteer records (administrators, center managers). */
  public boolean mayManage(Actor actor) {
    return growth.mayManage(actor);
  }

  /** Service and training hours by year, newest first; ask after reading the volunteer. */
  public List<YearHours> hoursByYear(VolunteerId id) {
    return growth.hoursByYear(id);
  }

  /** The volunteers in the actor's care with their hours of the year; 403 for other roles. */
  public List<VolunteerYear> year(int year, Actor actor) {
    return growth.year(year, actor);
  }

  /** Certificates in the actor's care run out already or within {@code days}; 403 for others. */
  public List<ExpiringCertificate> certificatesRunningOut(int days, Actor actor) {
    return growth.runningOut(days, actor);
  }

  /** Changes the availability of the actor's own volunteer only (audited); none linked: 404. */
  public VolunteerDetail changeOwnAvailability(java.util.Set<HalfDay> availability, Actor actor) {
    return growth.changeOwnAvailability(availability, actor);
  }

  /** The active volunteers of a region's subtree by region path and background: for the figures. */
  public List<VolunteerCount> activeCounts(DataScope scope) {
    return counts.active(scope);
  }
}

package org.huhang.volunteer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.huhang.audit.AuditTrail;
import org.huhang.center.CenterStatus;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.Role;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.volunteer.RegisterVolunteer;
import org.huhang.volunteer.VolunteerDetail;
import org.huhang.volunteer.VolunteerId;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering and editing volunteers, one by one from the form and the API, or many at once from
 * the import and the demo data. The record's rules are the aggregate's; this class answers what
 * only the actor and the database know: the centers it may place volunteers at, the accounts it may
 * link, the identity numbers already registered.
 */
@Service
public class VolunteerRegistry {

  private final VolunteerRepository repository;
  private final VolunteerQueries queries;
  private final VolunteerPolicy policy;
  private final SpecialityDictionary dictionary;
  private final VolunteerViews views;
  private final Centers centers;
  private final Users users;
  private final PersonalDataProtector protector;
  private final AuditTrail audit;
  private final Clock clock;

  VolunteerRegistry(
      VolunteerRepository repository,
      VolunteerQueries queries,
      VolunteerPolicy policy,
      SpecialityDictionary dictionary,
      VolunteerViews views,
      Centers centers,
      Users users,
      PersonalDataProtector protector,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.queries = queries;
    this.policy = policy;
    this.dictionary = dictionary;
    this.views = views;
    this.centers = centers;
    this.users = users;
    this.protector = protector;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public VolunteerDetail register(RegisterVolunteer command, Actor actor) {
    policy.requireManage(actor);
    Volunteer volunteer =
        Volunteer.register(
            command, new Checks(centers.choices(actor), actor, true), protector, clock.instant());
    save(volunteer);
    audit.recordWrite("volunteer.create", "volunteer", volunteer.volunteerId().toString());
    return views.detail(volunteer);
  }

  /**
   * Edits a volunteer in the actor's scope. An empty identity number or phone keeps the stored one
   * (see {@link Volunteer#edit}).
   */
  @Transactional
  public VolunteerDetail update(VolunteerId id, RegisterVolunteer command, Actor actor) {
    Volunteer volunteer = repository.visible(id.value(), policy.scope(actor));
    volunteer.edit(
        command, new Checks(centers.choices(actor), actor, true), protector, clock.instant());
    save(volunteer);
    audit.recordWrite("volunteer.update", "volunteer", id.toString());
    return views.detail(volunteer);
  }

  /**
   * What the rules find wrong with a volunteer's details, for a form that could not read every
   * field: registering one when {@code id} is null, else editing that one. Nothing is changed.
   */
  @Transactional(readOnly = true)
  public List<FieldProblem> problems(VolunteerId id, RegisterVolunteer command, Actor actor) {
    Checks checks = new Checks(centers.choices(actor), actor, true);
    if (id == null) {
      policy.requireManage(actor);
      return Volunteer.problems(command, checks, null);
    }
    return repository
        .visible(id.value(), policy.scope(actor))
        .editProblems(command, checks, protector);
  }

  /** The centers the actor may place volunteers at. */
  @Transactional(readOnly = true)
  public List<CenterView> centerChoices(Actor actor) {
    policy.requireManage(actor);
    return centers.choices(actor);
  }

  /** Counselor accounts in scope that no volunteer is linked to yet, plus the one given. */
  @Transactional(readOnly = true)
  public List<UserRef> accountChoices(Actor actor, UUID keep) {
    policy.requireManage(actor);
    return users.withRole(Role.COUNSELOR, actor.scope()).stream()
        .filter(u -> u.id().equals(keep) || queries.linkedTo(u.id()).isEmpty())
        .toList();
  }

  // ---- many at once: the import, the demo data -----------------------------------------

  /**
   * Checks one imported record as the form would, except for numbers registered already: the import
   * skips those rows instead of refusing them.
   */
  List<FieldProblem> importProblems(RegisterVolunteer command, Checks checks) {
    return Volunteer.problems(command, checks, null);
  }

  /** The checks of an import by this actor; made once per file. */
  Checks importChecks(Actor actor, List<CenterView> centerChoices) {
    return new Checks(centerChoices, actor, false);
  }

  /** The keyed hash under which an identity number is registered. */
  byte[] idHash(String normalisedId) {
    return protector.lookupHash(normalisedId);
  }

  /** Which of these identity numbers are registered already (hashes compared, never numbers). */
  Set<String> alreadyRegistered(Map<String, byte[]> hashesByNumber) {
    Set<String> registered = new HashSet<>();
    Set<String> existing =
        queries.existingHashes(hashesByNumber.values()).stream()
            .map(Arrays::toString)
            .collect(Collectors.toSet());
    hashesByNumber.forEach(
        (number, hash) -> {
          if (existing.contains(Arrays.toString(hash))) {
            registered.add(number);
          }
        });
    return registered;
  }

  /** Registers checked import rows in one batch: all or nothing with the caller's transaction. */
  @Transactional
  int registerChecked(List<RegisterVolunteer> commands, Actor actor) {
    policy.requireManage(actor);
    List<Volunteer> created = registerAll(commands, centers.choices(actor), actor);
    audit.recordWrite("volunteer.import", "volunteer", created.size() + " rows");
    return created.size();
  }

  /**
   * Registers new volunteers at any of {@code centerChoices} in one JDBC batch, for the system (the
   * demo data, the benchmark): no actor, their numbers known to be new.
   */
  @Transactional
  List<Volunteer> registerAll(List<RegisterVolunteer> commands, List<CenterView> centerChoices) {
    return registerAll(commands, centerChoices, null);
  }

  private List<Volunteer> registerAll(
      List<RegisterVolunteer> commands, List<CenterView> centerChoices, Actor actor) {
    Checks checks = new Checks(centerChoices, actor, false);
    Instant now = clock.instant();
    List<Volunteer> volunteers = new ArrayList<>(commands.size());
    for (RegisterVolunteer c : commands) {
      volunteers.add(Volunteer.register(c, checks, protector, now));
    }
    if (!volunteers.isEmpty()) {
      repository.saveAll(volunteers);
    }
    return volunteers;
  }

  private void save(Volunteer volunteer) {
    try {
      repository.save(volunteer);
    } catch (DataAccessException e) {
      // Two registrations of one number at the same moment: the unique index decides.
      if (causedByDuplicateKey(e)) {
        throw DomainException.of("idNumber", "volunteer.idNumber.taken");
      }
      throw e;
    }
  }

  private static boolean causedByDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DuplicateKeyException) {
        return true;
      }
    }
    return false;
  }

  /**
   * What the rules ask of the database and the actor. Without an actor (the system) every account
   * may be linked; without {@code checkNumbers} (the import, which skips numbers registered
   * already, and the system) no number counts as taken.
   */
  final class Checks implements Volunteer.Circumstances {

    private final LocalDate today = LocalDate.now(clock);
    private final Set<String> activeSpecialities = dictionary.activeCodes();
    private final Map<UUID, String> regionPathByCenter = new HashMap<>();
    private final Set<UUID> closedCenters = new java.util.HashSet<>();
    private final Actor actor;
    private final boolean checkNumbers;

    Checks(List<CenterView> centerChoices, Actor actor, boolean checkNumbers) {
      centerChoices.forEach(c -> regionPathByCenter.put(c.id().value(), c.regionPath()));
      centerChoices.stream()
          .filter(c -> c.status() == CenterStatus.CLOSED)
          .forEach(c -> closedCenters.add(c.id().value()));
      this.actor = actor;
      this.checkNumbers = checkNumbers;
    }

    @Override
    public LocalDate today() {
      return today;
    }

    @Override
    public Set<String> activeSpecialities() {
      return activeSpecialities;
    }

    @Override
    public Optional<String> placeableCenter(UUID centerId) {
      return Optional.ofNullable(regionPathByCenter.get(centerId));
    }

    @Override
    public boolean centerClosed(UUID centerId) {
      return closedCenters.contains(centerId);
    }

    @Override
    public boolean accountAvailable(UUID userId, UUID self) {
      if (actor == null) {
        return true;
      }
      Optional<UserRef> account = users.find(userId);
      boolean fits =
          account.isPresent()
              && account.get().role() == Role.COUNSELOR
              && account.get().enabled()
              && actor.scope().covers(account.get().regionPath());
      Optional<UUID> linked = queries.linkedTo(userId);
      return fits && (linked.isEmpty() || linked.get().equals(self));
    }

    @Override
    public boolean idNumberHeldByAnother(String idNumber, UUID self) {
      if (!checkNumbers) {
        return false;
      }
      Optional<UUID> holder = queries.holderOf(protector.lookupHash(idNumber));
      return holder.isPresent() && !holder.get().equals(self);
    }
  }
}

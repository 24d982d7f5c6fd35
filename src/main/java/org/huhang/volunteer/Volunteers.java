package org.huhang.volunteer;

import java.time.Clock;
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
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.huhang.audit.AuditTrail;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.region.RegionLevel;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Paged;
import org.huhang.shared.Role;
import org.huhang.shared.person.Masking;
import org.huhang.shared.person.PersonalDataProtector;
import org.huhang.shared.person.PhoneNumber;
import org.huhang.shared.text.ChineseNames;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The volunteer module's API. Administrators see the volunteers of their scope, a center manager
 * those of its centers; other roles see none. Identity numbers and phones leave this class masked,
 * except through {@link #reveal}, which is audited.
 */
@Service
public class Volunteers {

  /**
   * Lists count their matches up to these many; past it they say "more than 1000 (200), narrow the
   * search". Counting tens of thousands of rows, or checking every name's keys for one letter,
   * would cost more than the page itself and tells the user nothing more.
   */
  static final int COUNT_CAP = 1000;

  static final int COUNT_CAP_BY_NAME = 200;

  private final VolunteerRepository repository;
  private final Centers centers;
  private final Regions regions;
  private final Users users;
  private final PersonalDataProtector protector;
  private final AuditTrail audit;
  private final Clock clock;

  Volunteers(
      VolunteerRepository repository,
      Centers centers,
      Regions regions,
      Users users,
      PersonalDataProtector protector,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.centers = centers;
    this.regions = regions;
    this.users = users;
    this.protector = protector;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether a role works with volunteer records at all. */
  public static boolean mayManage(Actor actor) {
    return actor.role().isAdministrator() || actor.is(Role.CENTER_MANAGER);
  }

  @Transactional(readOnly = true)
  public Paged<VolunteerSummary> search(VolunteerSearch search, Actor actor) {
    requireAccess(actor);
    int page = Paged.clampPage(search.page());
    int size = Paged.clampSize(search.size());
    Optional<VolunteerRepository.Filter> filter = filter(search, actor);
    if (filter.isEmpty()) {
      return new Paged<>(List.of(), page, size, 0);
    }
    int cap = filter.get().key() != null ? COUNT_CAP_BY_NAME : COUNT_CAP;
    long total = repository.count(filter.get(), cap + 1);
    Map<UUID, String> centerNames = centerNames(actor);
    List<VolunteerSummary> items =
        repository.search(filter.get(), search.sort(), size, (long) page * size).stream()
            .map(r -> summary(r, centerNames))
            .toList();
    return total > cap
        ? new Paged<>(items, page, size, cap, true)
        : new Paged<>(items, page, size, total);
  }

  /** Every volunteer matching the search, page by page, for the export. */
  @Transactional(readOnly = true)
  public void forEachMatch(
      VolunteerSearch search, Actor actor, Consumer<VolunteerSummary> consumer) {
    requireAccess(actor);
    Optional<VolunteerRepository.Filter> filter = filter(search, actor);
    if (filter.isEmpty()) {
      return;
    }
    Map<UUID, String> centerNames = centerNames(actor);
    int batch = 1000;
    for (long offset = 0; ; offset += batch) {
      List<VolunteerRepository.Row> rows =
          repository.search(filter.get(), search.sort(), batch, offset);
      rows.forEach(r -> consumer.accept(summary(r, centerNames)));
      if (rows.size() < batch) {
        return;
      }
    }
  }

  @Transactional(readOnly = true)
  public VolunteerDetail get(UUID id, Actor actor) {
    return detail(visible(id, actor));
  }

  /** The whole identity number and phone, for those entitled; the read is audited. */
  @Transactional
  public RevealedContact reveal(UUID id, Actor actor) {
    VolunteerRepository.Row row = visible(id, actor);
    if (!mayReveal(row.regionPath(), actor)) {
      throw new ForbiddenException("may not see the whole number");
    }
    audit.recordSensitiveRead("volunteer", id.toString());
    return new RevealedContact(
        protector.decrypt(row.idNumberCipher()), protector.decrypt(row.phoneCipher()));
  }

  /** The city administrator, and the administrator of the volunteer's own county. */
  public boolean mayReveal(String regionPath, Actor actor) {
    return actor.is(Role.CITY_ADMIN)
        || (actor.is(Role.COUNTY_ADMIN) && actor.scope().covers(regionPath));
  }

  @Transactional
  public VolunteerDetail register(RegisterVolunteer command, Actor actor) {
    requireAccess(actor);
    VolunteerRepository.Row row = prepare(UUID.randomUUID(), command, actor, null);
    try {
      repository.insertAll(List.of(row), clock.instant());
    } catch (DuplicateKeyException e) {
      throw DomainException.of("idNumber", "volunteer.idNumber.taken");
    }
    audit.recordWrite("volunteer.create", "volunteer", row.id().toString());
    return detail(row);
  }

  /**
   * Edits a volunteer. An empty identity number or phone keeps the stored one: the page never holds
   * them whole, so it cannot send them back.
   */
  @Transactional
  public VolunteerDetail update(UUID id, RegisterVolunteer command, Actor actor) {
    VolunteerRepository.Row current = visible(id, actor);
    boolean keepId = command.idNumber() == null || command.idNumber().isBlank();
    boolean keepPhone = command.phone() == null || command.phone().isBlank();
    RegisterVolunteer effective =
        new RegisterVolunteer(
            command.name(),
            command.gender(),
            command.birthDate(),
            keepId ? protector.decrypt(current.idNumberCipher()) : command.idNumber(),
            keepPhone ? protector.decrypt(current.phoneCipher()) : command.phone(),
            command.background(),
            command.specialities(),
            command.dialects(),
            command.availability(),
            command.centerId(),
            command.status(),
            command.joinedOn(),
            command.userId());
    VolunteerRepository.Row row = prepare(id, effective, actor, id);
    try {
      repository.update(row, clock.instant());
    } catch (DuplicateKeyException e) {
      throw DomainException.of("idNumber", "volunteer.idNumber.taken");
    }
    audit.recordWrite("volunteer.update", "volunteer", id.toString());
    return detail(row);
  }

  @Transactional
  public Qualification addQualification(UUID volunteerId, AddQualification command, Actor actor) {
    visible(volunteerId, actor);
    Qualification q =
        new Qualification(
            UUID.randomUUID(),
            command.type().strip(),
            command.number().strip(),
            command.issuer().strip(),
            command.expiresOn());
    repository.insertQualification(volunteerId, q);
    audit.recordWrite("volunteer.qualification", "volunteer", volunteerId.toString());
    return q;
  }

  @Transactional
  public HoursEntry logHours(UUID volunteerId, LogHours command, Actor actor) {
    visible(volunteerId, actor);
    if (command.workedOn().isAfter(LocalDate.now(clock))) {
      throw DomainException.of("workedOn", "hours.workedOn.future");
    }
    HoursEntry entry =
        new HoursEntry(
            UUID.randomUUID(),
            command.kind(),
            command.workedOn(),
            command.hours(),
            command.description().strip());
    repository.insertHours(volunteerId, entry, actor.username(), clock.instant());
    audit.recordWrite("volunteer.hours", "volunteer", volunteerId.toString());
    return entry;
  }

  /** Certificates of volunteers in the actor's care that expire within the next {@code days}. */
  @Transactional(readOnly = true)
  public List<ExpiringQualification> expiringQualifications(Actor actor, int days) {
    if (!mayManage(actor)) {
      return List.of();
    }
    List<UUID> only = actor.is(Role.CENTER_MANAGER) ? centers.managedBy(actor.userId()) : null;
    if (only != null && only.isEmpty()) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock);
    return repository.expiring(actor.scope().likePattern(), only, today, today.plusDays(days));
  }

  @Transactional(readOnly = true)
  public List<Speciality> specialities() {
    return repository.specialities();
  }

  @Transactional
  public void addSpeciality(String code, String nameZh, String nameEn, Actor actor) {
    if (!actor.is(Role.CITY_ADMIN)) {
      throw new ForbiddenException("city administrators maintain the dictionary");
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (code == null || !code.strip().matches("[A-Z][A-Z0-9_]{1,39}")) {
      problems.add(new FieldProblem("code", "speciality.code.pattern", new Object[0]));
    }
    if (nameZh == null || nameZh.isBlank() || nameZh.strip().length() > 50) {
      problems.add(new FieldProblem("nameZh", "speciality.name.required", new Object[0]));
    }
    if (nameEn == null || nameEn.isBlank() || nameEn.strip().length() > 80) {
      problems.add(new FieldProblem("nameEn", "speciality.name.required", new Object[0]));
    }
    if (problems.isEmpty()) {
      boolean taken =
          repository.specialities().stream()
              .anyMatch(s -> s.code().equals(code.strip()) || s.nameZh().equals(nameZh.strip()));
      if (taken) {
        problems.add(new FieldProblem("code", "speciality.taken", new Object[0]));
      }
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    repository.insertSpeciality(new Speciality(code.strip(), nameZh.strip(), nameEn.strip(), true));
    audit.recordWrite("speciality.create", "speciality", code.strip());
  }

  @Transactional
  public void setSpecialityActive(String code, boolean active, Actor actor) {
    if (!actor.is(Role.CITY_ADMIN)) {
      throw new ForbiddenException("city administrators maintain the dictionary");
    }
    repository.setSpecialityActive(code, active);
    audit.recordWrite(active ? "speciality.enable" : "speciality.disable", "speciality", code);
  }

  /** The centers the actor may place volunteers at. */
  @Transactional(readOnly = true)
  public List<CenterView> centerChoices(Actor actor) {
    return centers.choices(actor);
  }

  /** Counselor accounts in scope that no volunteer is linked to yet, plus the one given. */
  @Transactional(readOnly = true)
  public List<UserRef> accountChoices(Actor actor, UUID keep) {
    return users.withRole(Role.COUNSELOR, actor.scope()).stream()
        .filter(u -> u.id().equals(keep) || repository.findByUser(u.id()).isEmpty())
        .toList();
  }

  // ---- import support -------------------------------------------------------------------

  /** The keyed hash under which an identity number is registered. */
  byte[] idHash(String normalisedId) {
    return protector.lookupHash(normalisedId);
  }

  /** Which of these identity numbers are registered already (hashes compared, never numbers). */
  Set<String> alreadyRegistered(Map<String, byte[]> hashesByNumber) {
    Set<String> registered = new HashSet<>();
    Set<String> existing =
        repository.existingHashes(hashesByNumber.values()).stream()
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

  /** Checks one imported record as the form would; the problems name the form's fields. */
  List<FieldProblem> check(RegisterVolunteer command, Actor actor, List<CenterView> centerChoices) {
    List<FieldProblem> problems =
        new ArrayList<>(VolunteerRules.check(command, LocalDate.now(clock), activeSpecialities()));
    if (command.centerId() != null
        && centerChoices.stream().noneMatch(c -> c.id().equals(command.centerId()))) {
      problems.add(new FieldProblem("centerId", "volunteer.center.outOfScope", new Object[0]));
    }
    return problems;
  }

  /** Inserts checked records in one batch: all or nothing with the caller's transaction. */
  @Transactional
  int insertChecked(List<RegisterVolunteer> commands, Actor actor) {
    requireAccess(actor);
    List<UUID> ids = insertSealed(commands, centers.choices(actor));
    audit.recordWrite("volunteer.import", "volunteer", ids.size() + " rows");
    return ids.size();
  }

  /** Seals and inserts records whose centers are among {@code centerChoices}; returns their ids. */
  @Transactional
  List<UUID> insertSealed(List<RegisterVolunteer> commands, List<CenterView> centerChoices) {
    Map<UUID, CenterView> centerById = new HashMap<>();
    centerChoices.forEach(c -> centerById.put(c.id(), c));
    List<VolunteerRepository.Row> rows = new ArrayList<>();
    for (RegisterVolunteer c : commands) {
      VolunteerRepository.Row row = seal(UUID.randomUUID(), c, centerById.get(c.centerId()));
      rows.add(row);
    }
    repository.insertAll(rows, clock.instant());
    return rows.stream().map(VolunteerRepository.Row::id).toList();
  }

  // ---- internals ------------------------------------------------------------------------

  private VolunteerRepository.Row prepare(
      UUID id, RegisterVolunteer command, Actor actor, UUID self) {
    List<FieldProblem> problems =
        new ArrayList<>(VolunteerRules.check(command, LocalDate.now(clock), activeSpecialities()));
    CenterView center =
        command.centerId() == null
            ? null
            : centers.choices(actor).stream()
                .filter(c -> c.id().equals(command.centerId()))
                .findFirst()
                .orElse(null);
    if (command.centerId() != null && center == null) {
      problems.add(new FieldProblem("centerId", "volunteer.center.outOfScope", new Object[0]));
    }
    if (command.userId() != null) {
      Optional<UserRef> account = users.find(command.userId());
      boolean fits =
          account.isPresent()
              && account.get().role() == Role.COUNSELOR
              && account.get().enabled()
              && actor.scope().covers(account.get().regionPath());
      Optional<UUID> linked = repository.findByUser(command.userId());
      if (!fits || (linked.isPresent() && !linked.get().equals(self))) {
        problems.add(new FieldProblem("userId", "volunteer.account.invalid", new Object[0]));
      }
    }
    if (problems.stream().noneMatch(p -> "idNumber".equals(p.field()))) {
      String normalised = command.idNumber().toUpperCase(java.util.Locale.ROOT);
      Optional<UUID> holder = repository.findByIdNumberHash(protector.lookupHash(normalised));
      if (holder.isPresent() && !holder.get().equals(self)) {
        problems.add(new FieldProblem("idNumber", "volunteer.idNumber.taken", new Object[0]));
      }
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    return seal(id, command, center);
  }

  private VolunteerRepository.Row seal(UUID id, RegisterVolunteer c, CenterView center) {
    String idNumber = c.idNumber().toUpperCase(java.util.Locale.ROOT);
    String phone = PhoneNumber.parse(c.phone()).map(PhoneNumber::value).orElseThrow();
    return new VolunteerRepository.Row(
        id,
        c.name(),
        ChineseNames.sortKey(c.name()),
        List.copyOf(ChineseNames.searchKeys(c.name())),
        c.gender(),
        c.birthDate(),
        protector.encrypt(idNumber),
        protector.lookupHash(idNumber),
        Masking.idNumber(idNumber),
        protector.encrypt(phone),
        Masking.phone(phone),
        c.background(),
        c.specialities(),
        c.dialectList(),
        HalfDay.toBits(Set.copyOf(c.availability())),
        center.id(),
        center.regionPath(),
        c.status(),
        c.joinedOn(),
        c.userId());
  }

  private Set<String> activeSpecialities() {
    return repository.specialities().stream()
        .filter(Speciality::active)
        .map(Speciality::code)
        .collect(Collectors.toSet());
  }

  private Optional<VolunteerRepository.Filter> filter(VolunteerSearch s, Actor actor) {
    List<UUID> only = null;
    if (actor.is(Role.CENTER_MANAGER)) {
      only = centers.managedBy(actor.userId());
      if (only.isEmpty()) {
        return Optional.empty();
      }
    }
    String key = null;
    if (s.q() != null) {
      key = ChineseNames.queryKey(s.q());
      if (key.isEmpty()) {
        return Optional.empty();
      }
    }
    String countyPattern = null;
    if (s.county() != null) {
      countyPattern =
          regions
              .find(s.county())
              .filter(r -> r.level() == RegionLevel.COUNTY && actor.scope().covers(r.path()))
              .map(r -> r.path() + "%")
              .orElse(null);
      if (countyPattern == null) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new VolunteerRepository.Filter(
            actor.scope().likePattern(),
            only,
            key,
            s.background() == null ? null : s.background().name(),
            s.speciality(),
            countyPattern,
            s.centerId(),
            s.status() == null ? null : s.status().name()));
  }

  private VolunteerRepository.Row visible(UUID id, Actor actor) {
    requireAccess(actor);
    VolunteerRepository.Row row =
        repository
            .find(id)
            .filter(r -> actor.scope().covers(r.regionPath()))
            .orElseThrow(() -> new NotFoundException("volunteer"));
    if (actor.is(Role.CENTER_MANAGER)
        && !centers.managedBy(actor.userId()).contains(row.centerId())) {
      throw new NotFoundException("volunteer");
    }
    return row;
  }

  private static void requireAccess(Actor actor) {
    if (!mayManage(actor)) {
      throw new ForbiddenException("volunteer records are for administrators and center managers");
    }
  }

  private Map<UUID, String> centerNames(Actor actor) {
    Map<UUID, String> names = new HashMap<>();
    centers.choices(actor).forEach(c -> names.put(c.id(), c.name()));
    return names;
  }

  private VolunteerSummary summary(VolunteerRepository.Row r, Map<UUID, String> centerNames) {
    return new VolunteerSummary(
        r.id(),
        r.name(),
        r.gender(),
        r.idNumberMasked(),
        r.phoneMasked(),
        r.background(),
        r.centerId(),
        centerNames.getOrDefault(r.centerId(), ""),
        r.status(),
        r.joinedOn());
  }

  private VolunteerDetail detail(VolunteerRepository.Row r) {
    var totals = repository.hourTotals(r.id());
    return new VolunteerDetail(
        r.id(),
        r.name(),
        r.gender(),
        r.birthDate(),
        r.idNumberMasked(),
        r.phoneMasked(),
        r.background(),
        r.specialities(),
        r.dialects(),
        HalfDay.fromBits(r.availability()),
        r.centerId(),
        centers.find(r.centerId()).map(CenterView::name).orElse(""),
        r.regionPath(),
        r.status(),
        r.joinedOn(),
        r.userId(),
        users.find(r.userId()).map(UserRef::username).orElse(null),
        repository.qualifications(r.id()),
        totals.get(HoursKind.SERVICE),
        totals.get(HoursKind.TRAINING),
        repository.recentHours(r.id(), 20));
  }
}

package org.huhang.center;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.audit.AuditTrail;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Paged;
import org.huhang.shared.Role;
import org.huhang.shared.person.PhoneNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The center module's API. Administrators manage the centers of their scope; a center manager sees
 * and edits only the centers it runs; everyone else reads the centers of its scope.
 */
@Service
public class Centers {

  private final CenterRepository repository;
  private final Regions regions;
  private final Users users;
  private final AuditTrail audit;
  private final Clock clock;
  private final List<CenterUsage> usages;

  Centers(
      CenterRepository repository,
      Regions regions,
      Users users,
      AuditTrail audit,
      Clock clock,
      List<CenterUsage> usages) {
    this.repository = repository;
    this.regions = regions;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.usages = usages;
  }

  /**
   * Deletes a center entered by mistake. A center that still has volunteers (or other records) is
   * refused: close it instead, so that its history stays.
   */
  @Transactional
  public void delete(UUID id, Actor actor) {
    if (!actor.role().isAdministrator()) {
      throw new ForbiddenException("administrators only");
    }
    visible(id, actor);
    long inUse = usages.stream().mapToLong(u -> u.countAt(id)).sum();
    if (inUse > 0) {
      throw DomainException.of(null, "center.delete.inUse", inUse);
    }
    repository.delete(id);
    audit.recordWrite("center.delete", "center", id.toString());
  }

  @Transactional(readOnly = true)
  public Paged<CenterView> search(CenterSearch search, Actor actor) {
    int page = Paged.clampPage(search.page());
    int size = Paged.clampSize(search.size());
    String scope = actor.scope().likePattern();
    UUID manager = actor.is(Role.CENTER_MANAGER) ? actor.userId() : null;
    long total = repository.count(scope, manager, search);
    List<CenterView> items =
        repository.search(scope, manager, search, size, (long) page * size).stream()
            .map(this::view)
            .toList();
    return new Paged<>(items, page, size, total);
  }

  @Transactional(readOnly = true)
  public CenterView get(UUID id, Actor actor) {
    return view(visible(id, actor));
  }

  /** Any center by id, regardless of scope: for modules that hold a center id. */
  @Transactional(readOnly = true)
  public Optional<CenterView> find(UUID id) {
    return id == null ? Optional.empty() : repository.find(id).map(this::view);
  }

  /** The centers an actor may assign people to: its own as a manager, its scope otherwise. */
  @Transactional(readOnly = true)
  public List<CenterView> choices(Actor actor) {
    List<CenterRepository.Row> rows =
        actor.is(Role.CENTER_MANAGER)
            ? repository.managedBy(actor.userId())
            : repository.inScope(actor.scope().likePattern());
    return rows.stream().map(this::view).toList();
  }

  /** Every center, regardless of scope: for system work such as the demo data. */
  @Transactional(readOnly = true)
  public List<CenterView> all() {
    return repository.inScope("%").stream().map(this::view).toList();
  }

  /** Ids of the centers a user runs. */
  @Transactional(readOnly = true)
  public List<UUID> managedBy(UUID userId) {
    return repository.managedBy(userId).stream().map(CenterRepository.Row::id).toList();
  }

  /** Whether an actor may edit the center: an administrator of its scope, or its manager. */
  public boolean mayEdit(CenterView center, Actor actor) {
    return (actor.role().isAdministrator() && actor.scope().covers(center.regionPath()))
        || (actor.is(Role.CENTER_MANAGER) && actor.userId().equals(center.managerId()));
  }

  @Transactional
  public CenterView create(SaveCenter command, Actor actor) {
    if (!actor.role().isAdministrator()) {
      throw new ForbiddenException("administrators only");
    }
    List<FieldProblem> problems = new ArrayList<>();
    RegionView region =
        regions.find(command.regionCode()).filter(r -> actor.scope().covers(r.path())).orElse(null);
    if (region == null) {
      problems.add(
          new FieldProblem(
              "regionCode", "center.regionCode.outOfScope", new Object[] {command.regionCode()}));
    }
    validate(command, region == null ? actor.regionPath() : region.path(), null, problems);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    CenterRepository.Row row =
        new CenterRepository.Row(
            UUID.randomUUID(),
            command.kind(),
            command.name(),
            region.code(),
            region.path(),
            command.address(),
            normalisedPhone(command.phone()),
            command.openingHours(),
            command.capacity(),
            command.managerId(),
            command.status());
    try {
      repository.insert(row, clock.instant());
    } catch (DuplicateKeyException e) {
      throw DomainException.of("name", "center.name.taken", command.name());
    }
    audit.recordWrite("center.create", "center", row.id().toString());
    return view(row);
  }

  @Transactional
  public CenterView update(UUID id, SaveCenter command, Actor actor) {
    CenterRepository.Row current = visible(id, actor);
    CenterView currentView = view(current);
    if (!mayEdit(currentView, actor)) {
      throw new ForbiddenException("not this center");
    }
    // A manager runs the center but does not appoint its manager.
    UUID manager = actor.role().isAdministrator() ? command.managerId() : current.managerId();
    List<FieldProblem> problems = new ArrayList<>();
    if (!current.regionCode().equals(command.regionCode())) {
      problems.add(new FieldProblem("regionCode", "center.regionCode.fixed", new Object[0]));
    }
    validate(
        new SaveCenter(
            command.kind(),
            command.name(),
            current.regionCode(),
            command.address(),
            command.phone(),
            command.openingHours(),
            command.capacity(),
            manager,
            command.status()),
        current.regionPath(),
        id,
        problems);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    CenterRepository.Row row =
        new CenterRepository.Row(
            id,
            command.kind(),
            command.name(),
            current.regionCode(),
            current.regionPath(),
            command.address(),
            normalisedPhone(command.phone()),
            command.openingHours(),
            command.capacity(),
            manager,
            command.status());
    repository.update(row, clock.instant());
    audit.recordWrite("center.update", "center", id.toString());
    return view(row);
  }

  private void validate(
      SaveCenter command, String regionPath, UUID self, List<FieldProblem> problems) {
    PhoneNumber.check(command.phone(), false)
        .ifPresent(p -> problems.add(new FieldProblem("phone", p.messageKey(), new Object[0])));
    if (command.managerId() != null) {
      Optional<UserRef> manager = users.find(command.managerId());
      if (manager.isEmpty()
          || manager.get().role() != Role.CENTER_MANAGER
          || !manager.get().enabled()
          || !regionPath.startsWith(manager.get().regionPath())) {
        problems.add(new FieldProblem("managerId", "center.manager.invalid", new Object[0]));
      }
    }
    if (command.regionCode() != null
        && repository.nameTaken(command.regionCode(), command.name(), self)) {
      problems.add(new FieldProblem("name", "center.name.taken", new Object[] {command.name()}));
    }
  }

  private static String normalisedPhone(String phone) {
    return phone == null || phone.isBlank()
        ? null
        : PhoneNumber.parse(phone).map(PhoneNumber::value).orElse(phone);
  }

  private CenterRepository.Row visible(UUID id, Actor actor) {
    return repository
        .find(id)
        .filter(r -> actor.scope().covers(r.regionPath()))
        .filter(r -> !actor.is(Role.CENTER_MANAGER) || actor.userId().equals(r.managerId()))
        .orElseThrow(() -> new NotFoundException("center"));
  }

  private CenterView view(CenterRepository.Row r) {
    String regionName = regions.find(r.regionCode()).map(RegionView::name).orElse(r.regionCode());
    String managerName = users.find(r.managerId()).map(UserRef::displayName).orElse(null);
    return new CenterView(
        r.id(),
        r.kind(),
        r.name(),
        r.regionCode(),
        regionName,
        r.regionPath(),
        r.address(),
        r.phone(),
        r.openingHours(),
        r.capacity(),
        r.managerId(),
        managerName,
        r.status());
  }

  /** Gives a center without a manager this manager (demo data). */
  @Transactional
  public void appointIfVacant(String regionCode, String name, UUID managerId) {
    repository.inScope(regions.find(regionCode).orElseThrow().path() + "%").stream()
        .filter(
            r ->
                r.regionCode().equals(regionCode) && r.name().equals(name) && r.managerId() == null)
        .findFirst()
        .ifPresent(
            r ->
                repository.update(
                    new CenterRepository.Row(
                        r.id(),
                        r.kind(),
                        r.name(),
                        r.regionCode(),
                        r.regionPath(),
                        r.address(),
                        r.phone(),
                        r.openingHours(),
                        r.capacity(),
                        managerId,
                        r.status()),
                    clock.instant()));
  }

  /** Creates a center for the system (demo data); idempotent by region and name. */
  @Transactional
  public CenterView ensure(
      CenterKind kind,
      String name,
      String regionCode,
      String address,
      String phone,
      String hours,
      int capacity) {
    RegionView region = regions.find(regionCode).orElseThrow(() -> new NotFoundException("region"));
    return repository.inScope(region.path() + "%").stream()
        .filter(r -> r.regionCode().equals(regionCode) && r.name().equals(name))
        .findFirst()
        .map(this::view)
        .orElseGet(
            () -> {
              CenterRepository.Row row =
                  new CenterRepository.Row(
                      UUID.randomUUID(),
                      kind,
                      name,
                      region.code(),
                      region.path(),
                      address,
                      normalisedPhone(phone),
                      hours,
                      capacity,
                      null,
                      CenterStatus.OPEN);
              repository.insert(row, clock.instant());
              return view(row);
            });
  }
}

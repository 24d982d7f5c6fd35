package org.huhang.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.huhang.audit.AuditTrail;
import org.huhang.identity.internal.IdentityPolicy;
import org.huhang.identity.internal.PasswordAttempts;
import org.huhang.identity.internal.PasswordPolicy;
import org.huhang.identity.internal.UserRepository;
import org.huhang.identity.internal.UserRow;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.DataScope;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Paged;
import org.huhang.shared.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's API: user accounts within the administrator's scope, never with a role
 * above the administrator's own.
 */
@Service
public class Users {

  private final UserRepository repository;
  private final Regions regions;
  private final PasswordEncoder passwordEncoder;
  private final AuditTrail audit;
  private final Clock clock;
  private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
  private final PasswordAttempts attempts;
  private final org.huhang.identity.internal.ApiTokenAuthenticator apiTokens;

  Users(
      UserRepository repository,
      Regions regions,
      PasswordEncoder passwordEncoder,
      AuditTrail audit,
      Clock clock,
      ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
      PasswordAttempts attempts,
      org.huhang.identity.internal.ApiTokenAuthenticator apiTokens) {
    this.repository = repository;
    this.regions = regions;
    this.passwordEncoder = passwordEncoder;
    this.audit = audit;
    this.clock = clock;
    this.sessions = sessions;
    this.attempts = attempts;
    this.apiTokens = apiTokens;
  }

  /**
   * One page of the users in scope. No transaction around it: the page and its (capped) count are
   * two statements, and a user added between them changes a total that a list shows as it is.
   */
  public Paged<UserView> search(UserSearch search, Actor actor) {
    IdentityPolicy.requireUserManager(actor);
    int page = Paged.clampPage(search.page());
    int size = Paged.clampSize(search.size());
    String scope = actor.scope().likePattern();
    List<UserRow> rows =
        repository.searchInScope(scope, search.q(), search.role(), size, (long) page * size);
    Map<String, String> regionNames =
        regions.names(rows.stream().map(UserRow::regionCode).collect(Collectors.toSet()));
    List<UserView> items = rows.stream().map(row -> view(row, regionNames)).toList();
    return Paged.counted(
        items,
        page,
        size,
        limit -> repository.countInScope(scope, search.q(), search.role(), limit));
  }

  /** Users by id, in one query, for a list that names many (the managers of the centers). */
  @Transactional(readOnly = true)
  public Map<UUID, UserRef> findAll(java.util.Collection<UUID> ids) {
    return ids.isEmpty()
        ? Map.of()
        : repository.findAllById(ids).stream()
            .collect(Collectors.toMap(UserRow::id, Users::ref, (a, b) -> a));
  }

  /** Any user by id, for modules that hold a user id (a center manager, a volunteer account). */
  @Transactional(readOnly = true)
  public Optional<UserRef> find(UUID id) {
    return id == null ? Optional.empty() : repository.findById(id).map(Users::ref);
  }

  @Transactional(readOnly = true)
  public Optional<UserRef> findByUsername(String username) {
    return repository.findByUsername(username).map(Users::ref);
  }

  /** Enabled users of one role inside the scope, for choosing a center manager or an account. */
  @Transactional(readOnly = true)
  public List<UserRef> withRole(Role role, DataScope scope) {
    return repository.searchInScope(scope.likePattern(), null, role, 500, 0).stream()
        .filter(UserRow::enabled)
        .map(Users::ref)
        .toList();
  }

  private static UserRef ref(UserRow r) {
    return new UserRef(
        r.id(), r.username(), r.displayName(), r.role(), r.regionPath(), r.enabled());
  }

  /** A user in the actor's scope; anything else answers 404. */
  @Transactional(readOnly = true)
  public UserView get(UUID id, Actor actor) {
    IdentityPolicy.requireUserManager(actor);
    return view(inScope(id, actor));
  }

  @Transactional
  public UserView create(CreateUser command, Actor actor) {
    List<FieldProblem> problems = problems(command, actor);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    RegionView region = regions.find(command.regionCode()).orElseThrow();
    UserRow row =
        new UserRow(
            UUID.randomUUID(),
            command.username(),
            command.displayName(),
            passwordEncoder.encode(command.password()),
            command.role(),
            region.code(),
            region.path(),
            true,
            clock.instant());
    return insert(row, command, actor);
  }

  /**
   * Every problem creating this account would meet, creating nothing: a form with a field that
   * could not be read still shows the rules' problems of the others at once.
   */
  @Transactional(readOnly = true)
  public List<FieldProblem> problems(CreateUser command, Actor actor) {
    IdentityPolicy.requireUserManager(actor);
    List<FieldProblem> problems = new ArrayList<>();
    if (command.role() == null) {
      problems.add(new FieldProblem("role", "user.role.required", new Object[0]));
    } else if (!actor.role().mayGrant(command.role())) {
      problems.add(new FieldProblem("role", "user.role.aboveOwn", new Object[0]));
    }
    RegionView region =
        regions
            .find(command.regionCode())
            .filter(r -> actor.scope().covers(r.path()) && !r.closed())
            .orElse(null);
    if (region == null) {
      problems.add(
          new FieldProblem(
              "regionCode", "user.regionCode.outOfScope", new Object[] {command.regionCode()}));
    } else if (command.role() != null && !IdentityPolicy.mayPlace(command.role(), region.level())) {
      problems.add(
          new FieldProblem("regionCode", "user.regionCode.cityAdminAtCity", new Object[0]));
    }
    PasswordPolicy.check("password", command.username(), command.password())
        .ifPresent(problems::add);
    if (command.username() != null && repository.findByUsername(command.username()).isPresent()) {
      problems.add(
          new FieldProblem("username", "user.username.taken", new Object[] {command.username()}));
    }
    return problems;
  }

  private UserView insert(UserRow row, CreateUser command, Actor actor) {
    try {
      repository.insert(row, actor.username());
    } catch (DuplicateKeyException e) {
      throw DomainException.of("username", "user.username.taken", command.username());
    }
    audit.recordWrite("user.create", "user", row.id().toString());
    return view(row);
  }

  /** Disables or re-enables an account; disabling also ends its open sessions. */
  @Transactional
  public UserView setEnabled(UUID id, boolean enabled, Actor actor) {
    UserRow row = mayChangeState(id, actor);
    repository.setEnabled(id, enabled);
    audit.recordWrite(enabled ? "user.enable" : "user.disable", "user", id.toString());
    if (!enabled) {
      endSessions(row.username());
      // Its API tokens stop at once too (see ApiTokenAuthenticator for other instances).
      apiTokens.forgetUser(id);
    }
    return view(repository.findById(id).orElseThrow());
  }

  /** The user the actor may disable, for the page that asks before it does. */
  @Transactional(readOnly = true)
  public UserView mayDisable(UUID id, Actor actor) {
    return view(mayChangeState(id, actor));
  }

  private UserRow mayChangeState(UUID id, Actor actor) {
    IdentityPolicy.requireUserManager(actor);
    UserRow row = inScope(id, actor);
    if (row.id().equals(actor.userId())) {
      throw DomainException.of(null, "user.disable.self");
    }
    IdentityPolicy.requireMayGrant(actor, row.role());
    return row;
  }

  /**
   * The user changes its own password; its other sessions end, the one given (the session the
   * change is made in) stays. Wrong current passwords are limited by {@link PasswordAttempts}.
   */
  @Transactional
  public void changeOwnPassword(ChangePassword command, Actor actor, String keepSessionId) {
    UserRow row =
        repository.findById(actor.userId()).orElseThrow(() -> new NotFoundException("user"));
    long minutes = attempts.minutesBlocked(row.id());
    if (minutes > 0) {
      throw DomainException.of("currentPassword", "password.current.throttled", minutes);
    }
    if (!passwordEncoder.matches(command.currentPassword(), row.passwordHash())) {
      attempts.recordFailure(row.id());
      throw DomainException.of("currentPassword", "password.current.wrong");
    }
    if (!command.newPassword().equals(command.confirmPassword())) {
      throw DomainException.of("confirmPassword", "password.confirm.mismatch");
    }
    PasswordPolicy.check("newPassword", row.username(), command.newPassword())
        .ifPresent(
            p -> {
              throw new DomainException(List.of(p));
            });
    if (passwordEncoder.matches(command.newPassword(), row.passwordHash())) {
      throw DomainException.of("newPassword", "password.reused");
    }
    repository.setPassword(
        row.id(), passwordEncoder.encode(command.newPassword()), Timestamp.from(clock.instant()));
    audit.recordWrite("user.password", "user", row.id().toString());
    endSessions(row.username(), keepSessionId);
  }

  private UserRow inScope(UUID id, Actor actor) {
    return repository
        .findInScope(id, actor.scope().likePattern())
        .orElseThrow(() -> new NotFoundException("user"));
  }

  private void endSessions(String username) {
    endSessions(username, null);
  }

  /** Ends the user's sessions except the one named (null: all of them). */
  private void endSessions(String username, String keepSessionId) {
    FindByIndexNameSessionRepository<?> repo = sessions.getIfAvailable();
    if (repo != null) {
      repo.findByPrincipalName(username).keySet().stream()
          .filter(id -> !id.equals(keepSessionId))
          .forEach(repo::deleteById);
    }
  }

  private UserView view(UserRow row) {
    return view(
        row,
        Map.of(
            row.regionCode(),
            regions.find(row.regionCode()).map(RegionView::name).orElse(row.regionCode())));
  }

  private static UserView view(UserRow row, Map<String, String> regionNames) {
    String regionName = regionNames.getOrDefault(row.regionCode(), row.regionCode());
    return new UserView(
        row.id(),
        row.username(),
        row.displayName(),
        row.role(),
        row.regionCode(),
        regionName,
        row.enabled(),
        row.createdAt());
  }
}

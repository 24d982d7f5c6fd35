package org.huhang.region;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.huhang.audit.AuditTrail;
import org.huhang.region.internal.RegionCodeRules;
import org.huhang.region.internal.RegionPolicy;
import org.huhang.region.internal.RegionRepository;
import org.huhang.shared.Actor;
import org.huhang.shared.DataScope;
import org.huhang.shared.DomainException;
import org.huhang.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The region module's API: look up regions, show the tree in scope, add townships and villages. */
@Service
public class Regions {

  private final RegionRepository repository;
  private final AuditTrail audit;
  private final Clock clock;

  Regions(RegionRepository repository, AuditTrail audit, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
  }

  /** Any region, regardless of scope: for modules resolving a code they already hold. */
  @Transactional(readOnly = true)
  public Optional<RegionView> find(String code) {
    return code == null ? Optional.empty() : repository.find(code);
  }

  /**
   * The names of the regions of these codes (a list's rows), from memory when they were read in the
   * last {@link #NAMES_FRESH_MILLIS} ms, else in one query. Every list asked for them on every page
   * (issue 13). A rename clears them here once committed; another instance shows the old name for
   * at most that long.
   */
  public Map<String, String> names(java.util.Collection<String> codes) {
    if (codes.isEmpty()) {
      return Map.of();
    }
    long now = clock.millis();
    Map<String, String> found = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String code : codes) {
      CachedName cached = code == null ? null : nameCache.get(code);
      if (cached != null && now - cached.readAt() < NAMES_FRESH_MILLIS) {
        found.put(code, cached.name());
      } else if (code != null) {
        missing.add(code);
      }
    }
    if (!missing.isEmpty()) {
      if (nameCache.size() > NAMES_KEPT) {
        nameCache.clear();
      }
      repository
          .names(missing)
          .forEach(
              (code, name) -> {
                found.put(code, name);
                nameCache.put(code, new CachedName(name, now));
              });
    }
    return found;
  }

  static final long NAMES_FRESH_MILLIS = 30_000;
  private static final int NAMES_KEPT = 100_000;
  private final ConcurrentHashMap<String, CachedName> nameCache = new ConcurrentHashMap<>();

  private record CachedName(String name, long readAt) {}

  /** A region inside the scope; outside it answers as if it did not exist. */
  @Transactional(readOnly = true)
  public RegionView get(String code, DataScope scope) {
    return (code == null
            ? Optional.<RegionView>empty()
            : repository.findInScope(code, scope.likePattern()))
        .orElseThrow(() -> new NotFoundException("region"));
  }

  @Transactional(readOnly = true)
  public List<RegionView> children(String code, DataScope scope) {
    get(code, scope);
    return repository.children(code);
  }

  /** Every region in the scope, parents before children. */
  @Transactional(readOnly = true)
  public List<RegionView> inScope(DataScope scope) {
    return repository.findInScope(scope.likePattern());
  }

  /** The open regions in the scope, parents before children: what new users and centers use. */
  @Transactional(readOnly = true)
  public List<RegionView> openInScope(DataScope scope) {
    return repository.findInScope(scope.likePattern()).stream().filter(r -> !r.closed()).toList();
  }

  /** The tree rooted at the scope's region. */
  @Transactional(readOnly = true)
  public RegionNode tree(DataScope scope) {
    List<RegionView> rows = repository.findInScope(scope.likePattern());
    Map<String, List<RegionNode>> childrenOf = new LinkedHashMap<>();
    Map<String, RegionNode> nodes = new LinkedHashMap<>();
    for (RegionView row : rows) {
      List<RegionNode> children = new ArrayList<>();
      childrenOf.put(row.code(), children);
      RegionNode node = new RegionNode(row.code(), row.name(), row.level(), children);
      nodes.put(row.code(), node);
      List<RegionNode> siblings = childrenOf.get(row.parentCode());
      if (siblings != null) {
        siblings.add(node);
      }
    }
    return rows.isEmpty() ? null : nodes.get(rows.get(0).code());
  }

  /**
   * Adds a region below a parent unless it exists by code or by name (that one is returned then):
   * for data loaders acting for the system. The code rules apply as for an administrator.
   */
  @Transactional
  public RegionView ensure(String parentCode, String code, String name) {
    Optional<RegionView> existing = repository.find(code);
    if (existing.isPresent()) {
      return existing.get();
    }
    RegionView parent =
        repository.find(parentCode).orElseThrow(() -> new NotFoundException("region"));
    Optional<RegionView> sameName =
        repository.children(parentCode).stream().filter(r -> r.name().equals(name)).findFirst();
    if (sameName.isPresent()) {
      return sameName.get();
    }
    RegionCodeRules.checkChild(parent.code(), parent.level(), code)
        .ifPresent(
            p -> {
              throw new DomainException(List.of(p));
            });
    RegionLevel level = parent.level().childLevel().orElseThrow();
    RegionView region =
        new RegionView(code, parent.code(), name, level, parent.path() + code + "/");
    repository.insert(region);
    return region;
  }

  /** Adds a township or village below a region in the administrator's own scope. */
  @Transactional
  public RegionView add(AddRegion command, Actor actor) {
    RegionPolicy.requireRegionAdder(actor);
    RegionView parent = get(command.parentCode(), actor.scope());
    if (parent.closed()) {
      throw DomainException.of("code", "region.closed", parent.name());
    }
    RegionCodeRules.checkChild(parent.code(), parent.level(), command.code())
        .ifPresent(
            p -> {
              throw new DomainException(List.of(p));
            });
    if (repository.find(command.code()).isPresent()) {
      throw DomainException.of("code", "region.code.taken", command.code());
    }
    if (repository.siblingNamed(parent.code(), command.name())) {
      throw DomainException.of("name", "region.name.taken", command.name());
    }
    RegionLevel level = parent.level().childLevel().orElseThrow();
    RegionView region =
        new RegionView(
            command.code(),
            parent.code(),
            command.name(),
            level,
            parent.path() + command.code() + "/");
    try {
      repository.insert(region);
    } catch (DuplicateKeyException e) {
      // Two administrators adding the same code or name at once: the database has the last word.
      throw DomainException.of("code", "region.code.taken", command.code());
    }
    audit.recordWrite("region.create", "region", region.code());
    return region;
  }

  /**
   * Renames a township or village of the administrator's scope; the name follows the rules of
   * adding (required, at most 50 characters, unique among its siblings).
   */
  @Transactional
  public RegionView rename(String code, String name, Actor actor) {
    RegionView region = get(code, actor.scope());
    RegionPolicy.requireMayChange(actor, region);
    String newName = name == null ? "" : name.strip();
    if (newName.isEmpty()) {
      throw DomainException.of("name", "region.name.required");
    }
    if (newName.length() > 50) {
      throw DomainException.of("name", "region.name.size");
    }
    if (repository.otherSiblingNamed(region.parentCode(), region.code(), newName)) {
      throw DomainException.of("name", "region.name.taken", newName);
    }
    try {
      repository.rename(region.code(), newName);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              nameCache.clear();
            }
          });
    } catch (DuplicateKeyException e) {
      throw DomainException.of("name", "region.name.taken", newName);
    }
    audit.recordWrite("region.rename", "region", region.code());
    return get(code, actor.scope());
  }

  /**
   * Closes a township or village of the administrator's scope, with every region below it: they
   * stay in the tree, and the data that uses them stays; nothing new is placed there.
   */
  @Transactional
  public RegionView close(String code, Actor actor) {
    RegionView region = get(code, actor.scope());
    RegionPolicy.requireMayChange(actor, region);
    if (region.closed()) {
      throw DomainException.of(null, "region.closed", region.name());
    }
    repository.close(region.path(), clock.instant(), actor.username());
    audit.recordWrite("region.close", "region", region.code());
    return get(code, actor.scope());
  }
}

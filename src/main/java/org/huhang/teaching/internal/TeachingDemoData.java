package org.huhang.teaching.internal;

import java.util.Optional;
import org.huhang.casework.CaseSummary;
import org.huhang.casework.ClosedCases;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.DemoMode;
import org.huhang.shared.Role;
import org.huhang.teaching.TeachingCaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo teaching cases, by the managers' own hands through the library's services (nothing is
 * published by itself): 无棣县's manager drafts its closed demo case and approves it, so the library
 * has a case to search and attach; 博兴县's manager has drafted its one and not yet approved it, so a
 * draft waits to be read and edited. Only on demo data, only once.
 */
@Component
@Order(70)
class TeachingDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(TeachingDemoData.class);

  private final TeachingLibrary library;
  private final ClosedCases closedCases;
  private final Users users;
  private final Regions regions;
  private final JdbcClient jdbc;
  private final DemoMode demo;

  TeachingDemoData(
      TeachingLibrary library,
      ClosedCases closedCases,
      Users users,
      Regions regions,
      JdbcClient jdbc,
      DemoMode demo) {
    this.library = library;
    this.closedCases = closedCases;
    this.users = users;
    this.regions = regions;
    this.jdbc = jdbc;
    this.demo = demo;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!demo.enabled()
        || jdbc.sql("select exists (select 1 from teaching.teaching_case)")
            .query(Boolean.class)
            .single()) {
      return;
    }
    int drafted = 0;
    for (String[] m : new String[][] {{"manager-371623", "approve"}, {"manager-371625", "draft"}}) {
      Optional<Actor> manager = manager(m[0]);
      if (manager.isEmpty()) {
        continue;
      }
      Optional<CaseSummary> closed = closedCases.closed(manager.get(), 1).stream().findFirst();
      if (closed.isEmpty()) {
        continue;
      }
      TeachingCaseId id = library.draftFrom(closed.get().id(), manager.get());
      if (m[1].equals("approve")) {
        library.approve(id, manager.get());
      }
      drafted++;
    }
    log.info("{} demo teaching cases drafted", drafted);
  }

  private Optional<Actor> manager(String username) {
    return users
        .findByUsername(username)
        .filter(u -> u.role() == Role.CENTER_MANAGER)
        .flatMap(u -> region(u).map(r -> actor(u, r)));
  }

  private Optional<RegionView> region(UserRef u) {
    String path = u.regionPath().substring(0, u.regionPath().length() - 1);
    return regions.find(path.substring(path.lastIndexOf('/') + 1));
  }

  private static Actor actor(UserRef u, RegionView r) {
    return new Actor(u.id(), u.username(), u.displayName(), u.role(), r.code(), r.name(), r.path());
  }
}

package org.huhang.center.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.huhang.center.CenterId;
import org.huhang.center.CenterView;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.springframework.stereotype.Component;

/**
 * Turns a center into what pages, the API and other modules read: with region and manager names.
 */
@Component
class CenterViews {

  private final Regions regions;
  private final Users users;

  CenterViews(Regions regions, Users users) {
    this.regions = regions;
    this.users = users;
  }

  CenterView of(Center c) {
    return of(
        new CenterQueries.Row(
            c.getId(),
            c.kind(),
            c.name(),
            c.regionCode(),
            c.regionPath(),
            c.address(),
            c.phone(),
            c.openingHours(),
            c.capacity(),
            c.managerId(),
            c.status()));
  }

  CenterView of(CenterQueries.Row r) {
    String regionName = regions.find(r.regionCode()).map(RegionView::name).orElse(r.regionCode());
    String managerName = users.find(r.managerId()).map(UserRef::displayName).orElse(null);
    return of(r, regionName, managerName);
  }

  /** Many centers with their region and manager names, in one query each (not two per center). */
  List<CenterView> list(List<CenterQueries.Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, String> regionNames =
        regions.names(rows.stream().map(CenterQueries.Row::regionCode).collect(Collectors.toSet()));
    Map<UUID, UserRef> managers =
        users.findAll(
            rows.stream()
                .map(CenterQueries.Row::managerId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
    return rows.stream()
        .map(
            r ->
                of(
                    r,
                    regionNames.getOrDefault(r.regionCode(), r.regionCode()),
                    r.managerId() == null || !managers.containsKey(r.managerId())
                        ? null
                        : managers.get(r.managerId()).displayName()))
        .toList();
  }

  private static CenterView of(CenterQueries.Row r, String regionName, String managerName) {
    return new CenterView(
        new CenterId(r.id()),
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
}

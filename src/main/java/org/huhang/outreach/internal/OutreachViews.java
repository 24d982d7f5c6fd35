package org.huhang.outreach.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.huhang.center.CenterId;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.outreach.OutreachEventId;
import org.huhang.outreach.OutreachEventView;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.springframework.stereotype.Component;

/** Turns events into what pages and the API read: with region and center names. */
@Component
class OutreachViews {

  private final Regions regions;
  private final Centers centers;

  OutreachViews(Regions regions, Centers centers) {
    this.regions = regions;
    this.centers = centers;
  }

  OutreachEventView of(OutreachEvent e) {
    return list(List.of(
            new OutreachQueries.Row(
                e.getId(),
                e.version() == null ? 0 : e.version(),
                e.type(),
                e.title(),
                e.heldOn(),
                e.startsAt(),
                e.regionCode(),
                e.regionPath(),
                e.place(),
                e.centerId(),
                e.speakers(),
                e.audience(),
                e.attendance(),
                e.summary())))
        .get(0);
  }

  /** The views of a list; each region and center is looked up once for the whole list. */
  List<OutreachEventView> list(List<OutreachQueries.Row> rows) {
    // The names of the page's regions and centers, one query each (not one per row).
    Map<String, String> regionNames =
        new HashMap<>(
            regions.names(
                rows.stream().map(OutreachQueries.Row::regionCode).collect(Collectors.toSet())));
    Map<UUID, String> centerNames =
        new HashMap<>(
            centers.names(
                rows.stream()
                    .map(OutreachQueries.Row::centerId)
                    .filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet())));
    return rows.stream()
        .map(
            r ->
                new OutreachEventView(
                    new OutreachEventId(r.id()),
                    r.version(),
                    r.type(),
                    r.title(),
                    r.heldOn(),
                    r.startsAt(),
                    r.regionCode(),
                    regionNames.computeIfAbsent(
                        r.regionCode(),
                        code -> regions.find(code).map(RegionView::name).orElse(code)),
                    r.regionPath(),
                    r.place(),
                    r.centerId() == null ? null : new CenterId(r.centerId()),
                    r.centerId() == null
                        ? null
                        : centerNames.computeIfAbsent(
                            r.centerId(),
                            id ->
                                centers.find(new CenterId(id)).map(CenterView::name).orElse(null)),
                    r.speakers(),
                    r.audience(),
                    r.attendance(),
                    r.summary()))
        .toList();
  }
}

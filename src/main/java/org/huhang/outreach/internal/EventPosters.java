package org.huhang.outreach.internal;

import org.huhang.center.CenterStatus;
import org.huhang.center.Centers;
import org.huhang.outreach.OutreachEventView;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.RegionPaths;
import org.huhang.shared.qr.BookingLinks;
import org.huhang.shared.qr.QrCode;
import org.springframework.stereotype.Component;

/**
 * What an event's poster offers to book (issue 15): the booking page of the center that organises
 * it while that center is open, else the booking page of the event's county (a township rarely has
 * a center of its own; a city-wide event, the city's).
 */
@Component
public class EventPosters {

  private final Centers centers;
  private final Regions regions;
  private final BookingLinks links;

  EventPosters(Centers centers, Regions regions, BookingLinks links) {
    this.centers = centers;
    this.regions = regions;
    this.links = links;
  }

  /** The page a poster's QR code opens, and whose it is: a center's name or an area's. */
  public record Booking(String url, String name, boolean atCenter) {

    public QrCode qr() {
      return QrCode.of(url);
    }
  }

  /** For an event the caller has already read with the actor's rights. */
  public Booking bookingFor(OutreachEventView event) {
    if (event.centerId() != null) {
      var center = centers.find(event.centerId()).filter(c -> c.status() == CenterStatus.OPEN);
      if (center.isPresent()) {
        return new Booking(links.center(center.get().id().value()), center.get().name(), true);
      }
    }
    String county = RegionPaths.countyCode(event.regionPath());
    String area = county == null ? event.regionCode() : county;
    String name = regions.find(area).map(RegionView::name).orElse(event.regionName());
    return new Booking(links.area(area), name, false);
  }
}

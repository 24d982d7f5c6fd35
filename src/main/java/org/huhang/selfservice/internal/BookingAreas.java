package org.huhang.selfservice.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.DataScope;
import org.huhang.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An area's booking page (issue 15): the open centers of a county or a city, for a family that
 * scanned a receipt's or a poster's QR code and has no center in mind. Public, like every /book
 * page: it shows what the centers' own booking pages show, nothing of anyone's records.
 */
@Service
public class BookingAreas {

  /** A region's code as the tree spells it: 6 digits up to a county, 9 or 12 below. */
  private static final Pattern CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

  private final Regions regions;
  private final Centers centers;

  BookingAreas(Regions regions, Centers centers) {
    this.regions = regions;
    this.centers = centers;
  }

  /** A region and the open centers within it, by region and name. */
  public record Area(RegionView region, List<CenterView> centers) {}

  /** The area of a region; an unknown or closed (撤销) region answers 404. */
  @Transactional(readOnly = true)
  public Area area(String regionCode) {
    RegionView region = region(regionCode);
    return new Area(region, centers.openWithin(new DataScope(region.path())));
  }

  /** The region of an area's page, checked as {@link #area} checks it, without its centers. */
  @Transactional(readOnly = true)
  public RegionView region(String regionCode) {
    if (regionCode == null || !CODE.matcher(regionCode).matches()) {
      throw new NotFoundException("region");
    }
    return regions
        .find(regionCode)
        .filter(r -> !r.closed())
        .orElseThrow(() -> new NotFoundException("region"));
  }
}

package org.huhang.volunteer.internal;

import org.huhang.center.CenterId;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.identity.UserRef;
import org.huhang.identity.Users;
import org.huhang.volunteer.HoursKind;
import org.huhang.volunteer.VolunteerDetail;
import org.huhang.volunteer.VolunteerSummary;
import org.springframework.stereotype.Component;

/** Turns a volunteer into what pages, the API and other modules read; numbers stay masked. */
@Component
class VolunteerViews {

  static final int RECENT_HOURS = 20;

  private final VolunteerQueries queries;
  private final Centers centers;
  private final Users users;

  VolunteerViews(VolunteerQueries queries, Centers centers, Users users) {
    this.queries = queries;
    this.centers = centers;
    this.users = users;
  }

  VolunteerDetail detail(Volunteer v) {
    var totals = queries.hourTotals(v.getId());
    return new VolunteerDetail(
        v.volunteerId(),
        v.name(),
        v.gender(),
        v.birthDate(),
        v.idNumberMasked(),
        v.phoneMasked(),
        v.background(),
        v.specialities(),
        v.dialects(),
        v.availability(),
        v.centerId(),
        centerName(v),
        v.regionPath(),
        v.status(),
        v.joinedOn(),
        v.userId(),
        users.find(v.userId()).map(UserRef::username).orElse(null),
        queries.qualifications(v.getId()),
        totals.get(HoursKind.SERVICE),
        totals.get(HoursKind.TRAINING),
        queries.recentHours(v.getId(), RECENT_HOURS));
  }

  VolunteerSummary summary(Volunteer v) {
    return new VolunteerSummary(
        v.volunteerId(),
        v.name(),
        v.gender(),
        v.idNumberMasked(),
        v.phoneMasked(),
        v.background(),
        v.centerId(),
        centerName(v),
        v.status(),
        v.joinedOn());
  }

  private String centerName(Volunteer v) {
    return centers.find(new CenterId(v.centerId())).map(CenterView::name).orElse("");
  }
}

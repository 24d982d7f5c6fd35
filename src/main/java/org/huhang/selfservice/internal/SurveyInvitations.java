package org.huhang.selfservice.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huhang.casework.CaseIntake;
import org.huhang.center.CenterId;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.notification.Notice;
import org.huhang.notification.Notifications;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every hour: the families of accepted bookings whose case has held a session or closed are invited
 * to the satisfaction survey, once per booking. The invitation always shows on the family's own
 * booking page; a text message with the survey's link goes only when the booking named no fear and
 * the case was screened LOW risk (the same rule as the session reminders: someone else may read the
 * phone). The message names the center only. Two instances at once invite once: the invitation's
 * key is the booking, the message's event key too.
 */
@Component
public class SurveyInvitations {

  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final Surveys surveys;
  private final CaseIntake cases;
  private final Centers centers;
  private final Notifications notifications;
  private final PersonalDataProtector protector;
  private final org.huhang.shared.qr.BookingLinks links;

  SurveyInvitations(
      JdbcClient jdbc,
      Surveys surveys,
      CaseIntake cases,
      Centers centers,
      Notifications notifications,
      PersonalDataProtector protector,
      org.huhang.shared.qr.BookingLinks links) {
    this.jdbc = jdbc;
    this.surveys = surveys;
    this.cases = cases;
    this.centers = centers;
    this.notifications = notifications;
    this.protector = protector;
    this.links = links;
  }

  @Scheduled(cron = "${huhang.jobs.survey-invitations-cron:0 5 * * * *}", zone = "Asia/Shanghai")
  void hourly() {
    runOnce();
  }

  private record Candidate(
      UUID id, UUID caseId, UUID centerId, String regionPath, boolean afraid, byte[] phone) {}

  /** Invites every family now due; the number invited (0 on a second run). */
  @Transactional
  public int runOnce() {
    int invited = 0;
    UUID after = new UUID(0, 0);
    Map<UUID, CenterView> byCenter = new java.util.HashMap<>();
    while (true) {
      List<Candidate> batch =
          jdbc.sql(
                  """
                  select b.id, b.case_id, b.center_id, b.region_path, b.safety_concern,
                         b.phone_cipher
                    from selfservice.booking b
                   where b.status = 'ACCEPTED' and b.id > :after
                     and not exists (select 1 from selfservice.survey_invitation i
                                      where i.booking_id = b.id)
                   order by b.id limit :n""")
              .param("after", after)
              .param("n", BATCH)
              .query(
                  (rs, n) ->
                      new Candidate(
                          rs.getObject("id", UUID.class),
                          rs.getObject("case_id", UUID.class),
                          rs.getObject("center_id", UUID.class),
                          rs.getString("region_path"),
                          rs.getBoolean("safety_concern"),
                          rs.getBytes("phone_cipher")))
              .list();
      if (batch.isEmpty()) {
        return invited;
      }
      after = batch.get(batch.size() - 1).id();
      List<UUID> caseIds = new ArrayList<>();
      batch.forEach(c -> caseIds.add(c.caseId()));
      Map<UUID, Boolean> due = cases.surveyDue(caseIds);
      for (Candidate c : batch) {
        Boolean low = due.get(c.caseId());
        if (low == null) {
          continue;
        }
        var token = surveys.invite(c.id(), c.centerId(), c.regionPath());
        if (token.isEmpty()) {
          continue;
        }
        invited++;
        if (low && !c.afraid()) {
          CenterView center =
              byCenter.computeIfAbsent(
                  c.centerId(), id -> centers.find(new CenterId(id)).orElseThrow());
          notifications.post(
              Notice.sms(
                  "survey-invite:" + c.id(),
                  protector.decrypt(c.phone()),
                  "notice.survey.invite",
                  List.of(center.name(), links.page("/book/survey/" + token.get()))));
        }
      }
    }
  }
}

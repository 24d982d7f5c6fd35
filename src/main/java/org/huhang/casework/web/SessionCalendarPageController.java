package org.huhang.casework.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huhang.casework.internal.SessionCalendar;
import org.huhang.shared.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The session calendar by day or week: a counselor's own, a center's, a region's. */
@Controller
class SessionCalendarPageController {

  private final SessionCalendar calendar;

  SessionCalendarPageController(SessionCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping("/sessions/calendar")
  String calendar(
      @RequestParam(required = false) String view,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) UUID counselor,
      @RequestParam(required = false) UUID center,
      Actor actor,
      Model model) {
    SessionCalendar.Query query =
        new SessionCalendar.Query(
            !"day".equals(view), date == null ? calendar.today() : date, counselor, center);
    List<SessionCalendar.Entry> entries = calendar.sessions(query, actor);
    Map<LocalDate, List<SessionCalendar.Entry>> days = new LinkedHashMap<>();
    for (LocalDate d = query.first(); !d.isAfter(query.last()); d = d.plusDays(1)) {
      days.put(d, new ArrayList<>());
    }
    entries.forEach(e -> days.computeIfAbsent(e.day(), d -> new ArrayList<>()).add(e));
    model.addAttribute("query", query);
    model.addAttribute("days", days);
    model.addAttribute("today", calendar.today());
    model.addAttribute("counselors", calendar.counselors(actor));
    model.addAttribute("centers", calendar.centers(actor));
    return "casework/sessionCalendar";
  }
}

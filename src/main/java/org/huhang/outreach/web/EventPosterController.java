package org.huhang.outreach.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.huhang.outreach.OutreachEventId;
import org.huhang.outreach.OutreachEventView;
import org.huhang.outreach.OutreachEvents;
import org.huhang.outreach.internal.EventPosters;
import org.huhang.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An event's poster (issue 15): a page made to be printed on A4 — title, day and time, place,
 * speakers and a large QR code of the booking page that the event's families can use. Whoever reads
 * the event may print it: the same 404 and 403 as the event's page.
 */
@Controller
class EventPosterController {

  private final OutreachEvents events;
  private final EventPosters posters;
  private final MessageSource messages;

  EventPosterController(OutreachEvents events, EventPosters posters, MessageSource messages) {
    this.events = events;
    this.posters = posters;
    this.messages = messages;
  }

  @GetMapping("/outreach-events/{id}/poster")
  String poster(@PathVariable OutreachEventId id, Actor actor, Locale locale, Model model) {
    OutreachEventView event = events.get(id, actor);
    DateTimeFormatter day =
        DateTimeFormatter.ofPattern(
            messages.getMessage("outreach.poster.dayPattern", null, locale), locale);
    model.addAttribute("event", event);
    model.addAttribute("day", event.heldOn().format(day));
    model.addAttribute("booking", posters.bookingFor(event));
    return "outreach/poster";
  }
}

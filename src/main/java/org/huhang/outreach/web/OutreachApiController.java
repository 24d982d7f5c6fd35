package org.huhang.outreach.web;

import java.time.LocalDate;
import org.huhang.outreach.OutreachEventId;
import org.huhang.outreach.OutreachEventView;
import org.huhang.outreach.OutreachEvents;
import org.huhang.outreach.OutreachSearch;
import org.huhang.outreach.OutreachType;
import org.huhang.outreach.SaveOutreachEvent;
import org.huhang.shared.Actor;
import org.huhang.shared.Paged;
import org.huhang.shared.web.ApiBodies;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outreach events under /api/v1/outreach-events, within the caller's scope. {@code region} stands
 * for the region's whole subtree: 371600 is every event of the city the caller sees.
 */
@RestController
@RequestMapping("/api/v1/outreach-events")
class OutreachApiController {

  private final OutreachEvents events;
  private final ApiBodies bodies;

  OutreachApiController(OutreachEvents events, ApiBodies bodies) {
    this.events = events;
    this.bodies = bodies;
  }

  @GetMapping
  Paged<OutreachEventView> list(
      Actor actor,
      @RequestParam(required = false) OutreachType type,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return events.search(new OutreachSearch(type, region, from, to, page, size), actor);
  }

  @GetMapping("/{id}")
  OutreachEventView get(@PathVariable OutreachEventId id, Actor actor) {
    return events.get(id, actor);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  OutreachEventView create(@RequestBody SaveOutreachEvent command, Actor actor) {
    events.requireCreator(actor);
    return events.create(bodies.check(command), actor);
  }
}

package org.huhang.outreach.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.huhang.outreach.OutreachEventId;
import org.huhang.outreach.OutreachEventView;
import org.huhang.outreach.OutreachEvents;
import org.huhang.outreach.OutreachVolunteers;
import org.huhang.outreach.ServiceProjectId;
import org.huhang.outreach.ServiceProjectView;
import org.huhang.outreach.ServiceProjects;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.huhang.shared.web.Pages;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerRef;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The volunteers who spoke at an event and who serve in a service project: a section of the event's
 * and the project's page, loaded and changed in place; without htmx a change returns to the page.
 */
@Controller
class OutreachVolunteerController {

  private final OutreachVolunteers links;
  private final OutreachEvents events;
  private final ServiceProjects projects;
  private final MessageSource messages;

  OutreachVolunteerController(
      OutreachVolunteers links,
      OutreachEvents events,
      ServiceProjects projects,
      MessageSource messages) {
    this.links = links;
    this.events = events;
    this.projects = projects;
    this.messages = messages;
  }

  @GetMapping("/outreach-events/{id}/volunteers")
  String speakers(@PathVariable OutreachEventId id, Actor actor, Model model) {
    return speakerSection(id, actor, model, FormErrors.none());
  }

  @PostMapping("/outreach-events/{id}/speakers")
  String addSpeaker(
      @PathVariable OutreachEventId id,
      @RequestParam(required = false) UUID volunteerId,
      Actor actor,
      HtmxRequest htmx,
      HttpServletResponse response,
      Model model) {
    events.requireEditor(id, actor);
    try {
      links.addSpeaker(id, volunteerId == null ? null : new VolunteerId(volunteerId), actor);
    } catch (DomainException e) {
      response.setStatus(422);
      return speakerSection(id, actor, model, FormErrors.of(e, messages));
    }
    return Pages.isPartial(htmx)
        ? speakerSection(id, actor, model, FormErrors.none())
        : "redirect:/outreach-events/" + id;
  }

  @PostMapping("/outreach-events/{id}/speakers/{volunteerId}/remove")
  String removeSpeaker(
      @PathVariable OutreachEventId id,
      @PathVariable UUID volunteerId,
      Actor actor,
      HtmxRequest htmx,
      Model model) {
    links.removeSpeaker(id, new VolunteerId(volunteerId), actor);
    return Pages.isPartial(htmx)
        ? speakerSection(id, actor, model, FormErrors.none())
        : "redirect:/outreach-events/" + id;
  }

  @GetMapping("/service-projects/{id}/volunteers")
  String members(@PathVariable ServiceProjectId id, Actor actor, Model model) {
    return memberSection(id, actor, model, FormErrors.none());
  }

  @PostMapping("/service-projects/{id}/members")
  String addMember(
      @PathVariable ServiceProjectId id,
      @RequestParam(required = false) UUID volunteerId,
      @RequestParam(required = false) String joinedOn,
      Actor actor,
      HtmxRequest htmx,
      HttpServletResponse response,
      Model model) {
    projects.requireEditor(id, actor);
    try {
      links.addMember(
          id, volunteerId == null ? null : new VolunteerId(volunteerId), day(joinedOn), actor);
    } catch (DomainException e) {
      response.setStatus(422);
      return memberSection(id, actor, model, FormErrors.of(e, messages));
    }
    return Pages.isPartial(htmx)
        ? memberSection(id, actor, model, FormErrors.none())
        : "redirect:/service-projects/" + id;
  }

  @PostMapping("/service-projects/{id}/members/{volunteerId}/remove")
  String removeMember(
      @PathVariable ServiceProjectId id,
      @PathVariable UUID volunteerId,
      Actor actor,
      HtmxRequest htmx,
      Model model) {
    links.removeMember(id, new VolunteerId(volunteerId), actor);
    return Pages.isPartial(htmx)
        ? memberSection(id, actor, model, FormErrors.none())
        : "redirect:/service-projects/" + id;
  }

  private String speakerSection(OutreachEventId id, Actor actor, Model model, FormErrors errors) {
    OutreachEventView event = events.get(id, actor);
    boolean canEdit = links.mayEditEvent(event, actor);
    return section(
        model,
        "event-speakers",
        "outreach.volunteerSpeakers",
        "/outreach-events/" + id + "/speakers",
        links.speakers(id, actor),
        canEdit ? links.speakerChoices(id, actor) : List.of(),
        canEdit,
        errors);
  }

  private String memberSection(ServiceProjectId id, Actor actor, Model model, FormErrors errors) {
    ServiceProjectView project = projects.get(id, actor);
    boolean canEdit = links.mayEditProject(project, actor);
    return section(
        model,
        "project-members",
        "project.members",
        "/service-projects/" + id + "/members",
        links.members(id, actor),
        canEdit ? links.memberChoices(id, actor) : List.of(),
        canEdit,
        errors);
  }

  /** A day as typed (ISO); unreadable or impossible ones (2023-02-30) named on the field. */
  private static java.time.LocalDate day(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw DomainException.of("joinedOn", "project.member.joinedOn.invalid");
    }
  }

  private static String section(
      Model model,
      String sectionId,
      String titleKey,
      String action,
      List<VolunteerRef> linked,
      List<VolunteerRef> choices,
      boolean canEdit,
      FormErrors errors) {
    model.addAttribute("sectionId", sectionId);
    model.addAttribute("titleKey", titleKey);
    model.addAttribute("action", action);
    model.addAttribute("linked", linked);
    model.addAttribute("choices", choices);
    model.addAttribute("canEdit", canEdit);
    model.addAttribute("errors", errors);
    // A project's members say since when they serve: its honours from that day on are theirs.
    model.addAttribute("askJoined", sectionId.equals("project-members"));
    model.addAttribute(
        "today", java.time.LocalDate.now(org.huhang.shared.LegalTime.ZONE).toString());
    return "outreach/volunteerLinks";
  }
}

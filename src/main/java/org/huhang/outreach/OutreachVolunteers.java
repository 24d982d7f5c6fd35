package org.huhang.outreach;

import java.util.List;
import org.huhang.outreach.internal.VolunteerLinks;
import org.huhang.shared.Actor;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerRef;
import org.springframework.stereotype.Service;

/**
 * The volunteers of outreach: who spoke at an event, who serves in a service project, and the other
 * way round, what a volunteer spoke at and which honours its projects won. Those who edit the event
 * or project add and remove them (403 otherwise, 404 outside the scope); whoever reads the event or
 * project reads them.
 */
@Service
public class OutreachVolunteers {

  private final VolunteerLinks links;

  OutreachVolunteers(VolunteerLinks links) {
    this.links = links;
  }

  public List<VolunteerRef> speakers(OutreachEventId event, Actor actor) {
    return links.speakers(event, actor);
  }

  /** The active volunteers of the event's region not yet listed: for its editors only. */
  public List<VolunteerRef> speakerChoices(OutreachEventId event, Actor actor) {
    return links.speakerChoices(event, actor);
  }

  public void addSpeaker(OutreachEventId event, VolunteerId volunteer, Actor actor) {
    links.addSpeaker(event, volunteer, actor);
  }

  public void removeSpeaker(OutreachEventId event, VolunteerId volunteer, Actor actor) {
    links.removeSpeaker(event, volunteer, actor);
  }

  public List<VolunteerRef> members(ServiceProjectId project, Actor actor) {
    return links.members(project, actor);
  }

  /** The active volunteers of the project's region not yet members: for its editors only. */
  public List<VolunteerRef> memberChoices(ServiceProjectId project, Actor actor) {
    return links.memberChoices(project, actor);
  }

  /** Adds a volunteer who joined the project on {@code joinedOn}; see VolunteerLinks. */
  public void addMember(
      ServiceProjectId project, VolunteerId volunteer, java.time.LocalDate joinedOn, Actor actor) {
    links.addMember(project, volunteer, joinedOn, actor);
  }

  public void removeMember(ServiceProjectId project, VolunteerId volunteer, Actor actor) {
    links.removeMember(project, volunteer, actor);
  }

  /** Whether the actor may add and remove an event's speakers (it sees the event). */
  public boolean mayEditEvent(OutreachEventView event, Actor actor) {
    return links.mayEditAt(event.regionPath(), actor);
  }

  /** Whether the actor may add and remove a project's members (it sees the project). */
  public boolean mayEditProject(ServiceProjectView project, Actor actor) {
    return links.mayEditAt(project.regionPath(), actor);
  }

  /**
   * The events a volunteer spoke at, newest first. The caller has decided that the actor may see
   * this volunteer's record; each event says whether the actor may open it.
   */
  public List<SpokenEvent> eventsSpokenBy(VolunteerId volunteer, Actor actor) {
    return links.eventsSpokenBy(volunteer, actor);
  }

  /** The projects a volunteer serves in; as for {@link #eventsSpokenBy}. */
  public List<ServedProject> projectsOf(VolunteerId volunteer, Actor actor) {
    return links.projectsOf(volunteer, actor);
  }

  /** The honours of the projects a volunteer serves in, newest first. */
  public List<VolunteerHonour> honoursOf(VolunteerId volunteer, Actor actor) {
    return links.honoursOf(volunteer, actor);
  }
}

package org.huhang.casework.web;

import java.util.List;
import java.util.UUID;
import org.huhang.casework.AssignTeam;
import org.huhang.casework.CaseDetail;
import org.huhang.casework.CaseId;
import org.huhang.casework.CloseCase;
import org.huhang.casework.FollowUpView;
import org.huhang.casework.RecordFollowUp;
import org.huhang.casework.TeamMemberView;
import org.huhang.casework.internal.CaseClosing;
import org.huhang.casework.internal.CaseTeam;
import org.huhang.casework.internal.FollowUps;
import org.huhang.casework.internal.TeamProposals;
import org.huhang.shared.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A case's team, closing and follow-ups under /api/v1: the same rules as the pages. */
@RestController
class CaseOutcomeApiController {

  private final CaseTeam team;
  private final TeamProposals proposals;
  private final CaseClosing closing;
  private final FollowUps followUps;

  CaseOutcomeApiController(
      CaseTeam team, TeamProposals proposals, CaseClosing closing, FollowUps followUps) {
    this.team = team;
    this.proposals = proposals;
    this.closing = closing;
    this.followUps = followUps;
  }

  @GetMapping("/api/v1/cases/{id}/team")
  List<TeamMemberView> team(@PathVariable UUID id, Actor actor) {
    return team.current(new CaseId(id), actor);
  }

  @GetMapping("/api/v1/cases/{id}/team/proposal")
  TeamProposals.Proposal proposal(@PathVariable UUID id, Actor actor) {
    return proposals.propose(new CaseId(id), actor);
  }

  /** {@code {"lead": volunteerId, "coCounselors": [volunteerId, …]}}: the whole team. */
  @PutMapping("/api/v1/cases/{id}/team")
  List<TeamMemberView> assign(@PathVariable UUID id, @RequestBody AssignTeam command, Actor actor) {
    return team.assign(new CaseId(id), command, actor);
  }

  /** {@code {"outcome": "REFERRED", "arrangements": "…", "closedOn": "2026-05-01"}}. */
  @PostMapping("/api/v1/cases/{id}/close")
  CaseDetail close(@PathVariable UUID id, @RequestBody CloseCase command, Actor actor) {
    return closing.close(new CaseId(id), command, actor);
  }

  @GetMapping("/api/v1/cases/{id}/follow-ups")
  List<FollowUpView> followUps(@PathVariable UUID id, Actor actor) {
    return followUps.ofCase(new CaseId(id), actor);
  }

  /** {@code {"together": "YES", "filedAgain": "NO", "wellbeing": "…", "doneOn": "…"}}. */
  @PostMapping("/api/v1/cases/{id}/follow-ups/{months}")
  FollowUpView recordFollowUp(
      @PathVariable UUID id,
      @PathVariable int months,
      @RequestBody RecordFollowUp command,
      Actor actor) {
    return followUps.record(new CaseId(id), months, command, actor);
  }
}

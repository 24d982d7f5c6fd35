package org.huhang.casework.web;

import java.util.UUID;
import org.huhang.casework.AssignTeam;
import org.huhang.casework.CaseDetail;
import org.huhang.casework.CaseId;
import org.huhang.casework.internal.CaseAccess;
import org.huhang.casework.internal.CaseFile;
import org.huhang.casework.internal.CaseRef;
import org.huhang.casework.internal.CaseTeam;
import org.huhang.casework.internal.TeamProposals;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A case's team tab: who counsels it; for its center manager (or an administrator) the ranked
 * proposal with its reasons, adopted in one click, or a team picked by hand.
 */
@Controller
class CaseTeamPageController {

  private final CaseFile cases;
  private final CaseAccess access;
  private final CaseTeam team;
  private final TeamProposals proposals;
  private final MessageSource messages;

  CaseTeamPageController(
      CaseFile cases,
      CaseAccess access,
      CaseTeam team,
      TeamProposals proposals,
      MessageSource messages) {
    this.cases = cases;
    this.access = access;
    this.team = team;
    this.proposals = proposals;
    this.messages = messages;
  }

  @GetMapping("/cases/{id}/team")
  String page(@PathVariable UUID id, Actor actor, Model model) {
    return page(id, actor, model, FormErrors.none());
  }

  @PostMapping("/cases/{id}/team")
  String assign(
      @PathVariable UUID id,
      @ModelAttribute("form") AssignTeam form,
      BindingResult binding,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      return page(id, actor, model, FormErrors.of(binding, messages));
    }
    try {
      team.assign(new CaseId(id), form, actor);
      redirect.addFlashAttribute(
          "notice", messages.getMessage("team.saved", null, LocaleContextHolder.getLocale()));
      return "redirect:/cases/" + id + "/team";
    } catch (DomainException e) {
      return page(id, actor, model, FormErrors.of(e, messages));
    }
  }

  private String page(UUID id, Actor actor, Model model, FormErrors errors) {
    CaseDetail detail = cases.get(new CaseId(id), actor);
    CaseRef ref = access.find(id, actor);
    boolean manages = (ref.managesCenter() || ref.administers()) && !detail.closed();
    model.addAttribute("c", detail);
    model.addAttribute("members", team.current(new CaseId(id), actor));
    model.addAttribute("proposal", manages ? proposals.propose(new CaseId(id), actor) : null);
    model.addAttribute("errors", errors);
    return "casework/caseTeam";
  }
}

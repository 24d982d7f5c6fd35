package org.huhang.audit.web;

import org.huhang.audit.AuditTrail;
import org.huhang.audit.internal.AuditChain;
import org.huhang.audit.internal.AuditPolicy;
import org.huhang.shared.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The city administrator's check of the audit chain: how far it is sealed, the last verification's
 * finding, and a verification run now (itself recorded in the trail).
 */
@Controller
class AuditChainController {

  private final AuditChain chain;
  private final AuditTrail audit;

  AuditChainController(AuditChain chain, AuditTrail audit) {
    this.chain = chain;
    this.audit = audit;
  }

  @GetMapping("/audit/chain")
  String page(Actor actor, Model model) {
    AuditPolicy.requireAuditor(actor);
    model.addAttribute("state", chain.state());
    model.addAttribute("finding", chain.lastFinding().orElse(null));
    return "audit/chain";
  }

  @PostMapping("/audit/chain/verify")
  @Transactional
  String verify(Actor actor) {
    AuditPolicy.requireAuditor(actor);
    chain.seal();
    chain.verify(actor.username());
    audit.recordWrite("audit.verify", "audit-chain", null);
    return "redirect:/audit/chain";
  }
}

package org.huhang.casework.web;

import java.util.List;
import java.util.UUID;
import org.huhang.casework.CaseId;
import org.huhang.casework.ConsentPurpose;
import org.huhang.casework.ConsentView;
import org.huhang.casework.PartyRole;
import org.huhang.casework.RecordConsent;
import org.huhang.casework.ScreeningResult;
import org.huhang.casework.internal.CaseConsents;
import org.huhang.casework.internal.SafetyScreenings;
import org.huhang.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consent and safety screening of a case's parties under /api/v1/cases/{id}: who may act is asked
 * before the body is looked at, so a registrar hears 403 and a stranger 404 whatever it sent.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}")
class SafetyApiController {

  private final CaseConsents consents;
  private final SafetyScreenings screenings;

  SafetyApiController(CaseConsents consents, SafetyScreenings screenings) {
    this.consents = consents;
    this.screenings = screenings;
  }

  /** Records the party's consents; answers the party's consents in force. */
  @PostMapping("/consents")
  @ResponseStatus(HttpStatus.CREATED)
  List<ConsentView> consent(@PathVariable UUID id, @RequestBody RecordConsent body, Actor actor) {
    return consents.record(new CaseId(id), body, actor);
  }

  /** Withdraws one consent (dated, kept); answers the party's consents still in force. */
  @DeleteMapping("/consents/{party}/{purpose}")
  List<ConsentView> withdraw(
      @PathVariable UUID id,
      @PathVariable PartyRole party,
      @PathVariable ConsentPurpose purpose,
      Actor actor) {
    return consents.withdraw(new CaseId(id), party, purpose, actor);
  }

  /** The body of a screening: the party and its answers (asking implies the other was absent). */
  record ScreeningBody(PartyRole party, java.util.Map<String, Boolean> answers) {}

  @PostMapping("/screenings")
  @ResponseStatus(HttpStatus.CREATED)
  ScreeningResult screen(@PathVariable UUID id, @RequestBody ScreeningBody body, Actor actor) {
    return screenings.screen(new CaseId(id), body.party(), body.answers(), actor);
  }
}

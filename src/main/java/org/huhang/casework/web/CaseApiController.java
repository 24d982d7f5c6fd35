package org.huhang.casework.web;

import java.util.UUID;
import org.huhang.casework.CaseDetail;
import org.huhang.casework.CaseId;
import org.huhang.casework.CaseSearch;
import org.huhang.casework.CaseStage;
import org.huhang.casework.CaseStatus;
import org.huhang.casework.CaseSummary;
import org.huhang.casework.EditCase;
import org.huhang.casework.OpenCase;
import org.huhang.casework.Risk;
import org.huhang.casework.internal.CaseFile;
import org.huhang.casework.internal.CaseQueries;
import org.huhang.casework.internal.CaseworkPolicy;
import org.huhang.shared.Actor;
import org.huhang.shared.Paged;
import org.huhang.shared.web.ApiBodies;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counseling cases under /api/v1/cases: the cases the caller sees (a counselor its own), opening
 * one, reading one with its {@code risk}, and changing what it is about with the version read.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApiController {

  private final CaseFile cases;
  private final CaseQueries queries;
  private final CaseworkPolicy policy;
  private final ApiBodies bodies;

  CaseApiController(CaseFile cases, CaseQueries queries, CaseworkPolicy policy, ApiBodies bodies) {
    this.cases = cases;
    this.queries = queries;
    this.policy = policy;
    this.bodies = bodies;
  }

  @GetMapping
  Paged<CaseSummary> list(
      Actor actor,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) Risk risk,
      @RequestParam(required = false) CaseStage stage,
      @RequestParam(required = false) UUID centerId,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return queries.search(new CaseSearch(status, risk, stage, centerId, page, size), actor);
  }

  /** Opens a case: 201 with the case (its {@code id}); every problem of the body at once (422). */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CaseDetail open(@RequestBody OpenCase command, Actor actor) {
    policy.requireManager(actor);
    CaseId id = cases.open(bodies.check(command), actor);
    return cases.get(id, actor);
  }

  @GetMapping("/{id}")
  CaseDetail get(@PathVariable CaseId id, Actor actor) {
    return cases.get(id, actor);
  }

  /** Changes stage, issue categories and related persons; a stale {@code version} is 409. */
  @PutMapping("/{id}")
  CaseDetail edit(@PathVariable CaseId id, @RequestBody EditCase command, Actor actor) {
    cases.get(id, actor);
    return cases.edit(id, bodies.check(command), actor);
  }
}

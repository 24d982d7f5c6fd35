package org.huhang.teaching.web;

import org.huhang.casework.CaseStage;
import org.huhang.shared.Actor;
import org.huhang.shared.Paged;
import org.huhang.teaching.TeachingCaseId;
import org.huhang.teaching.TeachingCaseSummary;
import org.huhang.teaching.TeachingCaseView;
import org.huhang.teaching.TeachingCases;
import org.huhang.teaching.TeachingSearch;
import org.huhang.teaching.TeachingStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Published teaching cases under /api/v1/teaching-cases, searched by issue category, stage and
 * Chinese full text; a draft is seen only by its managers, as on the pages.
 */
@RestController
@RequestMapping("/api/v1/teaching-cases")
class TeachingApiController {

  private final TeachingCases teaching;

  TeachingApiController(TeachingCases teaching) {
    this.teaching = teaching;
  }

  @GetMapping
  Paged<TeachingCaseSummary> list(
      Actor actor,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) CaseStage stage,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return teaching.search(
        new TeachingSearch(category, stage, TeachingStatus.PUBLISHED, q), page, size, actor);
  }

  @GetMapping("/{id}")
  TeachingCaseView get(@PathVariable TeachingCaseId id, Actor actor) {
    return teaching.get(id, actor);
  }
}

package org.huhang.casework.web;

import java.util.List;
import org.huhang.casework.IssueCategory;
import org.huhang.casework.internal.CaseQueries;
import org.huhang.casework.internal.CaseworkPolicy;
import org.huhang.shared.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The issue-category dictionary for forms and other tools: everyone who sees cases. */
@RestController
class IssueCategoryApiController {

  private final CaseQueries queries;
  private final CaseworkPolicy policy;

  IssueCategoryApiController(CaseQueries queries, CaseworkPolicy policy) {
    this.queries = queries;
    this.policy = policy;
  }

  @GetMapping("/api/v1/issue-categories")
  List<IssueCategory> categories(Actor actor) {
    policy.requireCaseRole(actor);
    return queries.categories();
  }
}

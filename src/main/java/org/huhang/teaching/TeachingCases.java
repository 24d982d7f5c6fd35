package org.huhang.teaching;

import java.util.List;
import java.util.UUID;
import org.huhang.casework.CaseId;
import org.huhang.casework.IssueCategory;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.Paged;
import org.huhang.teaching.internal.TeachingLibrary;
import org.huhang.training.ModuleChoice;
import org.springframework.stereotype.Service;

/**
 * The teaching case library's API. Published cases are read by administrators, center managers and
 * counselors of the whole city (403 for registrars and analysts); a draft only by the managers of
 * its case (404 for anyone else). Nothing is published without a manager's approval, and a
 * high-risk case not without the county administrator's second one.
 */
@Service
public class TeachingCases {

  private final TeachingLibrary library;

  TeachingCases(TeachingLibrary library) {
    this.library = library;
  }

  public Paged<TeachingCaseSummary> search(
      TeachingSearch search, Integer page, Integer size, Actor actor) {
    return library.search(search, page, size, actor);
  }

  public TeachingCaseView get(TeachingCaseId id, Actor actor) {
    return library.get(id, actor);
  }

  public TeachingActions actions(TeachingCaseId id, Actor actor) {
    return library.actions(id, actor);
  }

  public List<IssueCategory> categories() {
    return library.categories();
  }

  public List<ModuleChoice> modulesToAttach(Actor actor) {
    return library.modulesToAttach(actor);
  }

  /** Drafts from a closed case (or answers the draft already made from it). */
  public TeachingCaseId draftFrom(CaseId caseId, Actor actor) {
    return library.draftFrom(caseId, actor);
  }

  public List<DomainException.FieldProblem> problems(EditTeachingCase command) {
    return library.problems(command);
  }

  public void edit(TeachingCaseId id, EditTeachingCase command, Actor actor) {
    library.edit(id, command, actor);
  }

  /** The manager's approval: published, or waiting for the county when the case was high-risk. */
  public TeachingStatus approve(TeachingCaseId id, Actor actor) {
    return library.approve(id, actor);
  }

  public void approveForCounty(TeachingCaseId id, Actor actor) {
    library.approveForCounty(id, actor);
  }

  public void withdraw(TeachingCaseId id, Actor actor) {
    library.withdraw(id, actor);
  }

  public void attach(TeachingCaseId id, UUID moduleId, Actor actor) {
    library.attach(id, moduleId, actor);
  }

  public void detach(TeachingCaseId id, UUID moduleId, Actor actor) {
    library.detach(id, moduleId, actor);
  }
}

package org.huhang.outreach;

import java.util.List;
import org.huhang.center.CenterView;
import org.huhang.outreach.internal.ProjectBook;
import org.huhang.shared.Actor;
import org.huhang.shared.Paged;
import org.springframework.stereotype.Service;

/**
 * Volunteer service projects and their honours. The same people as for outreach events read and
 * write them: administrators and center managers start projects and record honours, counselors and
 * analysts read, registrars not at all (403); a project outside the scope answers 404.
 */
@Service
public class ServiceProjects {

  private final ProjectBook book;

  ServiceProjects(ProjectBook book) {
    this.book = book;
  }

  public Paged<ServiceProjectView> list(Integer page, Actor actor) {
    return book.list(page, actor);
  }

  public ServiceProjectView get(ServiceProjectId id, Actor actor) {
    return book.get(id, actor);
  }

  public ServiceProjectView start(SaveServiceProject command, Actor actor) {
    return book.start(command, actor);
  }

  public ServiceProjectView award(ServiceProjectId id, AwardHonour command, Actor actor) {
    return book.award(id, command, actor);
  }

  /** Every problem starting this project would meet, starting nothing. */
  public List<org.huhang.shared.DomainException.FieldProblem> problems(
      SaveServiceProject command, Actor actor) {
    return book.problems(command, actor);
  }

  /** Every problem recording this honour would meet, recording nothing. */
  public List<org.huhang.shared.DomainException.FieldProblem> problems(
      ServiceProjectId id, AwardHonour command, Actor actor) {
    return book.problems(id, command, actor);
  }

  /** 404 outside the scope, 403 unless the actor may record this project's honours. */
  public void requireEditor(ServiceProjectId id, Actor actor) {
    book.requireEditor(id, actor);
  }

  /** The centers a new project may belong to; 403 for those who may not start one. */
  public List<CenterView> centerChoices(Actor actor) {
    return book.centerChoices(actor);
  }
}

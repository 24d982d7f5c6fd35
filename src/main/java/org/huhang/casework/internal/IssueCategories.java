package org.huhang.casework.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.AddIssueCategory;
import org.huhang.casework.IssueCategory;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Role;
import org.huhang.shared.text.ControlCharacters;
import org.huhang.volunteer.Speciality;
import org.huhang.volunteer.Volunteers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issue-category dictionary (SPEC §2: the city administrator manages dictionaries). An entry is
 * retired, never deleted: cases keep it, new cases cannot take it.
 */
@Service
public class IssueCategories {

  private static final java.util.regex.Pattern CODE =
      java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

  private final JdbcClient jdbc;
  private final CaseQueries queries;
  private final Volunteers volunteers;
  private final AuditTrail audit;

  IssueCategories(JdbcClient jdbc, CaseQueries queries, Volunteers volunteers, AuditTrail audit) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.volunteers = volunteers;
    this.audit = audit;
  }

  public boolean mayMaintain(Actor actor) {
    return actor.is(Role.CITY_ADMIN);
  }

  private void requireMaintainer(Actor actor) {
    if (!mayMaintain(actor)) {
      throw new ForbiddenException("the city administrator keeps the dictionaries");
    }
  }

  @Transactional(readOnly = true)
  public List<IssueCategory> forMaintenance(Actor actor) {
    requireMaintainer(actor);
    return queries.categories();
  }

  /** The volunteer specialities an entry may point to. */
  public List<Speciality> specialities() {
    return volunteers.specialities();
  }

  @Transactional
  public void add(AddIssueCategory command, Actor actor) {
    requireMaintainer(actor);
    List<FieldProblem> problems = new ArrayList<>();
    if (!CODE.matcher(command.code()).matches()) {
      problems.add(new FieldProblem("code", "category.code.format", new Object[0]));
    }
    text("nameZh", command.nameZh(), 50, problems);
    text("nameEn", command.nameEn(), 80, problems);
    Set<String> known =
        volunteers.specialities().stream().map(Speciality::code).collect(Collectors.toSet());
    if (!known.containsAll(command.specialities())) {
      problems.add(
          new FieldProblem("specialities", "category.specialities.unknown", new Object[0]));
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    try {
      jdbc.sql(
              """
              insert into casework.issue_category (code, name_zh, name_en, specialities, sort_order)
              values (:code, :zh, :en, :specialities,
                      (select coalesce(max(sort_order), 0) + 10 from casework.issue_category
                        where code <> 'OTHER'))""")
          .param("code", command.code())
          .param("zh", command.nameZh())
          .param("en", command.nameEn())
          .param("specialities", command.specialities().toArray(String[]::new))
          .update();
    } catch (DuplicateKeyException e) {
      throw DomainException.of("code", "category.taken");
    }
    audit.recordWrite("issueCategory.create", "issue-category", command.code());
  }

  /** Retires or restores an entry; cases that have it keep it. */
  @Transactional
  public void setActive(String code, boolean active, Actor actor) {
    requireMaintainer(actor);
    int changed =
        jdbc.sql("update casework.issue_category set active = :active where code = :code")
            .param("active", active)
            .param("code", code)
            .update();
    if (changed == 0) {
      throw new NotFoundException("issue category");
    }
    audit.recordWrite(
        active ? "issueCategory.enable" : "issueCategory.disable", "issue-category", code);
  }

  private static void text(String field, String value, int max, List<FieldProblem> problems) {
    if (value.isEmpty()) {
      problems.add(new FieldProblem(field, "category.name.required", new Object[0]));
    } else if (value.length() > max) {
      problems.add(new FieldProblem(field, "case.text.size", new Object[] {max}));
    } else if (ControlCharacters.present(value)) {
      problems.add(new FieldProblem(field, "error.controlCharacter", new Object[0]));
    }
  }
}

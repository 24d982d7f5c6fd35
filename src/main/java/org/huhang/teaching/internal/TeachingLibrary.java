package org.huhang.teaching.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.huhang.audit.AuditTrail;
import org.huhang.casework.CaseId;
import org.huhang.casework.CasePeople;
import org.huhang.casework.ClosedCaseRecord;
import org.huhang.casework.ClosedCases;
import org.huhang.casework.IssueCategory;
import org.huhang.casework.Risk;
import org.huhang.shared.Actor;
import org.huhang.shared.ConflictException;
import org.huhang.shared.DomainException;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Paged;
import org.huhang.teaching.EditTeachingCase;
import org.huhang.teaching.TeachingActions;
import org.huhang.teaching.TeachingCaseId;
import org.huhang.teaching.TeachingCaseSummary;
import org.huhang.teaching.TeachingCaseView;
import org.huhang.teaching.TeachingSearch;
import org.huhang.teaching.TeachingStatus;
import org.huhang.training.Courses;
import org.huhang.training.ModuleChoice;
import org.huhang.training.ModuleMaterials;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teaching case library: drafting from a closed case, the manager's edits and approvals, the
 * county's second approval, withdrawal, reading and searching, and use as training material. Every
 * write is audited; a save over a newer version is a conflict, never an overwrite.
 */
@Service
public class TeachingLibrary implements ModuleMaterials {

  private final TeachingCaseRepository repository;
  private final TeachingQueries queries;
  private final TeachingPolicy policy;
  private final ClosedCases closedCases;
  private final Courses courses;
  private final MessageSource messages;
  private final AuditTrail audit;
  private final Clock clock;

  TeachingLibrary(
      TeachingCaseRepository repository,
      TeachingQueries queries,
      TeachingPolicy policy,
      ClosedCases closedCases,
      Courses courses,
      MessageSource messages,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.queries = queries;
    this.policy = policy;
    this.closedCases = closedCases;
    this.courses = courses;
    this.messages = messages;
    this.audit = audit;
    this.clock = clock;
  }

  // ---- reading

  @Transactional(readOnly = true)
  public Paged<TeachingCaseSummary> search(
      TeachingSearch search, Integer page, Integer size, Actor actor) {
    policy.requireRead(actor);
    TeachingSearch effective =
        policy.mayDraft(actor)
            ? search
            : new TeachingSearch(search.category(), search.stage(), null, search.q());
    return queries.search(effective, page, size, actor);
  }

  @Transactional(readOnly = true)
  public TeachingCaseView get(TeachingCaseId id, Actor actor) {
    return view(load(id, actor));
  }

  @Transactional(readOnly = true)
  public TeachingActions actions(TeachingCaseId id, Actor actor) {
    TeachingCase t = load(id, actor);
    boolean manages = policy.manages(actor, t.centerId(), t.regionPath());
    boolean draft = t.status() == TeachingStatus.DRAFT;
    return new TeachingActions(
        manages && draft,
        manages && draft,
        t.status() == TeachingStatus.AWAITING_COUNTY
            && policy.mayApproveForCounty(actor, t.regionPath())
            && !actor.username().equals(t.approvedBy()),
        manages && !draft,
        t.status() == TeachingStatus.PUBLISHED && !courses.modulesToAttach(actor).isEmpty());
  }

  /** The issue categories of the casework dictionary, for the filters. */
  public List<IssueCategory> categories() {
    return closedCases.issueCategories();
  }

  public List<ModuleChoice> modulesToAttach(Actor actor) {
    return courses.modulesToAttach(actor);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Material> materials(java.util.Collection<UUID> moduleIds, Actor actor) {
    if (!policy.mayRead(actor)) {
      return List.of();
    }
    return queries.published(moduleIds);
  }

  // ---- writing

  /**
   * Drafts a teaching case from a closed case the actor manages, or answers the one already drafted
   * from it (one per case). The draft is anonymised and seen only by the case's managers.
   */
  @Transactional
  public TeachingCaseId draftFrom(CaseId caseId, Actor actor) {
    policy.requireDraft(actor);
    ClosedCaseRecord source = closedCases.forTeaching(caseId, actor);
    var existing = queries.fromCase(source.id().value());
    if (existing.isPresent()) {
      return new TeachingCaseId(existing.get());
    }
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    Map<String, String> names =
        closedCases.issueCategories().stream()
            .collect(Collectors.toMap(IssueCategory::code, IssueCategory::nameZh));
    List<String> categoryNames =
        source.issueCategories().stream().map(c -> names.getOrDefault(c, c)).toList();
    String stage = messages.getMessage("case.stage." + source.stage().name(), null, zh);
    String outcome =
        source.outcome() == null
            ? null
            : messages.getMessage("case.outcome." + source.outcome(), null, source.outcome(), zh);
    TeachingDrafts.Draft draft = TeachingDrafts.draft(source, stage, categoryNames, outcome);
    TeachingCase t =
        TeachingCase.draft(
            source.id().value(),
            source.centerId(),
            source.regionPath(),
            source.risk() == Risk.HIGH,
            source.stage(),
            source.issueCategories(),
            draft,
            actor.username());
    repository.save(t);
    queries.index(t.id(), t.searchText());
    audit.recordWrite("teaching.draft", "teaching-case", t.id().toString());
    return new TeachingCaseId(t.id());
  }

  /** What an edit would refuse, every field at once; nothing is written. */
  public List<DomainException.FieldProblem> problems(EditTeachingCase command) {
    return TeachingCase.problems(command);
  }

  @Transactional
  public void edit(TeachingCaseId id, EditTeachingCase command, Actor actor) {
    TeachingCase t = managed(id, actor);
    if (command.version() == null) {
      throw DomainException.of("version", "teaching.version.required");
    }
    if (command.version() != t.version()) {
      throw ConflictException.of(null, "teaching.conflict");
    }
    List<DomainException.FieldProblem> problems = TeachingCase.problems(command);
    if (problems.isEmpty()) {
      problems = identifying(t, IdentifyingText.fields(command), actor);
    }
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    t.edit(command, actor.username());
    save(t);
    audit.recordWrite("teaching.edit", "teaching-case", t.id().toString());
  }

  @Transactional
  public TeachingStatus approve(TeachingCaseId id, Actor actor) {
    TeachingCase t = managed(id, actor);
    t.approve(actor.username(), clock.instant());
    // After the rules of the move (a draft, not empty): the texts must not name anyone.
    refuseIdentifying(t, actor);
    save(t);
    audit.recordWrite("teaching.approve", "teaching-case", t.id().toString());
    return t.status();
  }

  @Transactional
  public void approveForCounty(TeachingCaseId id, Actor actor) {
    TeachingCase t = load(id, actor);
    policy.requireCountyApproval(actor, t.regionPath());
    t.approveForCounty(actor.username(), clock.instant());
    refuseIdentifying(t, actor);
    save(t);
    audit.recordWrite("teaching.approve-county", "teaching-case", t.id().toString());
  }

  @Transactional
  public void withdraw(TeachingCaseId id, Actor actor) {
    TeachingCase t = managed(id, actor);
    t.withdraw(actor.username());
    save(t);
    audit.recordWrite("teaching.withdraw", "teaching-case", t.id().toString());
  }

  /** Uses a published case as material of a module of a course the actor runs. */
  @Transactional
  public void attach(TeachingCaseId id, UUID moduleId, Actor actor) {
    TeachingCase t = load(id, actor);
    ModuleChoice module = module(moduleId, actor);
    if (t.status() != TeachingStatus.PUBLISHED) {
      throw DomainException.of("moduleId", "teaching.attach.notPublished");
    }
    queries.attach(
        t.id(),
        module.moduleId(),
        module.courseId().value(),
        module.label(),
        actor.username(),
        clock.instant());
    audit.recordWrite("teaching.attach", "teaching-case", t.id().toString());
  }

  @Transactional
  public void detach(TeachingCaseId id, UUID moduleId, Actor actor) {
    TeachingCase t = load(id, actor);
    module(moduleId, actor);
    if (queries.detach(t.id(), moduleId) == 0) {
      throw new NotFoundException("material");
    }
    audit.recordWrite("teaching.detach", "teaching-case", t.id().toString());
  }

  private ModuleChoice module(UUID moduleId, Actor actor) {
    policy.requireRead(actor);
    return courses.modulesToAttach(actor).stream()
        .filter(m -> m.moduleId().equals(moduleId))
        .findFirst()
        .orElseThrow(() -> new ForbiddenException("only who runs the course attaches material"));
  }

  private TeachingCase load(TeachingCaseId id, Actor actor) {
    policy.requireRead(actor);
    UUID visible = queries.visible(id.value(), actor);
    return repository.findById(visible).orElseThrow(() -> new NotFoundException("teaching case"));
  }

  /** A case the actor sees (404) and manages (403): its center's manager, an administrator. */
  private TeachingCase managed(TeachingCaseId id, Actor actor) {
    policy.requireDraft(actor);
    TeachingCase t = load(id, actor);
    if (!policy.manages(actor, t.centerId(), t.regionPath())) {
      throw new ForbiddenException("only the managers of the case's center");
    }
    return t;
  }

  /**
   * What of the source case's people the texts still name, field by field: an edit is checked
   * again, whoever typed it, before it is saved or approved. The people are read through casework
   * as the actor (the case's manager, the county's administrator), the read audited there.
   */
  private List<DomainException.FieldProblem> identifying(
      TeachingCase t, Map<String, String> fields, Actor actor) {
    CasePeople people;
    try {
      people = closedCases.people(new CaseId(t.sourceCaseId()), actor);
    } catch (NotFoundException e) {
      // A source case that no longer exists names nobody: the numbers, days and addresses are
      // still checked. (The managers of a teaching case's center always see its source case.)
      people = new CasePeople(List.of(), List.of());
    }
    return new IdentifyingText(people).problems(fields);
  }

  private void refuseIdentifying(TeachingCase t, Actor actor) {
    List<DomainException.FieldProblem> problems = identifying(t, IdentifyingText.fields(t), actor);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
  }

  private void save(TeachingCase t) {
    try {
      repository.save(t);
    } catch (OptimisticLockingFailureException e) {
      throw ConflictException.of(null, "teaching.conflict");
    }
    queries.index(t.id(), t.searchText());
  }

  private TeachingCaseView view(TeachingCase t) {
    return new TeachingCaseView(
        new TeachingCaseId(t.id()),
        t.status(),
        t.stage(),
        t.issueCategories(),
        t.highRisk(),
        t.title(),
        t.background(),
        t.beliefSystem(),
        t.thinkingAngle(),
        t.emotionalFeelings(),
        t.behaviour(),
        t.result(),
        t.conclusion(),
        t.method(),
        t.lessons(),
        t.approvedBy(),
        t.countyApprovedBy(),
        t.publishedAt(),
        t.version(),
        queries.materials(t.id()));
  }
}

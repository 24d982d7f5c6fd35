package org.huhang.teaching.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.huhang.casework.CaseStage;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.Stamped;
import org.huhang.shared.text.ControlCharacters;
import org.huhang.teaching.EditTeachingCase;
import org.huhang.teaching.TeachingStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A teaching case: drafted from a closed case, edited while a draft, approved by a manager; when
 * the case was ever high-risk the county approves a second time before it is published. Withdrawn,
 * it is a draft again and loses both approvals. No move publishes without a person approving.
 */
@Table(schema = "teaching", name = "teaching_case")
class TeachingCase implements Stamped, Persistable<UUID> {

  static final int MAX_TITLE = 100;
  static final int MAX_BACKGROUND = 4000;
  static final int MAX_STEP = 8000;
  static final int MAX_LESSONS = 4000;

  @Id private final UUID id;
  @Version private Long version;
  private final UUID sourceCaseId;
  private final UUID centerId;
  private final String regionPath;
  private final boolean highRisk;
  private TeachingStatus status;
  private final CaseStage stage;
  private final List<String> issueCategories;
  private String title;
  private String background;
  private String beliefSystem;
  private String thinkingAngle;
  private String emotionalFeelings;
  private String behaviour;
  private String result;
  private String conclusion;
  private String method;
  private String lessons;
  private final String draftedBy;
  private String approvedBy;
  private Instant approvedAt;
  private String countyApprovedBy;
  private Instant countyApprovedAt;
  private Instant publishedAt;
  private String updatedBy;
  private Instant createdAt;
  private Instant updatedAt;
  @Transient private final boolean isNew;

  @PersistenceCreator
  TeachingCase(
      UUID id,
      Long version,
      UUID sourceCaseId,
      UUID centerId,
      String regionPath,
      boolean highRisk,
      TeachingStatus status,
      CaseStage stage,
      List<String> issueCategories,
      String title,
      String background,
      String beliefSystem,
      String thinkingAngle,
      String emotionalFeelings,
      String behaviour,
      String result,
      String conclusion,
      String method,
      String lessons,
      String draftedBy,
      String approvedBy,
      Instant approvedAt,
      String countyApprovedBy,
      Instant countyApprovedAt,
      Instant publishedAt,
      String updatedBy,
      Instant createdAt,
      Instant updatedAt) {
    this.id = id;
    this.version = version;
    this.sourceCaseId = sourceCaseId;
    this.centerId = centerId;
    this.regionPath = regionPath;
    this.highRisk = highRisk;
    this.status = status;
    this.stage = stage;
    this.issueCategories = issueCategories == null ? List.of() : List.copyOf(issueCategories);
    this.title = title;
    this.background = background;
    this.beliefSystem = beliefSystem;
    this.thinkingAngle = thinkingAngle;
    this.emotionalFeelings = emotionalFeelings;
    this.behaviour = behaviour;
    this.result = result;
    this.conclusion = conclusion;
    this.method = method;
    this.lessons = lessons;
    this.draftedBy = draftedBy;
    this.approvedBy = approvedBy;
    this.approvedAt = approvedAt;
    this.countyApprovedBy = countyApprovedBy;
    this.countyApprovedAt = countyApprovedAt;
    this.publishedAt = publishedAt;
    this.updatedBy = updatedBy;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.isNew = false;
  }

  private TeachingCase(
      UUID id,
      UUID sourceCaseId,
      UUID centerId,
      String regionPath,
      boolean highRisk,
      CaseStage stage,
      List<String> issueCategories,
      String draftedBy) {
    this.id = id;
    this.sourceCaseId = Objects.requireNonNull(sourceCaseId);
    this.centerId = Objects.requireNonNull(centerId);
    this.regionPath = Objects.requireNonNull(regionPath);
    this.highRisk = highRisk;
    this.status = TeachingStatus.DRAFT;
    this.stage = Objects.requireNonNull(stage);
    this.issueCategories = List.copyOf(issueCategories);
    this.draftedBy = Objects.requireNonNull(draftedBy);
    this.isNew = true;
  }

  /** A new draft from the system's anonymised text; only its managers see it. */
  static TeachingCase draft(
      UUID sourceCaseId,
      UUID centerId,
      String regionPath,
      boolean highRisk,
      CaseStage stage,
      List<String> issueCategories,
      TeachingDrafts.Draft draft,
      String by) {
    TeachingCase t =
        new TeachingCase(
            UUID.randomUUID(),
            sourceCaseId,
            centerId,
            regionPath,
            highRisk,
            stage,
            issueCategories,
            by);
    t.title = cut(draft.title(), MAX_TITLE);
    t.background = cut(draft.background(), MAX_BACKGROUND);
    t.beliefSystem = cut(draft.steps().beliefSystem(), MAX_STEP);
    t.thinkingAngle = cut(draft.steps().thinkingAngle(), MAX_STEP);
    t.emotionalFeelings = cut(draft.steps().emotionalFeelings(), MAX_STEP);
    t.behaviour = cut(draft.steps().behaviour(), MAX_STEP);
    t.result = cut(draft.steps().result(), MAX_STEP);
    t.conclusion = cut(draft.steps().conclusion(), MAX_STEP);
    t.method = cut(draft.method(), MAX_STEP);
    t.updatedBy = by;
    return t;
  }

  /** What an edit would refuse, every field at once. */
  static List<FieldProblem> problems(EditTeachingCase c) {
    List<FieldProblem> problems = new ArrayList<>();
    if (c.title() == null || c.title().isBlank()) {
      problems.add(new FieldProblem("title", "teaching.title.required", new Object[0]));
    }
    text("title", c.title(), MAX_TITLE, problems);
    text("background", c.background(), MAX_BACKGROUND, problems);
    text("beliefSystem", c.beliefSystem(), MAX_STEP, problems);
    text("thinkingAngle", c.thinkingAngle(), MAX_STEP, problems);
    text("emotionalFeelings", c.emotionalFeelings(), MAX_STEP, problems);
    text("behaviour", c.behaviour(), MAX_STEP, problems);
    text("result", c.result(), MAX_STEP, problems);
    text("conclusion", c.conclusion(), MAX_STEP, problems);
    text("method", c.method(), MAX_STEP, problems);
    text("lessons", c.lessons(), MAX_LESSONS, problems);
    return problems;
  }

  /** The manager's edit of a draft; a published case is withdrawn before it is changed. */
  void edit(EditTeachingCase c, String by) {
    if (status != TeachingStatus.DRAFT) {
      throw DomainException.of(null, "teaching.edit.notDraft");
    }
    List<FieldProblem> problems = problems(c);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    title = c.title().strip();
    background = blankIsNull(c.background());
    beliefSystem = blankIsNull(c.beliefSystem());
    thinkingAngle = blankIsNull(c.thinkingAngle());
    emotionalFeelings = blankIsNull(c.emotionalFeelings());
    behaviour = blankIsNull(c.behaviour());
    result = blankIsNull(c.result());
    conclusion = blankIsNull(c.conclusion());
    method = blankIsNull(c.method());
    lessons = blankIsNull(c.lessons());
    updatedBy = by;
  }

  /**
   * A manager's approval of the draft: published, or for a once high-risk case waiting for the
   * county's second approval.
   */
  void approve(String by, Instant now) {
    if (status != TeachingStatus.DRAFT) {
      throw DomainException.of(null, "teaching.approve.notDraft");
    }
    if (Stream.of(beliefSystem, thinkingAngle, emotionalFeelings, behaviour, result, conclusion)
        .allMatch(s -> s == null || s.isBlank())) {
      throw DomainException.of(null, "teaching.approve.empty");
    }
    approvedBy = by;
    approvedAt = now;
    updatedBy = by;
    if (highRisk) {
      status = TeachingStatus.AWAITING_COUNTY;
    } else {
      status = TeachingStatus.PUBLISHED;
      publishedAt = now;
    }
  }

  /** The county's second approval of a high-risk case, by someone other than the first. */
  void approveForCounty(String by, Instant now) {
    if (status != TeachingStatus.AWAITING_COUNTY) {
      throw DomainException.of(null, "teaching.county.notAwaiting");
    }
    if (by.equals(approvedBy)) {
      throw DomainException.of(null, "teaching.county.samePerson");
    }
    countyApprovedBy = by;
    countyApprovedAt = now;
    status = TeachingStatus.PUBLISHED;
    publishedAt = now;
    updatedBy = by;
  }

  /** Back to a draft, out of readers' sight: both approvals are gone. */
  void withdraw(String by) {
    if (status == TeachingStatus.DRAFT) {
      throw DomainException.of(null, "teaching.withdraw.draft");
    }
    status = TeachingStatus.DRAFT;
    approvedBy = null;
    approvedAt = null;
    countyApprovedBy = null;
    countyApprovedAt = null;
    publishedAt = null;
    updatedBy = by;
  }

  /** The text the full-text search reads. */
  String searchText() {
    return String.join(
        "\n",
        Stream.of(
                title,
                background,
                beliefSystem,
                thinkingAngle,
                emotionalFeelings,
                behaviour,
                result,
                conclusion,
                method,
                lessons)
            .filter(Objects::nonNull)
            .toList());
  }

  private static void text(String field, String value, int max, List<FieldProblem> problems) {
    if (value == null) {
      return;
    }
    if (value.strip().length() > max) {
      problems.add(new FieldProblem(field, "teaching.text.tooLong", new Object[] {max}));
    } else if (ControlCharacters.present(value)) {
      problems.add(new FieldProblem(field, "teaching.text.control", new Object[0]));
    }
  }

  private static String blankIsNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  @Override
  public void stamp(Instant now) {
    if (createdAt == null) {
      createdAt = now;
    }
    updatedAt = now;
  }

  @Override
  public UUID getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  UUID id() {
    return id;
  }

  long version() {
    return version == null ? 0 : version;
  }

  UUID sourceCaseId() {
    return sourceCaseId;
  }

  UUID centerId() {
    return centerId;
  }

  String regionPath() {
    return regionPath;
  }

  boolean highRisk() {
    return highRisk;
  }

  TeachingStatus status() {
    return status;
  }

  CaseStage stage() {
    return stage;
  }

  List<String> issueCategories() {
    return issueCategories;
  }

  String title() {
    return title;
  }

  String background() {
    return background;
  }

  String beliefSystem() {
    return beliefSystem;
  }

  String thinkingAngle() {
    return thinkingAngle;
  }

  String emotionalFeelings() {
    return emotionalFeelings;
  }

  String behaviour() {
    return behaviour;
  }

  String result() {
    return result;
  }

  String conclusion() {
    return conclusion;
  }

  String method() {
    return method;
  }

  String lessons() {
    return lessons;
  }

  String approvedBy() {
    return approvedBy;
  }

  String countyApprovedBy() {
    return countyApprovedBy;
  }

  Instant publishedAt() {
    return publishedAt;
  }
}

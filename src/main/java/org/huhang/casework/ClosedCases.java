package org.huhang.casework;

import java.util.List;
import org.huhang.casework.internal.CaseQueries;
import org.huhang.casework.internal.ClosedCaseReader;
import org.huhang.shared.Actor;
import org.springframework.stereotype.Service;

/**
 * What other modules may read of closed cases: the whole record of one, for a manager of its center
 * (who works the case and reads its notes) to turn into anonymised teaching material, and the
 * issue-category dictionary to name what cases are about.
 */
@Service
public class ClosedCases {

  private final ClosedCaseReader reader;
  private final CaseQueries categories;

  ClosedCases(ClosedCaseReader reader, CaseQueries categories) {
    this.reader = reader;
    this.categories = categories;
  }

  /**
   * The closed case with its notes decrypted (the read is audited): 404 outside what the actor
   * sees, 403 unless it manages the case, 422 when the case is not closed.
   */
  public ClosedCaseRecord forTeaching(CaseId id, Actor actor) {
    return reader.read(id, actor);
  }

  /**
   * Only the people of a case the actor manages (its center's manager, an administrator of its
   * region), numbers decrypted and the read audited: what a teaching case drafted from it must not
   * name. 404 outside what the actor sees, 403 unless it manages the case. No notes are read.
   */
  public CasePeople people(CaseId id, Actor actor) {
    return reader.people(id, actor);
  }

  /** The closed cases the actor sees, newest first (one page of {@code size}). */
  public List<CaseSummary> closed(Actor actor, int size) {
    return categories
        .search(new CaseSearch(CaseStatus.CLOSED, null, null, null, 0, size), actor)
        .items();
  }

  /** The issue categories of the dictionary, in their order. */
  public List<IssueCategory> issueCategories() {
    return categories.categories();
  }
}

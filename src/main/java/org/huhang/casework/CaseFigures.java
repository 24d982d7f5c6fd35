package org.huhang.casework;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.huhang.casework.internal.CaseTallies;
import org.huhang.registration.ApplicationId;
import org.huhang.shared.DataScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Casework's figures for other modules: aggregates and per-application facts, never a person. The
 * caller decides who may see the figures of a region.
 */
@Service
public class CaseFigures {

  private final CaseTallies tallies;

  CaseFigures(CaseTallies tallies) {
    this.tallies = tallies;
  }

  /**
   * For each of these applications that has a case: its first held session, HIGH risk and
   * follow-ups. One query, whatever the number of applications.
   */
  @Transactional(readOnly = true)
  public Map<ApplicationId, ApplicationCounseling> counselingOf(Collection<ApplicationId> ids) {
    return tallies.counselingOf(ids);
  }

  /** The cases of the region's subtree opened from {@code from} to {@code to}, counted. */
  @Transactional(readOnly = true)
  public CaseCounts counts(DataScope scope, LocalDate from, LocalDate to) {
    return tallies.counts(scope, from, to);
  }
}

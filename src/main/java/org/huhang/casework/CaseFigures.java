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

  /**
   * {@link #counts} of each of these days on its own (cases by the day opened, referrals by the day
   * made), for figures kept per day across the whole tree (reporting's cache): counts only.
   */
  @Transactional(readOnly = true)
  public Map<LocalDate, CaseCounts> countsOn(Collection<LocalDate> days) {
    return tallies.countsOn(days);
  }

  /** Every day on which a case was opened or a referral made (for figures kept per day). */
  @Transactional(readOnly = true)
  public java.util.List<LocalDate> countDays() {
    return tallies.countDays();
  }
}

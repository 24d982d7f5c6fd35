package org.huhang.audit;

import java.time.Instant;

/**
 * What a verification of the audit chain found: how many sealed entries it read, whether the chain
 * holds, and where it first breaks (the chain number, the entry, and why).
 *
 * @param reason {@code CONTENT} (an entry's content or hash differs from its seal), {@code GAP} (a
 *     number of the chain is missing: an entry was removed), {@code HEAD} (the chain ends before
 *     its recorded end: its last entries were removed), or null when it holds
 */
public record ChainFinding(
    Instant checkedAt, long entries, boolean intact, Long brokenSeq, Long brokenId, String reason) {

  public static ChainFinding intact(Instant at, long entries) {
    return new ChainFinding(at, entries, true, null, null, null);
  }

  public static ChainFinding broken(Instant at, long entries, long seq, Long id, String reason) {
    return new ChainFinding(at, entries, false, seq, id, reason);
  }
}

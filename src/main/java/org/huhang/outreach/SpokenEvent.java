package org.huhang.outreach;

import java.time.LocalDate;

/**
 * An event a volunteer spoke at, for the volunteer's growth page; {@code readable} says whether the
 * reader sees the event itself (its page), which a county's reader does not for another county's.
 */
public record SpokenEvent(
    OutreachEventId id, String title, LocalDate heldOn, OutreachType type, boolean readable) {}

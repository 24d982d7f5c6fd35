package org.huhang.outreach;

import java.time.LocalDate;

/** A service project a volunteer serves in; {@code readable} as for {@link SpokenEvent}. */
public record ServedProject(
    ServiceProjectId id, String name, LocalDate startedOn, LocalDate endedOn, boolean readable) {}

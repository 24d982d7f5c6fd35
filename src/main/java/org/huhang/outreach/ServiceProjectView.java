package org.huhang.outreach;

import java.time.LocalDate;
import java.util.List;
import org.huhang.center.CenterId;

/** A volunteer service project with its center's name and its honours, newest first. */
public record ServiceProjectView(
    ServiceProjectId id,
    String name,
    CenterId centerId,
    String centerName,
    String regionPath,
    LocalDate startedOn,
    LocalDate endedOn,
    String description,
    List<Honour> honours) {

  /** An honour the project won. */
  public record Honour(String award, HonourLevel level, LocalDate awardedOn) {}
}

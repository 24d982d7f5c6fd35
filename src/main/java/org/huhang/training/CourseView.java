package org.huhang.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A course as pages and the API read it, with its modules by day and time. */
public record CourseView(
    CourseId id,
    String title,
    LocalDate startsOn,
    LocalDate endsOn,
    String place,
    String organiser,
    String audience,
    int capacity,
    BigDecimal requiredHours,
    String regionCode,
    String regionName,
    String regionPath,
    int enrolled,
    int waiting,
    int completed,
    List<ModuleView> modules) {

  /** The course's days, first to last. */
  public List<LocalDate> days() {
    return startsOn.datesUntil(endsOn.plusDays(1)).toList();
  }

  public List<ModuleView> modulesOn(LocalDate day) {
    return modules.stream().filter(m -> m.day().equals(day)).toList();
  }

  public BigDecimal totalHours() {
    return modules.stream().map(ModuleView::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}

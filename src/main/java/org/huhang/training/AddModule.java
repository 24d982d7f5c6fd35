package org.huhang.training;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A module of a course: its kind, day, time slot and hours, a title, and what its kind needs — the
 * host center of a field visit, the trainer and topic of a lecture, the groups of an exchange.
 */
public record AddModule(
    @NotNull(message = "{module.kind.required}") ModuleKind kind,
    @NotNull(message = "{module.day.required}") LocalDate day,
    @NotNull(message = "{module.startsAt.required}") @DateTimeFormat(pattern = "HH:mm")
        LocalTime startsAt,
    @NotNull(message = "{module.endsAt.required}") @DateTimeFormat(pattern = "HH:mm")
        LocalTime endsAt,
    @NotNull(message = "{module.hours.required}")
        @DecimalMin(value = "0.5", message = "{module.hours.range}")
        @DecimalMax(value = "12", message = "{module.hours.range}")
        BigDecimal hours,
    @NotBlank(message = "{module.title.required}") @Size(max = 100, message = "{module.title.size}")
        String title,
    @Size(max = 100, message = "{module.hostCenter.size}") String hostCenter,
    @Size(max = 100, message = "{module.trainer.size}") String trainer,
    @Size(max = 200, message = "{module.topic.size}") String topic,
    @Size(max = 300, message = "{module.groups.size}") String groups) {

  public AddModule {
    title = strip(title);
    hostCenter = strip(hostCenter);
    trainer = strip(trainer);
    topic = strip(topic);
    groups = strip(groups);
  }

  private static String strip(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public static AddModule blank(LocalDate day) {
    return new AddModule(
        ModuleKind.EXPERT_LECTURE,
        day,
        LocalTime.of(9, 0),
        LocalTime.of(11, 30),
        new BigDecimal("2.5"),
        "",
        null,
        null,
        null,
        null);
  }
}

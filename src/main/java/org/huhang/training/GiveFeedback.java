package org.huhang.training;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A participant's rating of a course (1 to 5) and its comments. */
public record GiveFeedback(
    @NotNull(message = "{feedback.rating.required}")
        @Min(value = 1, message = "{feedback.rating.range}")
        @Max(value = 5, message = "{feedback.rating.range}")
        Integer rating,
    @Size(max = 1000, message = "{feedback.comments.size}") String comments) {

  public GiveFeedback {
    comments = comments == null || comments.isBlank() ? null : comments.strip();
  }
}

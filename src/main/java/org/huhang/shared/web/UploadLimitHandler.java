package org.huhang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file over the upload limit is refused before any handler runs: this answers it with a clear
 * message, as a problem detail on the API and as a page elsewhere.
 */
@ControllerAdvice
class UploadLimitHandler {

  private final MessageSource messages;
  private final FrameAdvice frames;

  UploadLimitHandler(MessageSource messages, FrameAdvice frames) {
    this.messages = messages;
    this.frames = frames;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
    String detail = messages.getMessage("upload.tooLarge", null, LocaleContextHolder.getLocale());
    if (request.getRequestURI().startsWith("/api/")) {
      ProblemDetail problem =
          ApiExceptionHandler.problem(HttpStatus.CONTENT_TOO_LARGE, detail, "upload-too-large");
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
    ModelAndView page = new ModelAndView("shared/error");
    page.addObject("frame", frames.frameFor(request));
    page.addObject("status", 413);
    page.addObject("messageKey", "upload.tooLarge");
    return page;
  }
}

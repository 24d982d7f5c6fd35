package org.huhang.registration.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.ApplicationSearch;
import org.huhang.registration.ApplicationView;
import org.huhang.registration.CoolingOffDates;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.Outcome;
import org.huhang.registration.RecordApplication;
import org.huhang.registration.internal.ApplicationRows;
import org.huhang.shared.Actor;
import org.huhang.shared.InvalidInputException;
import org.huhang.shared.Paged;
import org.huhang.shared.spreadsheet.ImportReport;
import org.huhang.shared.web.ImportWeb;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The cooling-off clock and divorce applications under /api/v1. */
@RestController
class RegistrationApiController {

  private final DivorceApplications applications;
  private final ImportWeb importWeb;
  private final ApplicationRows rows;

  RegistrationApiController(
      DivorceApplications applications, ImportWeb importWeb, ApplicationRows rows) {
    this.applications = applications;
    this.importWeb = importWeb;
    this.rows = rows;
  }

  /** The exact dates of the clock (any logged-in user); a year without calendar answers 422. */
  record CoolingOff(
      LocalDate receivedOn,
      LocalDate withdrawalDeadline,
      LocalDate certificateFrom,
      LocalDate certificateDeadline,
      LocalDate deemedWithdrawnOn) {}

  @GetMapping("/api/v1/cooling-off")
  CoolingOff coolingOff(@RequestParam(required = false) String receivedOn) {
    CoolingOffDates d = applications.coolingOff(parseDay("receivedOn", receivedOn));
    return new CoolingOff(
        d.receivedOn(),
        d.withdrawalDeadline(),
        d.certificateFrom(),
        d.certificateDeadline(),
        d.deemedWithdrawnOn());
  }

  @PostMapping("/api/v1/divorce-applications")
  @ResponseStatus(HttpStatus.CREATED)
  ApplicationView record(@RequestBody RecordApplication command, Actor actor) {
    return applications.record(command, actor);
  }

  @GetMapping("/api/v1/divorce-applications")
  Paged<ApplicationView> list(
      Actor actor,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Outcome outcome,
      @RequestParam(required = false) Boolean counselingAccepted,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return applications.search(
        new ApplicationSearch(
            q,
            outcome,
            counselingAccepted,
            optionalDay("from", from),
            optionalDay("to", to),
            page,
            size),
        actor);
  }

  @GetMapping("/api/v1/divorce-applications/board")
  List<ApplicationView> board(Actor actor, @RequestParam(defaultValue = "7") int days) {
    return applications.board(days, actor);
  }

  @GetMapping("/api/v1/divorce-applications/{id}")
  ApplicationView get(@PathVariable UUID id, Actor actor) {
    return applications.get(new ApplicationId(id), actor);
  }

  record Withdrawal(String on, String by) {}

  record Certificate(String on) {}

  @PostMapping("/api/v1/divorce-applications/{id}/withdrawal")
  ApplicationView withdraw(@PathVariable UUID id, @RequestBody Withdrawal body, Actor actor) {
    return applications.withdraw(
        new ApplicationId(id), parseDay("on", body.on()), body.by(), actor);
  }

  @PostMapping("/api/v1/divorce-applications/{id}/certificate")
  ApplicationView certificate(@PathVariable UUID id, @RequestBody Certificate body, Actor actor) {
    return applications.issueCertificate(new ApplicationId(id), parseDay("on", body.on()), actor);
  }

  /** With {@code dryRun} only the report; otherwise every new row at once, or none (422). */
  @PostMapping("/api/v1/divorce-applications/import")
  ResponseEntity<ImportReport> api(
      Actor actor,
      @RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    return importWeb.api(rows, file, dryRun, actor);
  }

  static LocalDate parseDay(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "date.required");
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "date.malformed");
    }
  }

  static LocalDate optionalDay(String field, String value) {
    return value == null || value.isBlank() ? null : parseDay(field, value);
  }
}

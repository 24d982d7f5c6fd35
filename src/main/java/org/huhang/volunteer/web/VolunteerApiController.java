package org.huhang.volunteer.web;

import java.util.List;
import java.util.UUID;
import org.huhang.shared.Actor;
import org.huhang.shared.Paged;
import org.huhang.shared.spreadsheet.ImportReport;
import org.huhang.shared.web.ImportWeb;
import org.huhang.volunteer.AddQualification;
import org.huhang.volunteer.HoursEntry;
import org.huhang.volunteer.LogHours;
import org.huhang.volunteer.Qualification;
import org.huhang.volunteer.RegisterVolunteer;
import org.huhang.volunteer.RevealedContact;
import org.huhang.volunteer.Speciality;
import org.huhang.volunteer.VolunteerDetail;
import org.huhang.volunteer.VolunteerId;
import org.huhang.volunteer.VolunteerSearch;
import org.huhang.volunteer.VolunteerSummary;
import org.huhang.volunteer.internal.ContactReveal;
import org.huhang.volunteer.internal.SpecialityDictionary;
import org.huhang.volunteer.internal.VolunteerDirectory;
import org.huhang.volunteer.internal.VolunteerRecords;
import org.huhang.volunteer.internal.VolunteerRegistry;
import org.huhang.volunteer.internal.VolunteerRows;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Volunteers under /api/v1: the same search, rules and masking as the pages. */
@RestController
class VolunteerApiController {

  private final VolunteerDirectory directory;
  private final VolunteerRegistry registry;
  private final VolunteerRecords records;
  private final ContactReveal contacts;
  private final SpecialityDictionary dictionary;
  private final ImportWeb importWeb;
  private final VolunteerRows rows;

  VolunteerApiController(
      VolunteerDirectory directory,
      VolunteerRegistry registry,
      VolunteerRecords records,
      ContactReveal contacts,
      SpecialityDictionary dictionary,
      ImportWeb importWeb,
      VolunteerRows rows) {
    this.directory = directory;
    this.registry = registry;
    this.records = records;
    this.contacts = contacts;
    this.dictionary = dictionary;
    this.importWeb = importWeb;
    this.rows = rows;
  }

  /** Name in characters (simplified or traditional), full pinyin or initials, plus filters. */
  @GetMapping("/api/v1/volunteers")
  Paged<VolunteerSummary> search(Actor actor, @ModelAttribute VolunteerSearch search) {
    return directory.search(search, actor);
  }

  @GetMapping("/api/v1/volunteers/{id}")
  VolunteerDetail get(@PathVariable UUID id, Actor actor) {
    return directory.get(new VolunteerId(id), actor);
  }

  /** The whole identity number and phone: city administrator and own county only; audited. */
  @GetMapping("/api/v1/volunteers/{id}/contact")
  RevealedContact contact(@PathVariable UUID id, Actor actor) {
    return contacts.reveal(new VolunteerId(id), actor);
  }

  @PostMapping("/api/v1/volunteers")
  @ResponseStatus(HttpStatus.CREATED)
  VolunteerDetail register(@RequestBody RegisterVolunteer command, Actor actor) {
    return registry.register(command, actor);
  }

  @PutMapping("/api/v1/volunteers/{id}")
  VolunteerDetail update(
      @PathVariable UUID id, @RequestBody RegisterVolunteer command, Actor actor) {
    return registry.update(new VolunteerId(id), command, actor);
  }

  @PostMapping("/api/v1/volunteers/{id}/qualifications")
  @ResponseStatus(HttpStatus.CREATED)
  Qualification addQualification(
      @PathVariable UUID id, @RequestBody AddQualification command, Actor actor) {
    return records.addQualification(new VolunteerId(id), command, actor);
  }

  @PostMapping("/api/v1/volunteers/{id}/hours")
  @ResponseStatus(HttpStatus.CREATED)
  HoursEntry logHours(@PathVariable UUID id, @RequestBody LogHours command, Actor actor) {
    return records.logHours(new VolunteerId(id), command, actor);
  }

  /**
   * Imports an .xlsx in the template's layout: with {@code dryRun} only the report; otherwise every
   * new row in one transaction, or nothing (422 with the row errors) when any row is bad.
   */
  @PostMapping("/api/v1/volunteers/import")
  ResponseEntity<ImportReport> importFile(
      Actor actor,
      @RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    return importWeb.api(rows, file, dryRun, actor);
  }

  @GetMapping("/api/v1/specialities")
  List<Speciality> specialities() {
    return dictionary.specialities();
  }
}

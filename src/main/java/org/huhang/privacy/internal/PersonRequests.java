package org.huhang.privacy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.LegalTime;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Role;
import org.huhang.shared.pdf.FormPdf;
import org.huhang.shared.person.PhoneNumber;
import org.huhang.shared.person.ResidentIdNumber;
import org.huhang.shared.rights.Erasure;
import org.huhang.shared.rights.PersonField;
import org.huhang.shared.rights.PersonRecord;
import org.huhang.shared.rights.PersonRecords;
import org.huhang.shared.text.ControlCharacters;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's request to see, copy, correct and erase its records (PIPL arts. 44–47): an
 * administrator finds every record about the person by identity number or phone, across modules
 * (each module's {@link PersonRecords}), within the administrator's region; exports a copy in
 * Chinese as JSON or PDF; corrects a detail or erases what the owning module lets be erased, only
 * in a record found for that person. Every step is audited with the request's reference; the number
 * searched and the values written are never logged or kept.
 */
@Component
public class PersonRequests {

  private static final java.util.regex.Pattern REFERENCE =
      java.util.regex.Pattern.compile("[\\p{IsHan}A-Za-z0-9\\-_/〔〕（）()]{1,40}");

  private final List<PersonRecords> modules;
  private final AuditTrail audit;
  private final Clock clock;

  PersonRequests(List<PersonRecords> modules, AuditTrail audit, Clock clock) {
    this.modules = modules;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the administrator typed: the request's reference, and the person's number or phone. */
  public record Query(String reference, String idNumber, String phone) {}

  /** The query read: normalised number and phone, ready to hash. */
  record Person(String reference, String idNumber, String phone) {}

  public static void requireAdministrator(Actor actor) {
    if (!(actor.is(Role.CITY_ADMIN) || actor.is(Role.COUNTY_ADMIN))) {
      throw new ForbiddenException("a person's request: administrators");
    }
  }

  /** Every problem of the query at once, each naming its field. */
  public List<FieldProblem> problems(Query q) {
    List<FieldProblem> problems = new ArrayList<>();
    read(q, problems);
    return problems;
  }

  private Person read(Query q, List<FieldProblem> problems) {
    String reference = q.reference() == null ? null : q.reference().strip();
    if (reference == null || reference.isEmpty()) {
      problems.add(new FieldProblem("reference", "rights.reference.required", new Object[0]));
    } else if (ControlCharacters.present(reference)) {
      problems.add(new FieldProblem("reference", "error.controlCharacter", new Object[0]));
    } else if (!REFERENCE.matcher(reference).matches()) {
      problems.add(new FieldProblem("reference", "rights.reference.format", new Object[0]));
    }
    String id = null;
    String phone = null;
    boolean noId = q.idNumber() == null || q.idNumber().isBlank();
    boolean noPhone = q.phone() == null || q.phone().isBlank();
    if (noId && noPhone) {
      problems.add(new FieldProblem("idNumber", "rights.person.required", new Object[0]));
    }
    if (!noId) {
      try {
        id =
            ResidentIdNumber.parse(q.idNumber(), LocalDate.now(clock.withZone(LegalTime.ZONE)))
                .value();
      } catch (ResidentIdNumber.Invalid e) {
        problems.add(new FieldProblem("idNumber", e.problem().messageKey(), new Object[0]));
      }
    }
    if (!noPhone) {
      phone = PhoneNumber.parse(q.phone()).map(PhoneNumber::value).orElse(null);
      if (phone == null) {
        problems.add(new FieldProblem("phone", "rights.phone.invalid", new Object[0]));
      }
    }
    return new Person(reference, id, phone);
  }

  /** The records found, by kind, within the actor's region; the search is audited. */
  @Transactional
  public Map<String, List<PersonRecord>> find(Query q, Actor actor) {
    requireAdministrator(actor);
    Person p = valid(q);
    audit.recordWrite("privacy.search", "person-request", p.reference());
    return found(p, actor);
  }

  /**
   * One record found for the person within the actor's region, to confirm its erasure; any other
   * (another person's, another county's, none) is not found. Audited as a search.
   */
  @Transactional
  public PersonRecord record(Query q, String kind, String id, Actor actor) {
    requireAdministrator(actor);
    Person p = valid(q);
    audit.recordWrite("privacy.search", "person-request", p.reference());
    return held(p, kind, id, actor)
        .orElseThrow(() -> new NotFoundException("person record"))
        .record();
  }

  /** What a correction or an erasure did. */
  public enum Done {
    CORRECTED,
    ERASED,
    ALREADY_ERASED
  }

  /** What a step did, and the person's records as they are after it. */
  public record Result(Done done, Map<String, List<PersonRecord>> found) {}

  /**
   * Corrects one detail of the person in one of its records, by the owning module's rules; the
   * record must be one found for the person within the actor's region (otherwise 404).
   */
  @Transactional
  public Result correct(Query q, String kind, String id, String field, String value, Actor actor) {
    requireAdministrator(actor);
    Person p = valid(q);
    Held held = held(p, kind, id, actor).orElseThrow(() -> new NotFoundException("person record"));
    PersonField f =
        PersonField.of(field)
            .filter(held.record().correctable()::contains)
            .orElseThrow(() -> DomainException.of("field", "rights.correct.field"));
    held.module().correct(held.record(), f, value);
    audit.recordWrite("privacy.correct." + f.code(), "person-request", p.reference());
    return new Result(Done.CORRECTED, found(p, actor));
  }

  /**
   * Erases the person from one of its records, where the owning module allows it now; refused with
   * the module's reason otherwise. An erasure sent twice at once answers done for the second: it
   * waits on the record's lock, or no longer finds the record but finds it erased.
   */
  @Transactional
  public Result erase(Query q, String kind, String id, Actor actor) {
    requireAdministrator(actor);
    Person p = valid(q);
    Optional<Held> held = held(p, kind, id, actor);
    if (held.isEmpty()) {
      boolean erased =
          modules.stream()
              .filter(m -> m.kind().equals(kind))
              .flatMap(m -> m.erasedIn(id).stream())
              .anyMatch(path -> actor.scope().covers(path));
      if (!erased) {
        throw new NotFoundException("person record");
      }
      return new Result(Done.ALREADY_ERASED, found(p, actor));
    }
    Erasure erasure = held.get().record().erasure();
    if (!erasure.allowed()) {
      throw DomainException.of(null, erasure.refusedBecause());
    }
    if (!held.get().module().erase(held.get().record())) {
      return new Result(Done.ALREADY_ERASED, found(p, actor));
    }
    audit.recordWrite("privacy.erase", "person-request", p.reference());
    return new Result(Done.ERASED, found(p, actor));
  }

  /** A record found for the person, and the module that holds it. */
  private record Held(PersonRecords module, PersonRecord record) {}

  private Optional<Held> held(Person p, String kind, String id, Actor actor) {
    for (PersonRecords module : modules) {
      if (!module.kind().equals(kind)) {
        continue;
      }
      for (PersonRecord r : module.find(p.idNumber(), p.phone())) {
        if (r.id().equals(id) && actor.scope().covers(r.regionPath())) {
          return Optional.of(new Held(module, r));
        }
      }
    }
    return Optional.empty();
  }

  private Person valid(Query q) {
    List<FieldProblem> problems = new ArrayList<>();
    Person p = read(q, problems);
    if (!problems.isEmpty()) {
      throw new DomainException(problems);
    }
    return p;
  }

  private Map<String, List<PersonRecord>> found(Person p, Actor actor) {
    Map<String, List<PersonRecord>> byKind = new LinkedHashMap<>();
    for (PersonRecords module : modules) {
      for (PersonRecord r : module.find(p.idNumber(), p.phone())) {
        if (actor.scope().covers(r.regionPath())) {
          byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
        }
      }
    }
    return byKind;
  }

  /** The copy: every record found, field by field. */
  public record Copy(String reference, List<Section> sections) {}

  public record Section(String kind, PersonRecord record, List<PersonRecord.Field> fields) {}

  @Transactional
  public Copy copy(Query q, Actor actor) {
    requireAdministrator(actor);
    Person p = valid(q);
    List<Section> sections = new ArrayList<>();
    for (PersonRecords module : modules) {
      for (PersonRecord r : module.find(p.idNumber(), p.phone())) {
        if (actor.scope().covers(r.regionPath())) {
          sections.add(new Section(r.kind(), r, module.copy(r)));
        }
      }
    }
    audit.recordWrite("privacy.export", "person-request", p.reference());
    return new Copy(p.reference(), sections);
  }

  /** The copy as JSON: the reference, and per record its kind, day and fields (label → value). */
  public static byte[] json(Copy copy, java.util.function.Function<String, String> kindName) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("申请编号", copy.reference());
    List<Object> records = new ArrayList<>();
    for (Section s : copy.sections()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("类别", kindName.apply(s.kind()));
      r.put("日期", String.valueOf(s.record().on()));
      Map<String, String> fields = new LinkedHashMap<>();
      s.fields().forEach(f -> fields.merge(f.label(), f.value(), (a, b) -> a + "；" + b));
      r.put("内容", fields);
      records.add(r);
    }
    out.put("记录", records);
    return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
  }

  /** The copy as a printed form, in Chinese. */
  public static byte[] pdf(
      Copy copy,
      String office,
      String title,
      java.util.function.Function<String, String> kindName) {
    FormPdf pdf = FormPdf.start(office, title, copy.reference());
    if (copy.sections().isEmpty()) {
      pdf.paragraph("未找到与此人有关的记录。");
    }
    for (Section s : copy.sections()) {
      pdf.heading(kindName.apply(s.kind()) + "（" + s.record().on() + "）");
      pdf.fields(s.fields().stream().map(f -> new FormPdf.Field(f.label(), f.value())).toList());
    }
    return pdf.finish();
  }
}

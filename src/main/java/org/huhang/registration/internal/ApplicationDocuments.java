package org.huhang.registration.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.huhang.audit.AuditTrail;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.ApplicationView;
import org.huhang.registration.CoolingOffDates;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.Outcome;
import org.huhang.registration.PartyView;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.pdf.FormPdf;
import org.huhang.shared.pdf.FormPdf.Field;
import org.huhang.shared.qr.BookingLinks;
import org.huhang.shared.qr.QrCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The printed forms of an application, in the office's usual wording (always Chinese, whatever the
 * screen's language): the acceptance receipt with the cooling-off dates, and the withdrawal
 * confirmation. Each is read exactly as the application page is (same scope, same refusals),
 * printed with the numbers masked, and recorded in the audit trail.
 */
@Service
public class ApplicationDocuments {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", ZH);

  private final DivorceApplications applications;
  private final Regions regions;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final BookingLinks links;
  private final Clock clock;

  ApplicationDocuments(
      DivorceApplications applications,
      Regions regions,
      AuditTrail audit,
      MessageSource messages,
      BookingLinks links,
      Clock clock) {
    this.applications = applications;
    this.regions = regions;
    this.audit = audit;
    this.messages = messages;
    this.links = links;
    this.clock = clock;
  }

  /** A printed form: its title (also the file name) and the PDF. */
  public record Printed(String title, byte[] pdf) {}

  /**
   * 离婚登记申请受理回执单: any recorded application has one; one received before 2021 prints its outcome on
   * the spot and "不适用离婚冷静期" instead of the cooling-off deadlines.
   */
  @Transactional
  public Printed receipt(ApplicationId id, org.huhang.shared.Actor actor) {
    ApplicationView a = applications.get(id, actor);
    String title = zh("print.receipt.title");
    List<Field> fields = new ArrayList<>();
    fields.add(new Field(zh("print.receivedOn"), day(a.receivedOn())));
    List<String> notes = new ArrayList<>();
    if (!a.coolingOff()) {
      // Received before 2021: the same receipt, with the outcome on the spot and no deadline.
      fields.add(new Field(zh("print.regime"), zh("print.regime.preCivilCode")));
      fields.add(
          new Field(
              zh("print.outcome"),
              zh("print.outcome.value", zh("outcome." + a.outcome().name()), day(a.outcomeOn()))));
      notes.add(zh("print.receipt.note.preCivilCode"));
    } else {
      coolingOffLines(a, a.dates(), fields, notes);
    }
    fields.add(new Field(zh("print.marriageDate"), day(a.marriageDate())));
    fields.add(new Field(zh("print.counseling"), zh(counseling(a))));
    // Issue 15: the couple take home where to book counseling in their county, whatever they said.
    String booking = links.area(a.officeRegionCode());
    byte[] pdf =
        FormPdf.start(office(a), title, referenceLine(a))
            .fields(fields)
            .heading(zh("print.parties"))
            .grid(new float[] {14, 20, 10, 20, 36}, partyHeader(), parties(a))
            .heading(zh("print.receipt.notes"))
            .notes(notes)
            .signatures(
                List.of(
                    zh("print.sign.registrar"), zh("print.sign.partyA"), zh("print.sign.partyB")),
                zh("print.sign.date"),
                new FormPdf.Qr(QrCode.of(booking), zh("print.receipt.qr.caption"), booking))
            .closing(zh("print.copies"))
            .closing(zh("print.printedOn", day(LocalDate.now(clock))))
            .finish();
    audit.recordWrite("application.print.receipt", "divorce-application", id.toString());
    return new Printed(title, pdf);
  }

  /** The cooling-off period's rows and notes of the receipt. */
  private void coolingOffLines(
      ApplicationView a, CoolingOffDates dates, List<Field> fields, List<String> notes) {
    fields.add(
        new Field(
            zh("print.coolingOff"),
            zh(
                "print.coolingOff.window",
                day(a.receivedOn().plusDays(1)),
                day(dates.withdrawalDeadline()))));
    fields.add(
        new Field(
            zh("print.certificateWindow"),
            zh("print.window", day(dates.certificateFrom()), day(dates.certificateDeadline()))));
    fields.add(new Field(zh("print.deemedWithdrawnOn"), day(dates.deemedWithdrawnOn())));
    notes.add(
        zh(
            "print.receipt.note.withdraw",
            day(a.receivedOn().plusDays(1)),
            day(dates.withdrawalDeadline())));
    notes.add(
        zh(
            "print.receipt.note.certificate",
            day(dates.certificateFrom()),
            day(dates.certificateDeadline())));
    notes.add(
        zh(dates.provisional() ? "print.receipt.note.provisional" : "print.receipt.note.holidays"));
  }

  /** 撤回离婚登记申请确认单: only for an application a party withdrew; else not found. */
  @Transactional
  public Printed withdrawalConfirmation(ApplicationId id, org.huhang.shared.Actor actor) {
    ApplicationView a = applications.get(id, actor);
    if (a.outcome() != Outcome.WITHDRAWN || a.outcomeOn() == null) {
      throw new NotFoundException("withdrawal confirmation");
    }
    String title = zh("print.withdrawal.title");
    String by = a.withdrawnBy() == null ? "BOTH" : a.withdrawnBy();
    String who =
        switch (by) {
          case "A" -> zh("print.withdrawnBy.one", zh("print.party.a"), a.partyA().name());
          case "B" -> zh("print.withdrawnBy.one", zh("print.party.b"), a.partyB().name());
          default -> zh("print.withdrawnBy.both", a.partyA().name(), a.partyB().name());
        };
    List<String> signers = new ArrayList<>();
    signers.add(zh("print.sign.registrar"));
    if (!"B".equals(by)) {
      signers.add(zh("print.sign.partyA"));
    }
    if (!"A".equals(by)) {
      signers.add(zh("print.sign.partyB"));
    }
    byte[] pdf =
        FormPdf.start(office(a), title, referenceLine(a))
            .fields(
                List.of(
                    new Field(zh("print.receivedOn"), day(a.receivedOn())),
                    new Field(zh("print.withdrawnOn"), day(a.outcomeOn())),
                    new Field(zh("print.withdrawnBy"), who)))
            .heading(zh("print.parties"))
            .grid(new float[] {14, 20, 10, 20, 36}, partyHeader(), parties(a))
            .heading(zh("print.withdrawal.statement.title"))
            .paragraph(
                zh(
                    "print.withdrawal.statement",
                    who,
                    day(a.outcomeOn()),
                    a.partyA().name(),
                    a.partyB().name(),
                    day(a.receivedOn())))
            .signatures(signers, zh("print.sign.date"))
            .closing(zh("print.copies"))
            .closing(zh("print.printedOn", day(LocalDate.now(clock))))
            .finish();
    audit.recordWrite("application.print.withdrawal", "divorce-application", id.toString());
    return new Printed(title, pdf);
  }

  /** The office: the registering county's name, e.g. 无棣县婚姻登记处. */
  private String office(ApplicationView a) {
    String name =
        regions.find(a.officeRegionCode()).map(RegionView::name).orElse(a.officeRegionCode());
    return zh("print.office", name);
  }

  /** A short reference that a person can read out: the day received and the id's first part. */
  static String reference(ApplicationView a) {
    return a.receivedOn().format(DateTimeFormatter.BASIC_ISO_DATE)
        + "-"
        + a.id().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  private String referenceLine(ApplicationView a) {
    return zh("print.reference", reference(a));
  }

  private List<String> partyHeader() {
    return List.of(
        zh("print.party"),
        zh("print.party.name"),
        zh("print.party.gender"),
        zh("print.party.birthDate"),
        zh("print.party.idNumber"));
  }

  private List<List<String>> parties(ApplicationView a) {
    return List.of(party(zh("print.party.a"), a.partyA()), party(zh("print.party.b"), a.partyB()));
  }

  /** A party's row: the identity number only masked, as on every page. */
  private List<String> party(String role, PartyView p) {
    return List.of(
        role, p.name(), zh("gender." + p.gender().name()), day(p.birthDate()), p.idNumberMasked());
  }

  private static String counseling(ApplicationView a) {
    if (!a.counselingOffered()) {
      return "print.counseling.notOffered";
    }
    return a.counselingAccepted() ? "print.counseling.accepted" : "print.counseling.declined";
  }

  private static String day(LocalDate day) {
    return day == null ? "" : day.format(DAY);
  }

  private String zh(String key, Object... args) {
    return messages.getMessage(key, args, ZH);
  }
}

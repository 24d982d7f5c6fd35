package org.huhang.registration.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.huhang.registration.Outcome;
import org.huhang.registration.Party;
import org.huhang.registration.RecordApplication;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.person.Gender;
import org.huhang.shared.spreadsheet.ImportRows;
import org.huhang.shared.spreadsheet.SheetRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The registration system's export as rows of the staged import: each row an application recorded
 * as the form records it, with the outcome it reached, so that a city's history since 2018 comes in
 * one file: a row received before 2021 carries 准予登记 or 取消或暂缓 and its day and asks no holiday
 * calendar. The same couple received on the same day is already recorded and skipped; a couple with
 * an open application received on another day is refused. What is stored already is looked up for
 * the whole file at once, not row by row.
 */
@Component
public class ApplicationRows implements ImportRows<DivorceApplication> {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  private static final List<String> FIELDS =
      List.of(
          "receivedOn",
          "partyA.name",
          "partyA.gender",
          "partyA.birthDate",
          "partyA.idNumber",
          "partyA.phone",
          "partyB.name",
          "partyB.gender",
          "partyB.birthDate",
          "partyB.idNumber",
          "partyB.phone",
          "marriageDate",
          "minorChildren",
          "counselingOffered",
          "counselingAccepted",
          "outcome",
          "outcomeOn");

  /** Rows of a file: a city's six years (about 44,000 applications) come in one. */
  static final int MAX_ROWS = 60_000;

  private final ApplicationRecording recording;
  private final CalendarRepository calendar;
  private final RegistrationPolicy policy;
  private final MessageSource messages;

  ApplicationRows(
      ApplicationRecording recording,
      CalendarRepository calendar,
      RegistrationPolicy policy,
      MessageSource messages) {
    this.recording = recording;
    this.calendar = calendar;
    this.policy = policy;
    this.messages = messages;
  }

  @Override
  public String kind() {
    return "divorce-application";
  }

  /** The headers are Chinese in every language: the file comes from Chinese offices' systems. */
  @Override
  public List<Column> columns() {
    return FIELDS.stream()
        .map(f -> new Column(f, messages.getMessage("application.column." + f, null, ZH)))
        .toList();
  }

  @Override
  public int maxRows() {
    return MAX_ROWS;
  }

  @Override
  public Batch<DivorceApplication> open(Actor actor) {
    policy.requireRecorder(actor);
    CoolingOffClock cooling = new CoolingOffClock(calendar.current());
    return new Batch<>() {

      /** The couples with an open application stored, found with {@link #present}. */
      private Set<String> openStored = Set.of();

      /** The couples of this file's open (pending) rows so far: one open application each. */
      private final Set<String> openInFile = new HashSet<>();

      @Override
      public DivorceApplication read(SheetRow row) {
        RecordApplication command =
            new RecordApplication(
                row.date("receivedOn"),
                party(row, "partyA."),
                party(row, "partyB."),
                row.date("marriageDate"),
                row.integer("minorChildren", 0),
                row.yesNo("counselingOffered"),
                row.yesNo("counselingAccepted"),
                row.choice("outcome", IMPORTED_OUTCOMES, ApplicationRows.this::outcome),
                row.date("outcomeOn"));
        row.problems(recording.check(command));
        if (row.hasProblems()) {
          return null;
        }
        try {
          return recording.prepare(command, actor, cooling);
        } catch (DomainException e) {
          // An outcome outside the cooling-off windows: the move's words, under the day's column.
          row.problems(
              e.problems().stream()
                  .map(
                      p ->
                          "on".equals(p.field())
                              ? new FieldProblem("outcomeOn", p.messageKey(), p.args())
                              : p)
                  .toList());
          return null;
        }
      }

      /** The couple and the day received: the same couple may file again another day. */
      @Override
      public String sameKey(DivorceApplication application) {
        return couple(application) + ":" + application.receivedOn();
      }

      @Override
      public String sameField() {
        return "partyA.idNumber";
      }

      @Override
      public String sameMessageKey() {
        return "applicationImport.sameCouple";
      }

      /**
       * One query for the whole file: which couple-and-day is recorded (skipped), and which couple
       * has an open application stored (for {@link #conflicts}, asked after this).
       */
      @Override
      public Set<String> present(List<DivorceApplication> applications) {
        ApplicationQueries.Stored stored =
            recording.stored(applications.stream().map(DivorceApplication::pairHash).toList());
        openStored = stored.openCouples();
        return stored.coupleDays();
      }

      /** An open application refused while the couple has another open one, stored or above. */
      @Override
      public List<FieldProblem> conflicts(DivorceApplication application) {
        if (application.outcome() != Outcome.PENDING) {
          return List.of();
        }
        String couple = couple(application);
        return openStored.contains(couple) || !openInFile.add(couple)
            ? List.of(new FieldProblem("partyA.idNumber", "application.duplicate", new Object[0]))
            : List.of();
      }

      @Override
      public List<String> preview(DivorceApplication a) {
        return List.of(
            a.receivedOn().toString(),
            a.partyA().name(),
            gender(a.partyA().gender()),
            a.partyA().birthDate().toString(),
            a.partyA().idMasked(),
            orEmpty(a.partyA().phoneMasked()),
            a.partyB().name(),
            gender(a.partyB().gender()),
            a.partyB().birthDate().toString(),
            a.partyB().idMasked(),
            orEmpty(a.partyB().phoneMasked()),
            a.marriageDate().toString(),
            String.valueOf(a.minorChildren()),
            yesNo(a.counselingOffered()),
            yesNo(a.counselingAccepted()),
            a.outcome() == Outcome.PENDING ? "" : outcome(a.outcome()),
            a.outcomeOn() == null ? "" : a.outcomeOn().toString());
      }

      @Override
      public void save(List<DivorceApplication> applications) {
        recording.saveImported(applications);
      }
    };
  }

  /** The outcomes a row may carry; an empty cell is pending (from 2021 on). */
  private static final Outcome[] IMPORTED_OUTCOMES = {
    Outcome.REGISTERED,
    Outcome.CANCELLED_OR_POSTPONED,
    Outcome.WITHDRAWN,
    Outcome.DEEMED_WITHDRAWN,
    Outcome.DIVORCED
  };

  private String outcome(Outcome o) {
    return messages.getMessage("outcome." + o.name(), null, ZH);
  }

  static String couple(DivorceApplication application) {
    return HexFormat.of().formatHex(application.pairHash());
  }

  private Party party(SheetRow row, String prefix) {
    Gender gender = row.choice(prefix + "gender", Gender.values(), this::gender);
    LocalDate birth = row.date(prefix + "birthDate");
    return new Party(
        row.text(prefix + "name"),
        gender,
        birth,
        row.identityNumber(prefix + "idNumber"),
        row.text(prefix + "phone"));
  }

  private String gender(Gender g) {
    return messages.getMessage("gender." + g.name(), null, ZH);
  }

  private static String yesNo(boolean value) {
    return value ? "是" : "否";
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}

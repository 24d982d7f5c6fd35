package org.huhang.registration.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.huhang.registration.Party;
import org.huhang.registration.RecordApplication;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.person.Gender;
import org.huhang.shared.spreadsheet.ImportRows;
import org.huhang.shared.spreadsheet.SheetRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The registration system's export as rows of the staged import: each row an application recorded
 * as the form records it. The same couple received on the same day is already recorded and skipped;
 * a couple with an open application received on another day is refused.
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
          "counselingAccepted");

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
  public Batch<DivorceApplication> open(Actor actor) {
    policy.requireRecorder(actor);
    CoolingOffClock cooling = new CoolingOffClock(calendar.current());
    return new Batch<>() {

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
                row.yesNo("counselingAccepted"));
        row.problems(recording.check(command));
        return row.hasProblems() ? null : recording.prepare(command, actor, cooling);
      }

      @Override
      public String sameKey(DivorceApplication application) {
        return HexFormat.of().formatHex(application.pairHash());
      }

      @Override
      public String sameField() {
        return "partyA.idNumber";
      }

      @Override
      public String sameMessageKey() {
        return "applicationImport.sameCouple";
      }

      @Override
      public Set<String> present(List<DivorceApplication> applications) {
        Set<String> present = new HashSet<>();
        for (DivorceApplication a : applications) {
          if (recording.alreadyRecorded(a)) {
            present.add(sameKey(a));
          }
        }
        return present;
      }

      @Override
      public List<FieldProblem> conflicts(DivorceApplication application) {
        return recording.openElsewhere(application)
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
            yesNo(a.counselingAccepted()));
      }

      @Override
      public void save(List<DivorceApplication> applications) {
        recording.saveImported(applications);
      }
    };
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

package org.huhang.volunteer.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.huhang.center.CenterView;
import org.huhang.shared.Actor;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.Masking;
import org.huhang.shared.person.PhoneNumber;
import org.huhang.shared.spreadsheet.ImportRows;
import org.huhang.shared.spreadsheet.SheetRow;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.RegisterVolunteer;
import org.huhang.volunteer.Speciality;
import org.huhang.volunteer.VolunteerStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The volunteer sheet as rows of the staged import: each row a volunteer registered as the form
 * registers one. A volunteer whose identity number is registered already is skipped, so a sheet
 * imported twice changes nothing.
 */
@Component
public class VolunteerRows implements ImportRows<RegisterVolunteer> {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  static final List<String> FIELDS =
      List.of(
          "name",
          "gender",
          "birthDate",
          "idNumber",
          "phone",
          "background",
          "centerId",
          "specialities",
          "dialects",
          "status",
          "joinedOn");

  private final VolunteerRegistry registry;
  private final SpecialityDictionary dictionary;
  private final VolunteerPolicy policy;
  private final MessageSource messages;

  VolunteerRows(
      VolunteerRegistry registry,
      SpecialityDictionary dictionary,
      VolunteerPolicy policy,
      MessageSource messages) {
    this.registry = registry;
    this.dictionary = dictionary;
    this.policy = policy;
    this.messages = messages;
  }

  @Override
  public String kind() {
    return "volunteer";
  }

  /** The headers are Chinese in every language: the sheet is exchanged with Chinese offices. */
  @Override
  public List<Column> columns() {
    return FIELDS.stream().map(f -> new Column(f, zh("volunteer.column." + f))).toList();
  }

  @Override
  public Batch<RegisterVolunteer> open(Actor actor) {
    policy.requireManage(actor);
    List<CenterView> centerChoices = registry.centerChoices(actor);
    VolunteerRegistry.Checks checks = registry.importChecks(actor, centerChoices);
    Map<String, UUID> centerByName = new HashMap<>();
    Map<UUID, String> centerName = new HashMap<>();
    centerChoices.forEach(
        c -> {
          centerByName.putIfAbsent(c.name(), c.id().value());
          centerName.put(c.id().value(), c.name());
        });
    Map<String, String> specialityByName = new LinkedHashMap<>();
    Map<String, String> specialityName = new HashMap<>();
    dictionary.specialities().stream()
        .filter(Speciality::active)
        .forEach(
            s -> {
              specialityByName.put(s.nameZh(), s.code());
              specialityName.put(s.code(), s.nameZh());
            });

    return new Batch<>() {

      @Override
      public RegisterVolunteer read(SheetRow row) {
        UUID centerId = null;
        String center = row.text("centerId");
        if (!center.isEmpty()) {
          centerId = centerByName.get(center);
          if (centerId == null) {
            row.problem("centerId", "volunteerImport.unknownCenter", center);
          }
        }
        List<String> specialities = new ArrayList<>();
        for (String s : row.text("specialities").split("[,，、;；]+")) {
          String name = s.strip();
          if (name.isEmpty()) {
            continue;
          }
          String code = specialityByName.get(name);
          if (code == null) {
            row.problem("specialities", "volunteerImport.unknownSpeciality", name);
          } else if (!specialities.contains(code)) {
            specialities.add(code);
          }
        }
        VolunteerStatus status =
            row.text("status").isEmpty()
                ? VolunteerStatus.ACTIVE
                : row.choice(
                    "status", VolunteerStatus.values(), s -> zh("volunteer.status." + s.name()));
        RegisterVolunteer command =
            new RegisterVolunteer(
                row.text("name"),
                row.choice("gender", Gender.values(), g -> zh("gender." + g.name())),
                row.date("birthDate"),
                row.identityNumber("idNumber"),
                row.text("phone"),
                row.choice(
                    "background", Background.values(), b -> zh("volunteer.background." + b.name())),
                specialities,
                row.text("dialects"),
                List.of(),
                centerId,
                status,
                row.date("joinedOn"),
                null);
        row.problems(registry.importProblems(command, checks));
        return command;
      }

      @Override
      public String sameKey(RegisterVolunteer v) {
        return v.idNumber().toUpperCase(Locale.ROOT);
      }

      @Override
      public String sameField() {
        return "idNumber";
      }

      @Override
      public String sameMessageKey() {
        return "volunteerImport.sameIdNumber";
      }

      @Override
      public Set<String> present(List<RegisterVolunteer> volunteers) {
        Map<String, byte[]> hashes = new HashMap<>();
        volunteers.forEach(v -> hashes.put(sameKey(v), registry.idHash(sameKey(v))));
        return registry.alreadyRegistered(hashes);
      }

      @Override
      public List<String> preview(RegisterVolunteer v) {
        String phone = PhoneNumber.parse(v.phone()).map(PhoneNumber::value).orElse(v.phone());
        return List.of(
            v.name(),
            zh("gender." + v.gender().name()),
            v.birthDate().toString(),
            Masking.idNumber(sameKey(v)),
            Masking.phone(phone),
            zh("volunteer.background." + v.background().name()),
            centerName.getOrDefault(v.centerId(), ""),
            String.join("、", v.specialities().stream().map(specialityName::get).toList()),
            String.join("、", v.dialectList()),
            zh("volunteer.status." + v.status().name()),
            v.joinedOn().toString());
      }

      @Override
      public void save(List<RegisterVolunteer> volunteers) {
        registry.registerChecked(volunteers, actor);
      }
    };
  }

  private String zh(String key) {
    return messages.getMessage(key, null, key, ZH);
  }
}

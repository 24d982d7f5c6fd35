package org.huhang.outreach.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huhang.center.CenterId;
import org.huhang.center.CenterView;
import org.huhang.center.Centers;
import org.huhang.outreach.OutreachType;
import org.huhang.outreach.SaveOutreachEvent;
import org.huhang.region.RegionLevel;
import org.huhang.region.RegionView;
import org.huhang.region.Regions;
import org.huhang.shared.Actor;
import org.huhang.shared.spreadsheet.ImportRows;
import org.huhang.shared.spreadsheet.SheetRow;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outreach event sheet as rows of the staged import: each row an event recorded as the form
 * records one, with the same rules. An event already recorded on the same day and time, in the same
 * region and under the same title is skipped, so a sheet (an export among them) imported twice
 * changes nothing.
 */
@Component
public class OutreachRows implements ImportRows<SaveOutreachEvent> {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  /** The fields in sheet order; the export writes the same columns, so an export re-imports. */
  static final List<String> FIELDS =
      List.of(
          "type",
          "title",
          "heldOn",
          "startsAt",
          "regionCode",
          "place",
          "centerId",
          "speakers",
          "audience",
          "attendance",
          "summary");

  /** "滨城区（371602）": a region as the export writes it, read back by its code. */
  private static final Pattern NAMED_CODE = Pattern.compile("^.*?[（(]\\s*(\\d{6,12})\\s*[）)]$");

  private static final Pattern SPEAKERS = Pattern.compile("[、;；]+");

  private final OutreachRegistry registry;
  private final OutreachPolicy policy;
  private final Regions regions;
  private final Centers centers;
  private final JdbcClient jdbc;
  private final MessageSource messages;

  OutreachRows(
      OutreachRegistry registry,
      OutreachPolicy policy,
      Regions regions,
      Centers centers,
      JdbcClient jdbc,
      MessageSource messages) {
    this.registry = registry;
    this.policy = policy;
    this.regions = regions;
    this.centers = centers;
    this.jdbc = jdbc;
    this.messages = messages;
  }

  @Override
  public String kind() {
    return "outreach-event";
  }

  /** The headers are Chinese in every language: the sheet is exchanged with Chinese offices. */
  @Override
  public List<Column> columns() {
    return FIELDS.stream().map(f -> new Column(f, zh("outreach.column." + f))).toList();
  }

  /** A region as the sheet writes it: its name and, in brackets, its code. */
  static String regionCell(String name, String code) {
    return name + "（" + code + "）";
  }

  static String speakersCell(List<String> speakers) {
    return String.join("、", speakers);
  }

  String typeLabel(OutreachType type) {
    return zh("outreach.type." + type.name());
  }

  /** The regions the actor may hold an event in, as the form offers them. */
  List<RegionView> offeredRegions(Actor actor) {
    return regions.inScope(actor.scope()).stream()
        .filter(r -> r.level() != RegionLevel.VILLAGE)
        .filter(r -> policy.offers(actor, r))
        .toList();
  }

  @Override
  public Batch<SaveOutreachEvent> open(Actor actor) {
    policy.requireCreate(actor);
    String scope = policy.scope(actor);
    Map<String, RegionView> regionByCode = new HashMap<>();
    Map<String, List<RegionView>> regionsByName = new HashMap<>();
    for (RegionView r : offeredRegions(actor)) {
      regionByCode.put(r.code(), r);
      regionsByName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(r);
    }
    Map<String, UUID> centerByName = new HashMap<>();
    Map<UUID, String> centerName = new HashMap<>();
    for (CenterView c : centers.choices(actor)) {
      centerByName.putIfAbsent(c.name(), c.id().value());
      centerName.put(c.id().value(), c.name());
    }

    return new Batch<>() {

      @Override
      public SaveOutreachEvent read(SheetRow row) {
        UUID centerId = null;
        String center = row.text("centerId");
        if (!center.isEmpty()) {
          centerId = centerByName.get(center);
          if (centerId == null) {
            row.problem("centerId", "outreachImport.unknownCenter", center);
          }
        }
        List<String> speakers = new ArrayList<>();
        for (String s : SPEAKERS.split(row.text("speakers"))) {
          if (!s.isBlank()) {
            speakers.add(s.strip());
          }
        }
        SaveOutreachEvent command =
            new SaveOutreachEvent(
                row.choice("type", OutreachType.values(), t -> typeLabel(t)),
                row.text("title"),
                row.date("heldOn"),
                time(row),
                region(row, regionByCode, regionsByName),
                row.text("place"),
                centerId == null ? null : new CenterId(centerId),
                speakers,
                row.text("audience"),
                row.integer("attendance", null),
                row.text("summary"),
                null);
        row.problems(registry.problems(null, command, actor));
        return command;
      }

      @Override
      public String sameKey(SaveOutreachEvent e) {
        return key(e.heldOn(), e.startsAt(), e.regionCode(), e.title());
      }

      @Override
      public String sameField() {
        return "title";
      }

      @Override
      public String sameMessageKey() {
        return "outreachImport.same";
      }

      @Override
      public Set<String> present(List<SaveOutreachEvent> events) {
        if (events.isEmpty()) {
          return Set.of();
        }
        LocalDate first =
            events.stream().map(SaveOutreachEvent::heldOn).min(LocalDate::compareTo).get();
        LocalDate last =
            events.stream().map(SaveOutreachEvent::heldOn).max(LocalDate::compareTo).get();
        Set<String> stored = new HashSet<>();
        jdbc.sql(
                """
                select held_on, starts_at, region_code, title from outreach.outreach_event
                where region_path like :scope and held_on between :first and :last""")
            .param("scope", scope)
            .param("first", first)
            .param("last", last)
            .query(
                (rs, n) ->
                    key(
                        rs.getObject("held_on", LocalDate.class),
                        rs.getObject("starts_at", LocalTime.class),
                        rs.getString("region_code"),
                        rs.getString("title")))
            .list()
            .forEach(stored::add);
        Set<String> present = new HashSet<>();
        for (SaveOutreachEvent e : events) {
          if (stored.contains(sameKey(e))) {
            present.add(sameKey(e));
          }
        }
        return present;
      }

      @Override
      public List<String> preview(SaveOutreachEvent e) {
        RegionView region = regionByCode.get(e.regionCode());
        return List.of(
            typeLabel(e.type()),
            e.title(),
            e.heldOn().toString(),
            e.startsAt().format(HH_MM),
            region == null ? e.regionCode() : regionCell(region.name(), region.code()),
            e.place(),
            e.centerId() == null ? "" : centerName.getOrDefault(e.centerId().value(), ""),
            speakersCell(e.speakers()),
            e.audience() == null ? "" : e.audience(),
            String.valueOf(e.attendance()),
            e.summary() == null ? "" : e.summary());
      }

      @Override
      public void save(List<SaveOutreachEvent> events) {
        events.forEach(e -> registry.create(e, actor));
      }
    };
  }

  static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  /** 9:00, 09:00 or 09:00:00 as typed; an Excel time cell as its fraction of a day. */
  private static LocalTime time(SheetRow row) {
    String text = row.text("startsAt");
    if (text.isEmpty()) {
      return null;
    }
    try {
      String[] parts = text.split("[:：]");
      if (parts.length >= 2 && parts.length <= 3) {
        return LocalTime.of(
            Integer.parseInt(parts[0].strip()),
            Integer.parseInt(parts[1].strip()),
            parts.length == 3 ? Integer.parseInt(parts[2].strip()) : 0);
      }
      BigDecimal fraction = new BigDecimal(text);
      if (fraction.signum() >= 0 && fraction.compareTo(BigDecimal.ONE) < 0) {
        long seconds = Math.round(fraction.doubleValue() * 86_400);
        return LocalTime.ofSecondOfDay(Math.min(seconds, 86_399)).withSecond(0);
      }
    } catch (NumberFormatException | java.time.DateTimeException e) {
      // reported below
    }
    row.problem("startsAt", "outreachImport.time", text);
    return null;
  }

  /** The region's code: given as a code, as "name（code）", or as a name unique in the scope. */
  private static String region(
      SheetRow row, Map<String, RegionView> byCode, Map<String, List<RegionView>> byName) {
    String text = row.text("regionCode");
    if (text.isEmpty()) {
      return null;
    }
    Matcher named = NAMED_CODE.matcher(text);
    if (named.matches()) {
      return named.group(1);
    }
    if (text.chars().allMatch(Character::isDigit)) {
      return text;
    }
    List<RegionView> found = byName.getOrDefault(text, List.of());
    if (found.size() == 1) {
      return found.get(0).code();
    }
    row.problem(
        "regionCode",
        found.isEmpty() ? "outreachImport.unknownRegion" : "outreachImport.ambiguousRegion",
        text);
    return null;
  }

  static String key(LocalDate day, LocalTime time, String region, String title) {
    return day
        + "|"
        + (time == null ? "" : time.format(HH_MM))
        + "|"
        + region
        + "|"
        + (title == null ? "" : title.strip());
  }

  private String zh(String key) {
    return messages.getMessage(key, null, key, ZH);
  }
}

package org.huhang.selfservice.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.huhang.center.CenterId;
import org.huhang.selfservice.HalfDaySlot;
import org.huhang.volunteer.HalfDay;
import org.huhang.volunteer.Volunteers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The half-days a family may book at a center in the next two weeks: those on which some of the
 * center's active volunteers can serve, fewer booked than there are such volunteers. Today is never
 * offered (the center needs a day to accept).
 */
@Component
class Slots {

  static final int DAYS_AHEAD = 14;

  private final Volunteers volunteers;
  private final JdbcClient jdbc;

  Slots(Volunteers volunteers, JdbcClient jdbc) {
    this.volunteers = volunteers;
    this.jdbc = jdbc;
  }

  /** Free half-days from tomorrow on, with how many places each has left. */
  List<HalfDaySlot> free(UUID centerId, LocalDate today) {
    Map<HalfDay, Integer> capacity = capacity(centerId);
    Map<String, Integer> taken = taken(centerId, today.plusDays(1), today.plusDays(DAYS_AHEAD));
    List<HalfDaySlot> free = new ArrayList<>();
    for (int d = 1; d <= DAYS_AHEAD; d++) {
      for (HalfDaySlot.Part part : HalfDaySlot.Part.values()) {
        HalfDaySlot slot = new HalfDaySlot(today.plusDays(d), part);
        if (capacity.getOrDefault(slot.halfDay(), 0) > taken.getOrDefault(slot.value(), 0)) {
          free.add(slot);
        }
      }
    }
    return free;
  }

  /** Whether this half-day still has a place; call under the slot's lock to book it. */
  boolean hasPlace(UUID centerId, HalfDaySlot slot, LocalDate today) {
    if (!slot.date().isAfter(today) || slot.date().isAfter(today.plusDays(DAYS_AHEAD))) {
      return false;
    }
    int places = capacity(centerId).getOrDefault(slot.halfDay(), 0);
    return places > taken(centerId, slot.date(), slot.date()).getOrDefault(slot.value(), 0);
  }

  /** Serialises bookings of one half-day of one center until the transaction ends. */
  void lock(UUID centerId, HalfDaySlot slot) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 16))")
        .param("k", centerId + "/" + slot.value())
        .query((rs, n) -> 1)
        .list();
  }

  private Map<HalfDay, Integer> capacity(UUID centerId) {
    Map<HalfDay, Integer> capacity = new HashMap<>();
    for (Set<HalfDay> one : volunteers.availabilityAt(new CenterId(centerId))) {
      one.forEach(h -> capacity.merge(h, 1, Integer::sum));
    }
    return capacity;
  }

  private Map<String, Integer> taken(UUID centerId, LocalDate from, LocalDate to) {
    Map<String, Integer> taken = new HashMap<>();
    jdbc.sql(
            """
            select slot_date, half_day, count(*) as n from selfservice.booking
             where center_id = :center and slot_date between :from and :to
               and status in ('REQUESTED', 'ACCEPTED')
             group by slot_date, half_day""")
        .param("center", centerId)
        .param("from", from)
        .param("to", to)
        .query(
            rs -> {
              taken.put(
                  rs.getObject("slot_date", LocalDate.class) + "-" + rs.getString("half_day"),
                  rs.getInt("n"));
            });
    return taken;
  }
}

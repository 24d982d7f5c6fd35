package org.huhang.selfservice.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.huhang.shared.person.Gender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The person who booked, as sealed into {@code booking.person_cipher}: name, gender, birth. */
record SealedPerson(String name, Gender gender, LocalDate birthDate) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  String json() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("gender", gender.name());
    out.put("birthDate", birthDate.toString());
    return JSON.writeValueAsString(out);
  }

  static SealedPerson of(String json) {
    JsonNode n = JSON.readTree(json);
    return new SealedPerson(
        n.get("name").asString(),
        Gender.valueOf(n.get("gender").asString()),
        LocalDate.parse(n.get("birthDate").asString()));
  }

  @Override
  public String toString() {
    return "SealedPerson[***]";
  }
}

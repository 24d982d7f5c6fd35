package org.huhang.casework.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.huhang.casework.SessionNotes;
import org.huhang.casework.SixSteps;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON shape of {@link SessionNotes} as it is sealed into {@code
 * casework.session.notes_cipher} ({@code PersonalDataProtector.encrypt} of this UTF-8 text):
 *
 * <pre>
 * {"partyA": {"beliefSystem": "…", "thinkingAngle": "…", "emotionalFeelings": "…",
 *             "behaviour": "…", "result": "…", "conclusion": "…"} or null,
 *  "partyB": {…} or null,
 *  "freeNotes": "…", "agreedActions": "…", "nextAppointment": "…"}
 * </pre>
 *
 * Written from an explicit map with a plain Jackson {@link JsonMapper} of its own (not the web's,
 * whose modules belong to the API), so the stored text does not change when a record gains a helper
 * method.
 */
public final class SessionNotesJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SessionNotesJson() {}

  public static String write(SessionNotes notes) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("partyA", steps(notes.partyA()));
    out.put("partyB", steps(notes.partyB()));
    out.put("freeNotes", notes.freeNotes());
    out.put("agreedActions", notes.agreedActions());
    out.put("nextAppointment", notes.nextAppointment());
    return JSON.writeValueAsString(out);
  }

  public static SessionNotes read(String json) {
    JsonNode root = JSON.readTree(json);
    return new SessionNotes(
        steps(root.get("partyA")),
        steps(root.get("partyB")),
        text(root, "freeNotes"),
        text(root, "agreedActions"),
        text(root, "nextAppointment"));
  }

  private static Map<String, String> steps(SixSteps s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put("beliefSystem", s.beliefSystem());
    out.put("thinkingAngle", s.thinkingAngle());
    out.put("emotionalFeelings", s.emotionalFeelings());
    out.put("behaviour", s.behaviour());
    out.put("result", s.result());
    out.put("conclusion", s.conclusion());
    return out;
  }

  private static SixSteps steps(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return new SixSteps(
        text(node, "beliefSystem"),
        text(node, "thinkingAngle"),
        text(node, "emotionalFeelings"),
        text(node, "behaviour"),
        text(node, "result"),
        text(node, "conclusion"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}

package org.huhang.teaching.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.casework.CaseStage;
import org.huhang.shared.Actor;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Paged;
import org.huhang.teaching.TeachingCaseId;
import org.huhang.teaching.TeachingCaseSummary;
import org.huhang.teaching.TeachingCaseView;
import org.huhang.teaching.TeachingSearch;
import org.huhang.teaching.TeachingStatus;
import org.huhang.training.ModuleMaterials;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The library's lists and look-ups: a published case for every reader, a draft only inside the
 * actor's scope and for the managers of its center or an administrator; the conditions are bound
 * parameters of the query, never a filter after loading.
 */
@Component
class TeachingQueries {

  /**
   * What a reader sees: published; a draft only by the managers of its center (nobody else sees it
   * before they approve it); one awaiting the county also by the administrators of its region, who
   * give the second approval (:scope, :admin, :managed).
   */
  private static final String VISIBLE =
      "(t.status = 'PUBLISHED' or (t.region_path like :scope"
          + " and (t.center_id = any(:managed) or (:admin and t.status = 'AWAITING_COUNTY'))))";

  private final JdbcClient jdbc;
  private final TeachingPolicy policy;

  TeachingQueries(JdbcClient jdbc, TeachingPolicy policy) {
    this.jdbc = jdbc;
    this.policy = policy;
  }

  /** The id of a teaching case the actor sees; 404 otherwise. */
  UUID visible(UUID id, Actor actor) {
    return jdbc.sql("select t.id from teaching.teaching_case t where t.id = :id and " + VISIBLE)
        .param("id", id)
        .param("scope", actor.scope().likePattern())
        .param("admin", actor.role().isAdministrator())
        .param("managed", policy.managedCenters(actor))
        .query(UUID.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("teaching case"));
  }

  /** The teaching case drafted from this counseling case, if there is one. */
  Optional<UUID> fromCase(UUID caseId) {
    return jdbc.sql("select id from teaching.teaching_case where source_case_id = :case")
        .param("case", caseId)
        .query(UUID.class)
        .optional();
  }

  Paged<TeachingCaseSummary> search(
      TeachingSearch search, Integer page, Integer size, Actor actor) {
    int p = Paged.clampPage(page);
    int s = Paged.clampSize(size);
    StringBuilder where = new StringBuilder(VISIBLE);
    String tsquery = Bigrams.query(search.q());
    if (search.category() != null) {
      where.append(" and :category = any(t.issue_categories)");
    }
    if (search.stage() != null) {
      where.append(" and t.stage = :stage");
    }
    if (search.status() != null) {
      where.append(" and t.status = :status");
    }
    if (search.q() != null && tsquery == null) {
      // Only punctuation: nothing can match.
      return new Paged<>(List.of(), p, s, 0);
    }
    if (tsquery != null) {
      // The query is a tsquery literal of quoted letters and digits only (Bigrams#query).
      where.append(" and t.search @@ cast(:q as tsquery)");
    }
    var count =
        bind(
            jdbc.sql("select count(*) from teaching.teaching_case t where " + where),
            search,
            tsquery,
            actor);
    long total = count.query(Long.class).single();
    var list =
        bind(
            jdbc.sql(
                """
                select t.id, t.title, t.status, t.stage, t.issue_categories,
                       left(coalesce(t.background, ''), 160) as excerpt, t.published_at
                  from teaching.teaching_case t where """
                    + where
                    + " order by t.published_at desc nulls first, t.updated_at desc, t.id"
                    + " limit :limit offset :offset"),
            search,
            tsquery,
            actor);
    List<TeachingCaseSummary> items =
        list.param("limit", s)
            .param("offset", (long) p * s)
            .query(
                (rs, n) -> {
                  Timestamp published = rs.getTimestamp("published_at");
                  return new TeachingCaseSummary(
                      new TeachingCaseId(rs.getObject("id", UUID.class)),
                      rs.getString("title"),
                      TeachingStatus.valueOf(rs.getString("status")),
                      CaseStage.valueOf(rs.getString("stage")),
                      Arrays.asList((String[]) rs.getArray("issue_categories").getArray()),
                      rs.getString("excerpt"),
                      published == null ? null : published.toInstant());
                })
            .list();
    return new Paged<>(items, p, s, total);
  }

  private JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, TeachingSearch search, String tsquery, Actor actor) {
    spec =
        spec.param("scope", actor.scope().likePattern())
            .param("admin", actor.role().isAdministrator())
            .param("managed", policy.managedCenters(actor));
    if (search.category() != null) {
      spec = spec.param("category", search.category());
    }
    if (search.stage() != null) {
      spec = spec.param("stage", search.stage().name());
    }
    if (search.status() != null) {
      spec = spec.param("status", search.status().name());
    }
    if (tsquery != null) {
      spec = spec.param("q", tsquery);
    }
    return spec;
  }

  /** Writes the search lexemes of a teaching case (computed in Java, see {@link Bigrams}). */
  void index(UUID id, String text) {
    jdbc.sql(
            "update teaching.teaching_case set search = array_to_tsvector(cast(:lexemes as text[]))"
                + " where id = :id")
        .param("lexemes", Bigrams.lexemes(text).toArray(String[]::new))
        .param("id", id)
        .update();
  }

  List<TeachingCaseView.Material> materials(UUID teachingCaseId) {
    return jdbc.sql(
            """
            select module_id, course_id, label from teaching.module_material
             where teaching_case_id = :id order by attached_at, module_id""")
        .param("id", teachingCaseId)
        .query(
            (rs, n) ->
                new TeachingCaseView.Material(
                    rs.getObject("module_id", UUID.class),
                    rs.getObject("course_id", UUID.class),
                    rs.getString("label")))
        .list();
  }

  /** The published cases attached to these modules. */
  List<ModuleMaterials.Material> published(Collection<UUID> moduleIds) {
    if (moduleIds.isEmpty()) {
      return List.of();
    }
    List<ModuleMaterials.Material> out = new ArrayList<>();
    jdbc.sql(
            """
            select m.module_id, t.id, t.title from teaching.module_material m
              join teaching.teaching_case t on t.id = m.teaching_case_id
             where m.module_id = any(:modules) and t.status = 'PUBLISHED'
             order by m.attached_at, t.id""")
        .param("modules", moduleIds.toArray(UUID[]::new))
        .query(
            rs -> {
              out.add(
                  new ModuleMaterials.Material(
                      rs.getObject("module_id", UUID.class),
                      rs.getString("title"),
                      "/teaching-cases/" + rs.getObject("id", UUID.class)));
            });
    return out;
  }

  void attach(
      UUID id, UUID moduleId, UUID courseId, String label, String by, java.time.Instant at) {
    jdbc.sql(
            """
            insert into teaching.module_material (teaching_case_id, module_id, course_id, label,
                   attached_by, attached_at)
            values (:id, :module, :course, :label, :by, :at)
            on conflict (teaching_case_id, module_id) do nothing""")
        .param("id", id)
        .param("module", moduleId)
        .param("course", courseId)
        .param("label", label.length() > 250 ? label.substring(0, 250) : label)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .update();
  }

  int detach(UUID id, UUID moduleId) {
    return jdbc.sql(
            "delete from teaching.module_material where teaching_case_id = :id and module_id = :module")
        .param("id", id)
        .param("module", moduleId)
        .update();
  }
}

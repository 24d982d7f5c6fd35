package org.huhang.volunteer.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.huhang.shared.NotFoundException;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The volunteer aggregate in and out of volunteer.volunteer; searches are in the queries. */
interface VolunteerRepository extends Repository<Volunteer, UUID> {

  String COLUMNS =
      "id, name, sort_key, search_keys, gender, birth_date, id_number_cipher, id_number_hash,"
          + " id_number_masked, phone_cipher, phone_masked, background, specialities, dialects,"
          + " availability, center_id, region_path, status, joined_on, user_id, created_at,"
          + " updated_at, anonymised_on";

  Volunteer save(Volunteer volunteer);

  /** Inserts new volunteers in one JDBC batch (the import, the demo data). */
  List<Volunteer> saveAll(Iterable<Volunteer> volunteers);

  Optional<Volunteer> findById(UUID id);

  @Query(
      "select " + COLUMNS + " from volunteer.volunteer where id = :id and region_path like :scope")
  Optional<Volunteer> findInScope(UUID id, String scope);

  @Query(
      "select "
          + COLUMNS
          + " from volunteer.volunteer where id = :id and region_path like :scope"
          + " and center_id in (:centers)")
  Optional<Volunteer> findInScopeAt(UUID id, String scope, Collection<UUID> centers);

  /**
   * The volunteer when the actor's scope holds it, the scope a part of the query; otherwise it does
   * not exist (404), so that existence does not leak.
   */
  default Volunteer visible(UUID id, VolunteerPolicy.Scope scope) {
    Optional<Volunteer> found =
        scope.nothing()
            ? Optional.empty()
            : scope.everyCenter()
                ? findInScope(id, scope.regionPattern())
                : findInScopeAt(id, scope.regionPattern(), scope.onlyCenters());
    return found.orElseThrow(() -> new NotFoundException("volunteer"));
  }
}

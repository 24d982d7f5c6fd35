package org.huhang.registration.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Loads and saves the aggregate; pages and lists read {@link ApplicationQueries}. A move loads its
 * application locked, so that a second, concurrent move waits and then sees the first one's
 * outcome.
 */
interface DivorceApplicationRepository extends ListCrudRepository<DivorceApplication, UUID> {

  /** Every column of the aggregate, for the queries below. */
  String COLUMNS =
      """
      id, version, office_region_code, region_path, received_on,
      a_name, a_gender, a_birth_date, a_id_cipher, a_id_masked, a_phone_cipher, a_phone_masked,
      b_name, b_gender, b_birth_date, b_id_cipher, b_id_masked, b_phone_cipher, b_phone_masked,
      pair_hash, marriage_date, minor_children, counseling_offered, counseling_accepted, case_opened,
      withdrawal_deadline, certificate_from, certificate_deadline, deemed_withdrawn_on,
      withdrawal_provisional, certificate_provisional, outcome, outcome_on, withdrawn_by,
      created_by, created_at, updated_at, search_keys, a_id_hash, b_id_hash, a_phone_hash,
      b_phone_hash, regime""";

  /** The application when it lies in the scope ({@code region_path like :scope}), locked. */
  @Lock(LockMode.PESSIMISTIC_WRITE)
  Optional<DivorceApplication> findByIdAndRegionPathLike(UUID id, String scope);

  /** Whether the application lies in the scope, without locking or loading it. */
  boolean existsByIdAndRegionPathLike(UUID id, String scope);

  /** Any application by id, locked: for answers from other modules, which have no scope. */
  @Lock(LockMode.PESSIMISTIC_WRITE)
  Optional<DivorceApplication> findLockedById(UUID id);

  /** Open applications unclaimed by {@code today}, with exact dates; locked ones are skipped. */
  @Query(
      "select "
          + COLUMNS
          + " from registration.divorce_application"
          + " where outcome = 'PENDING' and regime = 'COOLING_OFF' and not certificate_provisional"
          + " and deemed_withdrawn_on <= :today"
          + " order by deemed_withdrawn_on for update skip locked")
  List<DivorceApplication> lockUnclaimed(LocalDate today);

  /** Applications whose dates a corrected calendar may move: open, or provisional; locked. */
  @Query(
      "select "
          + COLUMNS
          + " from registration.divorce_application"
          + " where regime = 'COOLING_OFF'"
          + " and (outcome = 'PENDING' or withdrawal_provisional or certificate_provisional)"
          + " order by id for update")
  List<DivorceApplication> lockReschedulable();
}

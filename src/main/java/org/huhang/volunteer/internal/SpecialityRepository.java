package org.huhang.volunteer.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface SpecialityRepository extends Repository<SpecialityEntry, String> {

  SpecialityEntry save(SpecialityEntry entry);

  Optional<SpecialityEntry> findById(String code);

  /** The dictionary in the order administrators gave it. */
  List<SpecialityEntry> findAllByOrderBySortOrderAscCodeAsc();

  boolean existsByCodeOrNameZh(String code, String nameZh);

  /** New entries go to the end of the list. */
  @Query("select coalesce(max(sort_order), 0) + 10 from volunteer.speciality")
  int nextSortOrder();
}

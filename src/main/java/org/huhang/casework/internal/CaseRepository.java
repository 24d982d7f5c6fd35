package org.huhang.casework.internal;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Counseling cases as aggregates: the case row with its parties and related persons. */
interface CaseRepository extends ListCrudRepository<CounselingCase, UUID> {}

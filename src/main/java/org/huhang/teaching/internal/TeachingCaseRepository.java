package org.huhang.teaching.internal;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Loads and stores the teaching case aggregate; lists and searches are {@link TeachingQueries}. */
interface TeachingCaseRepository extends ListCrudRepository<TeachingCase, UUID> {}

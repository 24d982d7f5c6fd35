package org.huhang.center.internal;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Loads and stores the center aggregate; lists and searches are {@link CenterQueries}. */
interface CenterRepository extends ListCrudRepository<Center, UUID> {}

package org.huhang.outreach.internal;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Loads and stores the outreach event aggregate; lists and searches are {@link OutreachQueries}.
 */
interface OutreachEventRepository extends ListCrudRepository<OutreachEvent, UUID> {}

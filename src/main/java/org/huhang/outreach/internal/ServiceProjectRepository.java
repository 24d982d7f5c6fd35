package org.huhang.outreach.internal;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Loads and stores a service project with its honours. */
interface ServiceProjectRepository extends ListCrudRepository<ServiceProject, UUID> {}

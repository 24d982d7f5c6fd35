package org.huhang.selfservice.internal;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Loads and stores bookings; lists are {@link BookingQueries}. */
interface BookingRepository extends ListCrudRepository<Booking, UUID> {}

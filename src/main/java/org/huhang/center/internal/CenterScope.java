package org.huhang.center.internal;

import java.util.UUID;

/**
 * What an actor may see, as bind parameters: a region path pattern ({@code region_path like
 * :scope}) and, for a center manager, its own user id ({@code manager_user_id = :manager}).
 */
record CenterScope(String regionPattern, UUID managerId) {}

package org.huhang.center;

import java.util.UUID;

/** A center as pages, the API and other modules see it. */
public record CenterView(
    CenterId id,
    CenterKind kind,
    String name,
    String regionCode,
    String regionName,
    String regionPath,
    String address,
    String phone,
    String openingHours,
    int capacity,
    UUID managerId,
    String managerName,
    CenterStatus status) {}

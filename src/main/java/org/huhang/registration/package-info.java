/**
 * Divorce registration applications and the cooling-off clock of Civil Code art. 1077, exact to the
 * day on the State Council holiday calendar.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Registration",
    allowedDependencies = {"shared", "region", "audit", "identity", "notification"})
package org.huhang.registration;

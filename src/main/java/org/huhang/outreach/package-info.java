/**
 * Outreach: the premarital education, lectures, publicity and media programmes through which the
 * federation reaches couples and families before they need counseling; the volunteers who spoke at
 * an event and who serve in a service project.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Outreach",
    allowedDependencies = {"shared", "region", "center", "audit", "volunteer"})
package org.huhang.outreach;

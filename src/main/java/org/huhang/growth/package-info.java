/**
 * The volunteer's growth (志愿者成长): a volunteer's own record in one place — certificates and when
 * they run out, service and training hours by year, courses and certificates, events it spoke at,
 * its projects' honours, its availability — and the same for the managers of its center.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Volunteer growth",
    allowedDependencies = {"shared", "volunteer", "training", "outreach"})
package org.huhang.growth;

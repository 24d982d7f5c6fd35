/**
 * Volunteer counselors (巾帼志愿者): who they are, what they know, when they can serve, their hours and
 * certificates; searchable by characters, pinyin and initials; imported and exported as Excel.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Volunteers",
    allowedDependencies = {"shared", "region", "identity", "center", "audit", "notification"})
package org.huhang.volunteer;

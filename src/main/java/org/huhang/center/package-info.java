/** Counseling centers and village counseling rooms: where the service is given, and by whom run. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Centers",
    allowedDependencies = {"shared", "region", "identity", "audit"})
package org.huhang.center;

package org.huhang.casework;

import java.time.Instant;

/** A manager's approval of joint sessions for an ELEVATED case; the reason only for the team. */
public record JointApprovalView(String approvedBy, Instant approvedAt, String reason) {}

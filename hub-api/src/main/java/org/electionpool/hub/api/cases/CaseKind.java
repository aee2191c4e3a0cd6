package org.electionpool.hub.api.cases;

import java.time.Duration;

/**
 * What a case asks of the platform, and the deadline it gets unless the authority sets one.
 */
public enum CaseKind {
    /** A binding order to remove or disable access (DSA Art. 9; TCO Regulation Art. 3, Annex I). */
    REMOVAL_ORDER,
    /** A non-binding notice for the platform to assess against its own terms. */
    REFERRAL,
    /** An order to provide information (DSA Art. 10). */
    INFORMATION_REQUEST,
    /** A heads-up that needs no action. */
    ALERT;

    /**
     * @param priority the case's priority
     * @return the default time from delivery to the deadline, or {@code null} for no deadline
     *         (alerts): a critical removal order gets the TCO Regulation's one hour
     */
    public Duration defaultDeadline(Priority priority) {
        return switch (this) {
            case REMOVAL_ORDER -> priority == Priority.CRITICAL ? Duration.ofHours(1)
                    : priority == Priority.HIGH ? Duration.ofHours(24) : Duration.ofHours(72);
            case INFORMATION_REQUEST -> priority == Priority.CRITICAL ? Duration.ofHours(24) : Duration.ofDays(7);
            case REFERRAL -> priority == Priority.CRITICAL ? Duration.ofHours(24) : Duration.ofDays(7);
            case ALERT -> null;
        };
    }
}

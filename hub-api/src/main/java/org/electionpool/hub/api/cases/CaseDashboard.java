package org.electionpool.hub.api.cases;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a party's case work looks like now: its open cases by state, those that need attention
 * first (overdue first, then by deadline), how many were answered since a given instant, and per
 * counterpart (the platforms an authority sends to, the authorities a platform hears from) how
 * fast cases were acknowledged and resolved over the last {@value #WINDOW_DAYS} days.
 *
 * @param openByStatus  open cases (not resolved, closed or withdrawn) by state
 * @param overdue       open cases whose deadline passed
 * @param answeredSince cases resolved since the instant asked for (e.g. the start of the person's day)
 * @param attention     up to {@value #ATTENTION} open cases: overdue first, then nearest deadline, then oldest
 * @param counterparts  per counterpart, by organisation id
 */
public record CaseDashboard(Map<CaseStatus, Long> openByStatus, long overdue, long answeredSince,
                            List<CaseSummary> attention, List<Counterpart> counterparts) {

    /** Days of cases the counterpart figures cover. */
    public static final int WINDOW_DAYS = 90;

    /** Most cases in {@link #attention}. */
    public static final int ATTENTION = 20;

    /**
     * Response times with one counterpart.
     *
     * @param organization      the counterpart's id
     * @param cases             cases created in the window
     * @param medianAcknowledge median from creation to acknowledgement, or {@code null} if none was acknowledged
     * @param medianResolve     median from creation to resolution, or {@code null} if none was resolved
     * @param onTimeShare       of the resolved cases with a deadline, the share resolved by it (0–1), or {@code null}
     */
    public record Counterpart(String organization, long cases, Duration medianAcknowledge, Duration medianResolve,
                              Double onTimeShare) {
    }
}

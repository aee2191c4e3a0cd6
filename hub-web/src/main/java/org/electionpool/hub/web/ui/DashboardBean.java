package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.electionpool.hub.api.cases.CaseDashboard;
import org.electionpool.hub.api.cases.CaseService;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.cases.CaseSummary;

/**
 * The home page of an authority's liaison or a platform's staff: open cases by state, the cases
 * that need attention (overdue first, with the time left on each deadline), cases answered today
 * (the person's day, in their time zone), and per counterpart the median time to acknowledge and
 * to resolve and the share answered on time — as a table and as a bar chart drawn in SVG (no
 * script), the table being the chart's text alternative.
 */
@Named
@RequestScoped
public class DashboardBean {

    @EJB
    CaseService cases;

    @Inject
    UiContext ui;

    private CaseDashboard dashboard;

    /** @return the dashboard, read once per request (an audited read) */
    public CaseDashboard getDashboard() {
        if (dashboard == null && (ui.kind("AUTHORITY") || ui.kind("PLATFORM"))) {
            dashboard = cases.dashboard(ui.caller(), ui.attest("case.dashboard", null),
                    LocalDate.now(ui.getZone()).atStartOfDay(ui.getZone()).toInstant());
        }
        return dashboard;
    }

    /** One state's count, for the cards. */
    public record StateCount(CaseStatus status, long count) {
    }

    /** @return the open states with their counts, in the state machine's order */
    public List<StateCount> getStates() {
        List<StateCount> out = new ArrayList<>();
        for (CaseStatus s : CaseStatus.values()) {
            Long n = getDashboard().openByStatus().get(s);
            if (n != null) {
                out.add(new StateCount(s, n));
            }
        }
        return out;
    }

    /** @return whether a summary's deadline passed while its clock runs */
    public boolean overdue(CaseSummary c) {
        return c.overdue();
    }

    /** @return a duration in hours with one decimal, in the person's language, or a dash */
    public String hours(Duration d) {
        return d == null ? "–" : ui.text("time.hours-decimal", d.toMinutes() / 60.0);
    }

    /** @return a share as a whole percentage, or a dash */
    public String percent(Double share) {
        return share == null ? "–" : ui.text("time.percent", Math.round(share * 100));
    }

    /** One bar of the chart: its row, label, and three bars in pixels. */
    public record Bar(int y, String label, int ack, int resolve, int onTime, String ackText, String resolveText,
                      String onTimeText) {
    }

    /** Width of the chart's longest bar, in pixels. */
    static final int WIDTH = 300;

    /** @return the chart's bars: hours scaled to the longest median, on-time share to 100 % */
    public List<Bar> getBars() {
        List<CaseDashboard.Counterpart> list = getDashboard().counterparts();
        long max = 1;
        for (CaseDashboard.Counterpart c : list) {
            max = Math.max(max, minutes(c.medianAcknowledge()));
            max = Math.max(max, minutes(c.medianResolve()));
        }
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (CaseDashboard.Counterpart c : list) {
            bars.add(new Bar(y, c.organization(), (int) (WIDTH * minutes(c.medianAcknowledge()) / max),
                    (int) (WIDTH * minutes(c.medianResolve()) / max),
                    c.onTimeShare() == null ? 0 : (int) Math.round(WIDTH * c.onTimeShare()),
                    hours(c.medianAcknowledge()), hours(c.medianResolve()), percent(c.onTimeShare())));
            y += 70;
        }
        return bars;
    }

    /** @return the chart's height in pixels */
    public int getChartHeight() {
        return Math.max(70, getDashboard().counterparts().size() * 70);
    }

    private static long minutes(Duration d) {
        return d == null ? 0 : Math.max(0, d.toMinutes());
    }
}

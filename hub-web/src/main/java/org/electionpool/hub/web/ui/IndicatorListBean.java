package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.electionpool.hub.api.indicators.IndicatorFilter;
import org.electionpool.hub.api.indicators.IndicatorPage;
import org.electionpool.hub.api.indicators.IndicatorService;
import org.electionpool.hub.api.indicators.IndicatorType;
import org.electionpool.hub.api.indicators.Tlp;
import org.electionpool.hub.api.problem.HubException;

/**
 * The indicator list with the API's filters (type, marking, DISARM technique, election, value,
 * author) and its keyset paging ({@code after}): a bookmarkable GET page. What it lists is what the
 * service lets the person's organisation read under TLP 2.0 — nothing more.
 */
@Named
@RequestScoped
public class IndicatorListBean {

    /** Indicators per page. */
    static final int PAGE = 25;

    @EJB
    IndicatorService indicators;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    private String type;
    private String tlp;
    private String technique;
    private String election;
    private String value;
    private String author;
    private String after;
    private IndicatorPage page;

    /** @return the page, read once per request (an audited read), or an empty page after a refusal */
    public IndicatorPage getPage() {
        if (page == null) {
            try {
                IndicatorType t = FormValues.blank(type) == null ? null : IndicatorType.valueOf(type);
                Tlp m = FormValues.blank(tlp) == null ? null : Tlp.parse(tlp).orElseThrow(IllegalArgumentException::new);
                page = indicators.list(ui.caller(), ui.attest("indicator.list", null), new IndicatorFilter(t, m,
                        FormValues.blank(technique), FormValues.blank(election), null, null, FormValues.blank(value), FormValues.blank(author), FormValues.blank(after), PAGE));
            } catch (IllegalArgumentException e) {
                problems.global(ui.text("problem.invalid-parameter"));
                page = new IndicatorPage(List.of(), null);
            } catch (HubException e) {
                problems.show(e);
                page = new IndicatorPage(List.of(), null);
            }
        }
        return page;
    }

    public IndicatorType[] getTypes() {
        return IndicatorType.values();
    }

    public List<String> getTlps() {
        return FormValues.TLPS;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getTlp() {
        return tlp;
    }

    public void setTlp(String tlp) {
        this.tlp = tlp;
    }

    public String getTechnique() {
        return technique;
    }

    public void setTechnique(String technique) {
        this.technique = technique;
    }

    public String getElection() {
        return election;
    }

    public void setElection(String election) {
        this.election = election;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }
}

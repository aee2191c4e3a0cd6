package org.electionpool.hub.api.system;

import java.util.Locale;

/**
 * The hub's run mode, from configuration key {@code hub.mode}.
 *
 * <p>{@link #DEV} generates what it lacks (keys, demo data) for a newcomer's laptop;
 * {@link #PROD} generates nothing and refuses to start without what it needs.
 */
public enum HubMode {
    /** Development: convenience over ceremony, never for real data. */
    DEV,
    /** Production: the default a deployment must opt out of explicitly. */
    PROD;

    /**
     * @param value the configured value, {@code dev} or {@code prod} in any case
     * @return the mode
     * @throws IllegalArgumentException naming the accepted values, for anything else
     */
    public static HubMode parse(String value) {
        if (value != null) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "dev":
                    return DEV;
                case "prod":
                    return PROD;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("hub.mode must be 'dev' or 'prod', was '" + value + "'");
    }
}

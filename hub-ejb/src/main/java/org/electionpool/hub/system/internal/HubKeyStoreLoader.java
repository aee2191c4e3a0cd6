package org.electionpool.hub.system.internal;

import org.electionpool.hub.crypto.Pkcs12HubKeyStore;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.electionpool.hub.api.system.HubMode;
import org.electionpool.hub.crypto.HubKeys;
import org.electionpool.hub.system.HubConfiguration;
import org.jboss.logging.Logger;

/**
 * Loads the hub's keys at start-up and makes them injectable as {@link HubKeys}.
 *
 * <p>In dev mode a missing keystore is created with one key of each use; in prod mode a missing
 * or unreadable keystore fails the deployment with a message saying which file and why — the hub
 * never serves without its keys and never invents them in production.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HubKeyStoreLoader {

    private static final Logger LOG = Logger.getLogger(HubKeyStoreLoader.class);

    @Inject
    HubConfiguration configuration;

    @Inject
    Clock clock;

    private volatile HubKeys keys;

    @PostConstruct
    void load() {
        if (configuration.mode() == HubMode.DEV && !Files.exists(configuration.keystorePath())) {
            LOG.infof("Dev mode: creating the hub keystore %s", configuration.keystorePath());
            Pkcs12HubKeyStore.addKeys(configuration.keystorePath(), configuration.keystorePassword(),
                    List.of("sig", "enc", "log", "ca", "att"), clock);
        }
        Pkcs12HubKeyStore loaded = Pkcs12HubKeyStore.load(configuration.keystorePath(), configuration.keystorePassword());
        if (configuration.mode() == HubMode.DEV && loaded.certificateAuthority().isEmpty()) {
            // A dev keystore from before the CA existed: give it one.
            Pkcs12HubKeyStore.addKeys(configuration.keystorePath(), configuration.keystorePassword(), List.of("ca"), clock);
            loaded = Pkcs12HubKeyStore.load(configuration.keystorePath(), configuration.keystorePassword());
        }
        if (configuration.mode() == HubMode.DEV && loaded.attachmentKey().isEmpty()) {
            // A dev keystore from before attachments: give it an attachment key.
            Pkcs12HubKeyStore.addKeys(configuration.keystorePath(), configuration.keystorePassword(), List.of("att"), clock);
            loaded = Pkcs12HubKeyStore.load(configuration.keystorePath(), configuration.keystorePassword());
        }
        LOG.infof("Hub keys loaded from %s: %s", configuration.keystorePath(), loaded.describe());
        keys = loaded;
    }

    /** @return the hub's keys, loaded at start-up */
    @Produces
    @Dependent
    public HubKeys hubKeys() {
        return keys;
    }
}

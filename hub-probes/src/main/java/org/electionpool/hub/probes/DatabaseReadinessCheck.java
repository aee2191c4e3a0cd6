package org.electionpool.hub.probes;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.electionpool.hub.api.system.DatabaseStatus;
import org.electionpool.hub.api.system.HubStatusService;

/**
 * {@code /health/ready} is UP only while the database answers and carries a migrated schema: a
 * load balancer then sends no traffic to a node that could only fail. Data: the database product,
 * the schema version and the run mode (no URLs, no user names).
 *
 * <p>It lives in a library jar of the ear: WildFly registers MicroProfile Health checks of an ear
 * only from its top-level module (the ear and its {@code lib/}), not from its EJB or web modules.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @EJB
    HubStatusService status;

    @Override
    public HealthCheckResponse call() {
        DatabaseStatus db = status.database();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database")
                .status(db.up() && db.schemaVersion() != null)
                .withData("mode", status.mode().name().toLowerCase(java.util.Locale.ROOT));
        if (db.product() != null) {
            response.withData("product", db.product());
        }
        if (db.schemaVersion() != null) {
            response.withData("schemaVersion", db.schemaVersion());
        }
        return response.build();
    }
}

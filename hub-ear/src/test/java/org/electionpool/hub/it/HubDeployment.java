package org.electionpool.hub.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * The deployments the integration tests use: always the real ear the build produced.
 */
public final class HubDeployment {

    private HubDeployment() {
    }

    /** @return the ear exactly as built ({@code hub.ear}), for tests that run as a client */
    public static EnterpriseArchive ear() {
        String path = System.getProperty("hub.ear");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property hub.ear must name the built ear, was " + path);
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(path));
    }

    /** @return the hub-client jar the build produced ({@code ../hub-client/target}) */
    private static File hubClientJar() {
        File[] jars = new File(System.getProperty("hub.client.dir", "../hub-client/target"))
                .listFiles((dir, name) -> name.matches("hub-client-[0-9].*\\.jar") && !name.contains("-sources")
                        && !name.contains("-javadoc") && !name.contains("-tests"));
        if (jars == null || jars.length != 1) {
            throw new IllegalStateException("the hub-client jar is not built (../hub-client/target)");
        }
        return jars[0];
    }

    /**
     * @param testClasses the test class and its helpers
     * @return the real ear plus a library jar holding the test, for tests that run inside the server
     */
    static EnterpriseArchive earWithTests(Class<?>... testClasses) {
        // Tests inside the server call the hub through HubClient (DemoClients), which since the
        // module split lives in hub-client, never packaged into the ear: add it to the test's ear.
        return ear().addAsLibrary(hubClientJar()).addAsLibrary(ShrinkWrap.create(JavaArchive.class, "hub-it.jar")
                .addClasses(testClasses)
                .addClass(ShippedMigrations.class)
                .addAsResource(new StringAsset(String.join(",", ShippedMigrations.versions())), ShippedMigrations.RESOURCE)
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml"));
    }
}

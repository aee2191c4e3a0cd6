package org.electionpool.hub.it;

/**
 * Which database the server under test was told to use (failsafe passes {@code HUB_DATASOURCE}
 * to the test JVM and the server alike), so tests can prove the run used it.
 */
final class ExpectedDatabase {

    private ExpectedDatabase() {
    }

    /** @return the JNDI name of the hub's datasource in this run */
    static String jndiName() {
        String configured = System.getenv("HUB_DATASOURCE");
        return configured == null || configured.isBlank() ? "java:jboss/datasources/HubDS" : configured;
    }

    /** @return the JDBC product name the hub must report: {@code PostgreSQL} or {@code H2} */
    static String product() {
        return jndiName().contains("PostgreSQL") ? "PostgreSQL" : "H2";
    }
}

package org.electionpool.hub.organizations.domain;

import java.util.List;
import java.util.Optional;
import org.electionpool.hub.api.keys.KeyId;
import org.electionpool.hub.api.keys.KeyUse;
import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * Storage of {@link OrganizationKey}s. Implementations join the caller's transaction.
 */
public interface OrganizationKeyRepository {

    /** @return the key, or empty */
    Optional<OrganizationKey> find(OrganizationId organization, KeyId kid);

    /** @return every key of the organisation, newest first */
    List<OrganizationKey> findAll(OrganizationId organization);

    /** @return the organisation's active keys of a use, newest first */
    List<OrganizationKey> findActive(OrganizationId organization, KeyUse use);

    /** @return whether any organisation registered a key with this RFC 7638 thumbprint */
    boolean thumbprintExists(String thumbprint);

    /**
     * Stores a new key and flushes.
     *
     * @throws DuplicateKeyException if the kid is taken in the organisation or the key material is registered
     */
    void add(OrganizationKey key);
}

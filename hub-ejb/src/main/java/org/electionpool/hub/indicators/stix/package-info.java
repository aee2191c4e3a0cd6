/**
 * The hub's indicators and sightings in STIX 2.1 (OASIS, 2021) and back: the objects the STIX
 * export and the TAXII 2.1 server serve, the official TLP 2.0 marking definitions, the pattern
 * forms the hub emits and accepts (docs/taxii.md, STIX mapping). Pure functions over the
 * indicator domain; no database, no container.
 */
package org.electionpool.hub.indicators.stix;

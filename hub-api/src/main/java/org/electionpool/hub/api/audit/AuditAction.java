package org.electionpool.hub.api.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * The hub's one vocabulary of audited acts: the {@code action} member of every audit leaf and, for
 * the acts that concern a case's parties, the {@code type} of the inbox event and webhook delivery
 * written from the same act (docs/audit-log.md, "Entries and leaves", lists them once).
 *
 * <p>Invariant: {@link #action()} and {@link #eventType()} are the exact strings on the wire today;
 * no constant is renamed, since leaves already signed into the log and platforms' inbox readers
 * hold them.
 */
public enum AuditAction {
    /** An organisation was registered. */
    ORGANIZATION_CREATED("organization.created", null),
    /** The operator suspended an organisation (details: reason). */
    ORGANIZATION_SUSPENDED("organization.suspended", null),
    /** The operator made a suspended organisation active again (details: reason). */
    ORGANIZATION_REACTIVATED("organization.reactivated", null),
    /** A public key was registered. */
    KEY_ADDED("key.added", null),
    /** An active key was retired. */
    KEY_RETIRED("key.retired", null),
    /** A key was revoked. */
    KEY_REVOKED("key.revoked", null),
    /** A webhook was registered or replaced. */
    WEBHOOK_REGISTERED("webhook.registered", null),
    /** A webhook was removed. */
    WEBHOOK_REMOVED("webhook.removed", null),
    /** A case was opened; both parties are told. */
    CASE_CREATED("case.created", "case.created"),
    /** A create with a known {@code clientRef} returned the existing case. */
    CASE_CREATE_REPLAYED("case.create.replayed", null),
    /** A party read a case. */
    CASE_READ("case.read", null),
    /** A party listed its cases. */
    CASE_LIST_READ("case.list.read", null),
    /** A party read its case dashboard (counts and the cases needing attention). */
    CASE_DASHBOARD_READ("case.dashboard.read", null),
    /** A case changed state; both parties are told. */
    CASE_TRANSITIONED("case.transitioned", "case.transitioned"),
    /** The addressee answered items; both parties are told. */
    CASE_ITEM_RESPONDED("case.item.responded", "case.responded"),
    /** A party posted a message; both parties are told. */
    CASE_MESSAGE_POSTED("case.message.posted", "case.message"),
    /** A party read a case's messages. */
    CASE_MESSAGES_READ("case.messages.read", null),
    /** An attachment was added; both parties are told. */
    CASE_ATTACHMENT_ADDED("case.attachment.added", "case.attachment"),
    /** An attachment already held was sent again. */
    CASE_ATTACHMENT_REPLAYED("case.attachment.replayed", null),
    /** A party read an attachment. */
    CASE_ATTACHMENT_READ("case.attachment.read", null),
    /** A platform read its statements of reasons. */
    CASE_STATEMENTS_READ("case.statements.read", null),
    /** A deadline passed with the clock running; both parties are told. */
    CASE_OVERDUE("case.overdue", "case.overdue"),
    /** An indicator was shared; its readers are told. */
    INDICATOR_CREATED("indicator.created", "indicator.created"),
    /** A create with a known {@code clientRef} returned the existing indicator. */
    INDICATOR_CREATE_REPLAYED("indicator.create.replayed", null),
    /** The author made a new version; its readers are told. */
    INDICATOR_UPDATED("indicator.updated", "indicator.updated"),
    /** The author revoked it (its last version); its readers are told. */
    INDICATOR_REVOKED("indicator.revoked", "indicator.revoked"),
    /** A new version changed the marking or the distribution; the readers after the change are told. */
    INDICATOR_DISTRIBUTION_CHANGED("indicator.distribution.changed", "indicator.distribution.changed"),
    /** A reader read an indicator. */
    INDICATOR_READ("indicator.read", null),
    /** A reader read an indicator's versions. */
    INDICATOR_VERSIONS_READ("indicator.versions.read", null),
    /** A reader listed indicators. */
    INDICATOR_LIST_READ("indicator.list.read", null),
    /** A sighting was reported; the indicator's author and the sighting's readers are told. */
    SIGHTING_REPORTED("sighting.reported", "sighting.reported"),
    /** A report with a known {@code clientRef} returned the existing sighting. */
    SIGHTING_REPORT_REPLAYED("sighting.report.replayed", null),
    /** A reader listed an indicator's sightings. */
    SIGHTING_LIST_READ("sighting.list.read", null),
    /** A sharing group was made. */
    SHARING_GROUP_CREATED("sharing.group.created", null),
    /** Its owner added a member. */
    SHARING_GROUP_MEMBER_ADDED("sharing.group.member.added", null),
    /** Its owner removed a member; the member's reads through the group stop. */
    SHARING_GROUP_MEMBER_REMOVED("sharing.group.member.removed", null),
    /** The owner or a member read a group. */
    SHARING_GROUP_READ("sharing.group.read", null),
    /** An organisation listed its groups. */
    SHARING_GROUP_LIST_READ("sharing.group.list.read", null),
    /** A reader exported a STIX bundle. */
    STIX_BUNDLE_EXPORTED("stix.bundle.exported", null),
    /** A STIX bundle was imported as the caller's own (each indicator and sighting has its own entry too). */
    STIX_BUNDLE_IMPORTED("stix.bundle.imported", null),
    /** A TAXII credential was issued. */
    TAXII_CREDENTIAL_ISSUED("taxii.credential.issued", null),
    /** A TAXII credential was revoked. */
    TAXII_CREDENTIAL_REVOKED("taxii.credential.revoked", null),
    /** An organisation listed its TAXII credentials. */
    TAXII_CREDENTIAL_LIST_READ("taxii.credential.list.read", null),
    /** A TAXII client read the discovery resource. */
    TAXII_DISCOVERY_READ("taxii.discovery.read", null),
    /** A TAXII client read the API root. */
    TAXII_ROOT_READ("taxii.root.read", null),
    /** A TAXII client listed its collections. */
    TAXII_COLLECTIONS_READ("taxii.collections.read", null),
    /** A TAXII client read a collection. */
    TAXII_COLLECTION_READ("taxii.collection.read", null),
    /** A TAXII client read a page of objects. */
    TAXII_OBJECTS_READ("taxii.objects.read", null),
    /** A TAXII client read a page of a manifest. */
    TAXII_MANIFEST_READ("taxii.manifest.read", null),
    /** A TAXII client read an object. */
    TAXII_OBJECT_READ("taxii.object.read", null),
    /** A TAXII client read an object's versions. */
    TAXII_VERSIONS_READ("taxii.versions.read", null),
    /** A TAXII client read a status. */
    TAXII_STATUS_READ("taxii.status.read", null),
    /** A TAXII client added objects to a collection. */
    TAXII_OBJECTS_ADDED("taxii.objects.added", null),
    /** A TAXII client deleted (revoked) an object it published. */
    TAXII_OBJECT_DELETED("taxii.object.deleted", null),
    /** A reader took a range of entries. */
    /** The hub recorded one of its own signing keys (at start-up, once per key): what checks its attestations. */
    HUB_KEY_PUBLISHED("hub.key.published", null),
    /** A person signed in to the web UI. */
    PERSON_SIGNED_IN("person.signed.in", null),
    /** A sign-in failed (no reason recorded beyond the address: no enumeration). */
    PERSON_SIGN_IN_FAILED("person.signin.failed", null),
    /** A person signed out (details: everywhere). */
    PERSON_SIGNED_OUT("person.signed.out", null),
    /** A person's account was created. */
    PERSON_CREATED("person.created", null),
    /** A person changed their password. */
    PERSON_PASSWORD_CHANGED("person.password.changed", null),
    /** A person enrolled a second factor. */
    PERSON_TOTP_ENROLLED("person.totp.enrolled", null),
    /** A person changed their language or time zone. */
    PERSON_PREFERENCES_CHANGED("person.preferences.changed", null),
    /** An account was disabled or enabled again. */
    PERSON_STATUS_CHANGED("person.status.changed", null),
    /** An organisation's people were listed. */
    PERSON_LIST_READ("person.list.read", null),
    AUDIT_ENTRIES_READ("audit.entries.read", null),
    /** An auditor took an evidence bundle. */
    AUDIT_BUNDLE_READ("audit.bundle.read", null),
    /** An auditor took an export. */
    AUDIT_EXPORT_READ("audit.export.read", null),
    /** The hub refused a request. */
    REQUEST_REFUSED("request.refused", null),
    /** Unauthenticated refusals over the per-address budget, counted. */
    REQUEST_REFUSED_THROTTLED("request.refused.throttled", null);

    private final String action;
    private final String eventType;

    AuditAction(String action, String eventType) {
        this.action = action;
        this.eventType = eventType;
    }

    /** @return the leaf's {@code action} string, e.g. {@code case.item.responded} */
    public String action() {
        return action;
    }

    /**
     * @return the inbox event and webhook {@code type} written from this act (e.g.
     *         {@code case.responded}), or empty for an act the parties are not told of
     */
    public Optional<String> eventType() {
        return Optional.ofNullable(eventType);
    }

    /** @return the constant whose {@link #action()} is the given string */
    public static Optional<AuditAction> ofAction(String action) {
        return Arrays.stream(values()).filter(a -> a.action.equals(action)).findFirst();
    }

    @Override
    public String toString() {
        return action;
    }
}

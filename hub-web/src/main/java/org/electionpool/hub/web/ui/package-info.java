/**
 * The web UI for people (docs/ui.md): Jakarta Faces pages at {@code /ui/}, each backed by a bean
 * that calls the same services as the API — which authorise in the service tier — with the
 * person as caller (channel {@code UI}) and the hub's attestation of the request as evidence. No
 * page reaches data any other way.
 */
package org.electionpool.hub.web.ui;

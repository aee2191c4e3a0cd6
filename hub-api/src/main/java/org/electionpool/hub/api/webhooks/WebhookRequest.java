package org.electionpool.hub.api.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Registers or replaces the caller's webhook ({@code PUT /api/v1/webhook}).
 *
 * @param url an absolute {@code https} URL without user info or fragment; plain {@code http} only
 *            to a loopback address, and only in dev mode
 */
public record WebhookRequest(@NotBlank @Size(max = 2048) String url) {
}

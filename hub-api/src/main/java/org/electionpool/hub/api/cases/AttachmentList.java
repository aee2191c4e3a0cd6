package org.electionpool.hub.api.cases;

import java.util.List;

/**
 * A case's attachments ({@code GET /api/v1/cases/{id}/attachments}): descriptions only.
 *
 * @param attachments oldest first
 */
public record AttachmentList(List<AttachmentView> attachments) {

    public AttachmentList {
        attachments = List.copyOf(attachments);
    }
}

package org.electionpool.hub.api.cases;

import java.time.Instant;

/**
 * An attachment's description; its content is read separately (and that read is audited).
 *
 * @param sha256     lower-case hex SHA-256 of the content: the attachment's address
 * @param filename   the file name as uploaded
 * @param mediaType  the media type
 * @param size       bytes
 * @param item       the item it is evidence for, or {@code null}
 * @param uploadedBy the organisation that uploaded it
 * @param uploadedAt when
 */
public record AttachmentView(String sha256, String filename, String mediaType, int size, Integer item, String uploadedBy,
                             Instant uploadedAt) {
}

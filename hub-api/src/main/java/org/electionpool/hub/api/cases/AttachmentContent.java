package org.electionpool.hub.api.cases;

/**
 * An attachment with its content.
 *
 * @param attachment its description
 * @param content    the content, standard base64 (its SHA-256 is {@code attachment.sha256()})
 */
public record AttachmentContent(AttachmentView attachment, String content) {
}

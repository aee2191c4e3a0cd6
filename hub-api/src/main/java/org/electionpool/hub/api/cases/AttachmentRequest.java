package org.electionpool.hub.api.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * An evidence attachment, uploaded inside the HXP/1 envelope
 * ({@code POST /api/v1/cases/{id}/attachments}).
 *
 * @param filename  a plain file name (no path), for display
 * @param mediaType one of {@link #MEDIA_TYPES}
 * @param content   the content, standard base64; at most {@link #MAX_BYTES} bytes once decoded
 * @param item      the item it is evidence for (1-based), or {@code null} for the whole case
 */
public record AttachmentRequest(
        @NotBlank @Size(max = 255) @Pattern(regexp = "[^/\\\\\\u0000-\\u001f]{1,255}", message = "must be a plain file name") String filename,
        @NotNull @Pattern(regexp = MEDIA_TYPES, message = "must be one of the accepted media types") String mediaType,
        @NotBlank @Size(max = 524_288) String content,
        @Positive Integer item) {

    /** The accepted media types, as a regular expression. */
    public static final String MEDIA_TYPES =
            "image/png|image/jpeg|image/gif|image/webp|application/pdf|text/plain|text/csv|video/mp4|application/json";

    /**
     * Largest attachment, in bytes: base64 in the body, which is base64url in the JWS, which is
     * base64url in the JWE, must stay under the 1 MiB request limit.
     */
    public static final int MAX_BYTES = 384 * 1024;
}

package org.electionpool.hub.api.cases;

import java.time.Instant;

/**
 * One entry of a case's thread: a message, or a lifecycle step with its note.
 *
 * @param number          1-based position in the thread
 * @param author          the organisation that wrote it
 * @param principal       the signing key (or person) that wrote it
 * @param text            the text, or {@code null} for a step without a note
 * @param item            the item it is about, or {@code null}
 * @param action          for a lifecycle step, the action; {@code null} for a message
 * @param fromStatus      for a step, the state before
 * @param toStatus        for a step, the state after
 * @param createdAt       when
 */
public record MessageView(int number, String author, String principal, String text, Integer item, CaseAction action,
                          CaseStatus fromStatus, CaseStatus toStatus, Instant createdAt) {
}

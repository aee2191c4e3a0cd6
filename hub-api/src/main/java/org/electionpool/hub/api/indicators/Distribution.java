package org.electionpool.hub.api.indicators;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.electionpool.hub.api.organizations.OrganizationId;

/**
 * Who, beyond its author, may read an indicator or a sighting marked {@code AMBER} or tighter
 * ({@link Tlp}): organisations named one by one, and (for {@code AMBER} only) sharing groups, whose
 * members at the time of each read may read it. {@code CLEAR} and {@code GREEN} name nobody.
 *
 * @param organizations the organisations named (authorities and platforms), at most 100; {@code null} is none
 * @param groups        the sharing groups named ({@code AMBER} only), at most 20; {@code null} is none
 */
public record Distribution(
        @Size(max = 100) List<@NotNull @Pattern(regexp = OrganizationId.PATTERN, message = "must be an organisation id") String> organizations,
        @Size(max = 20) List<@NotNull @Pattern(regexp = SharingGroupId.PATTERN, message = "must be a sharing group id") String> groups) {

    /** Nobody named. */
    public static final Distribution NONE = new Distribution(List.of(), List.of());

    /** Replaces {@code null} lists by empty ones (null elements stay, for Bean Validation to name). */
    public Distribution {
        organizations = organizations == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(organizations));
        groups = groups == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(groups)); // nulls kept for validation
    }

    /** @return whether it names nobody */
    public boolean isEmpty() {
        return organizations.isEmpty() && groups.isEmpty();
    }
}

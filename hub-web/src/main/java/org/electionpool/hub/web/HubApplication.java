package org.electionpool.hub.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Jakarta REST application, mapped at the server root so that {@code /.well-known/…} and
 * {@code /api/v1/…} are where RFC 8615 and HXP/1 put them. Every unknown path below the root is
 * answered by Jakarta REST, and so with a problem document. The web UI gets its own, longer
 * servlet mapping ({@code /ui/*}), which the servlet container prefers over this one.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
        info = @Info(title = "Election Pool Hub API", version = "1",
                description = "Signed and encrypted exchange between public authorities and online platforms"
                        + " (HXP/1). Errors are RFC 9457 problem documents; their types are listed in"
                        + " docs/problems.md.",
                contact = @Contact(name = "Election Pool Hub operators"),
                license = @License(name = "Apache-2.0")),
        tags = {@Tag(name = "discovery", description = "Public keys and HXP/1 configuration"),
                @Tag(name = "organizations", description = "The directory of member organisations")})
public class HubApplication extends Application {
}

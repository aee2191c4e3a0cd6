package org.electionpool.hub.people.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.electionpool.hub.api.people.OidcRequest;
import org.electionpool.hub.api.people.OidcService;
import org.electionpool.hub.api.people.SignIn;
import org.electionpool.hub.crypto.OidcTokens;
import org.electionpool.hub.system.HubConfiguration;
import org.jboss.logging.Logger;

/**
 * The hub as an OpenID Connect relying party (OIDC Core 1.0 authorization code flow, PKCE S256,
 * client authentication {@code client_secret_basic}): discovery of the provider's endpoints
 * (OIDC Discovery 1.0, cached for {@value #DISCOVERY_MINUTES} minutes), the authorization request,
 * the code exchange, and the mapping of the verified ID token's claims to a person of an
 * organisation ({@link PeopleServiceBean#federated}, in a transaction of its own: no database
 * transaction waits on the provider). Configured by {@code hub.oidc.*}
 * (docs/ui.md); without {@code hub.oidc.issuer} it is off. The client secret is never logged.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the provider's round trips hold no transaction
public class OidcServiceBean implements OidcService {

    /** How long the provider's discovery document is trusted before it is fetched again. */
    static final int DISCOVERY_MINUTES = 60;

    private static final Logger LOG = Logger.getLogger(OidcServiceBean.class);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static final Map<String, Provider> PROVIDERS = new ConcurrentHashMap<>();

    /** The provider's endpoints, as its discovery document gives them. */
    record Provider(String issuer, URI authorization, URI token, java.net.URL jwks, Instant fetched) {
    }

    @Inject
    @ConfigProperty(name = "hub.oidc.issuer")
    Optional<String> issuerValue;

    @Inject
    @ConfigProperty(name = "hub.oidc.client-id")
    Optional<String> clientIdValue;

    @Inject
    @ConfigProperty(name = "hub.oidc.client-secret")
    Optional<String> clientSecretValue;

    @Inject
    @ConfigProperty(name = "hub.oidc.redirect-uri")
    Optional<String> redirectUriValue;

    @Inject
    @ConfigProperty(name = "hub.oidc.scope", defaultValue = "openid profile")
    String scope;

    @Inject
    @ConfigProperty(name = "hub.oidc.username-claim", defaultValue = "preferred_username")
    String usernameClaim;

    @Inject
    @ConfigProperty(name = "hub.oidc.name-claim", defaultValue = "name")
    String nameClaim;

    @Inject
    @ConfigProperty(name = "hub.oidc.organization-claim", defaultValue = "org")
    String organizationClaim;

    @Inject
    @ConfigProperty(name = "hub.oidc.roles-claim", defaultValue = "roles")
    String rolesClaim;

    @Inject
    @ConfigProperty(name = "hub.oidc.mfa-amr", defaultValue = "mfa,otp,hwk,swk,sc")
    String mfaMethods;

    @Inject
    HubConfiguration configuration;

    private String issuer;
    private String clientId;
    private String clientSecret;
    private String redirectUri;

    @jakarta.annotation.PostConstruct
    void read() {
        issuer = issuerValue.map(String::strip).orElse("");
        clientId = clientIdValue.map(String::strip).orElse("");
        clientSecret = clientSecretValue.orElse("");
        redirectUri = redirectUriValue.map(String::strip).orElse("");
    }

    @EJB
    PeopleServiceBean people;

    @Override
    public boolean enabled() {
        return !issuer.isBlank() && !clientId.isBlank();
    }

    @Override
    public Optional<OidcRequest> start() {
        if (!enabled()) {
            return Optional.empty();
        }
        Optional<Provider> provider = provider();
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        String state = OidcTokens.random();
        String nonce = OidcTokens.random();
        String verifier = OidcTokens.random();
        String query = "response_type=code&client_id=" + enc(clientId) + "&redirect_uri=" + enc(redirect())
                + "&scope=" + enc(scope) + "&state=" + enc(state) + "&nonce=" + enc(nonce)
                + "&code_challenge=" + enc(OidcTokens.challenge(verifier)) + "&code_challenge_method=S256";
        URI authorization = provider.get().authorization();
        String base = authorization.toString();
        return Optional.of(new OidcRequest(URI.create(base + (base.contains("?") ? "&" : "?") + query), state, nonce, verifier));
    }

    @Override
    public SignIn finish(OidcRequest request, String state, String code, String remoteAddress) {
        Optional<Provider> provider = enabled() && request != null ? provider() : Optional.empty();
        if (provider.isEmpty() || code == null || code.isBlank() || code.length() > 2048
                || !OidcTokens.same(request.state(), state)) {
            return people.refuseFederated(remoteAddress);
        }
        try {
            String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(redirect())
                    + "&code_verifier=" + enc(request.codeVerifier());
            String basic = Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(clientSecret))
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(provider.get().token())
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json").header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                LOG.warnf("OIDC: the token endpoint answered %d", answer.statusCode());
                return people.refuseFederated(remoteAddress);
            }
            String idToken;
            try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
                idToken = reader.readObject().getString("id_token", null);
            }
            if (idToken == null) {
                LOG.warn("OIDC: the token endpoint sent no id_token");
                return people.refuseFederated(remoteAddress);
            }
            Map<String, Object> claims = OidcTokens.verify(idToken, provider.get().jwks(), provider.get().issuer(), clientId,
                    request.nonce());
            return people.federated(provider.get().issuer(), string(claims, "sub"), string(claims, usernameClaim),
                    string(claims, nameClaim), string(claims, organizationClaim), strings(claims, rolesClaim),
                    multiFactor(claims), remoteAddress);
        } catch (OidcTokens.InvalidToken | IOException | RuntimeException e) {
            LOG.warnf("OIDC sign-in refused: %s", e.getMessage());
            return people.refuseFederated(remoteAddress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SignIn.failed();
        }
    }

    /** @return the redirect URI registered with the provider: configured, or the hub's own callback */
    String redirect() {
        return redirectUri.isBlank() ? configuration.issuer().toString().replaceAll("/$", "") + "/ui/oidc/callback"
                : redirectUri;
    }

    private boolean multiFactor(Map<String, Object> claims) {
        List<String> amr = new ArrayList<>(strings(claims, "amr"));
        for (String m : mfaMethods.split(",")) {
            if (!m.isBlank() && amr.contains(m.strip())) {
                return true;
            }
        }
        return false;
    }

    private static String string(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        return v instanceof String s ? s : null;
    }

    /** @return a claim that is a string or an array of strings (space-separated strings split) */
    private static Set<String> strings(Map<String, Object> claims, String name) {
        Set<String> out = new LinkedHashSet<>();
        Object v = claims.get(name);
        if (v instanceof String s) {
            for (String part : s.split("[\\s,]+")) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        } else if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** @return the provider's endpoints, from its discovery document (cached), or empty if it cannot be read */
    private Optional<Provider> provider() {
        Provider cached = PROVIDERS.get(issuer);
        if (cached != null && cached.fetched().plus(Duration.ofMinutes(DISCOVERY_MINUTES)).isAfter(Instant.now())) {
            return Optional.of(cached);
        }
        try {
            URI discovery = URI.create(issuer.replaceAll("/$", "") + "/.well-known/openid-configuration");
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                LOG.warnf("OIDC: discovery at %s answered %d", discovery, answer.statusCode());
                return Optional.ofNullable(cached);
            }
            JsonObject doc;
            try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
                doc = reader.readObject();
            }
            String announced = doc.getString("issuer", "");
            if (!announced.equals(issuer) && !announced.equals(issuer.replaceAll("/$", ""))) {
                // OIDC Discovery §4.3: the issuer in the document must be the one configured
                LOG.warnf("OIDC: discovery names issuer %s, not %s", announced, issuer);
                return Optional.empty();
            }
            Provider p = new Provider(announced, new URI(doc.getString("authorization_endpoint")),
                    new URI(doc.getString("token_endpoint")), new URI(doc.getString("jwks_uri")).toURL(), Instant.now());
            PROVIDERS.put(issuer, p);
            return Optional.of(p);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.warnf("OIDC: discovery failed: %s", e.getMessage());
            return Optional.ofNullable(cached);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.ofNullable(cached);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

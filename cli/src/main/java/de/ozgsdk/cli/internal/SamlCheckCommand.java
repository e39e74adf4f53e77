package de.ozgsdk.cli.internal;

import de.ozgsdk.auth.AttributeValue;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.auth.LoginOutcome;
import de.ozgsdk.auth.saml.AlgorithmPolicy;
import de.ozgsdk.auth.saml.BundIdProfile;
import de.ozgsdk.auth.saml.IdpMetadata;
import de.ozgsdk.auth.saml.InteroperableProfile;
import de.ozgsdk.auth.saml.SamlProfile;
import de.ozgsdk.auth.saml.SamlResponseCheck;
import de.ozgsdk.cli.CliError;
import de.ozgsdk.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ozg saml check RESPONSE}: runs exactly the checks of the SAML service provider of ozg-auth on one response
 * (raw XML, or the base64 form value, also URL-encoded) and prints the verdict.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Checks a SAML response (file with the raw XML or the base64 SAMLResponse",
            "form value) with the checks of the SDK's service provider: signatures,",
            "decryption, issuer, destination, validity window, audience, bearer",
            "confirmation, InResponseTo, trust level and required attributes.",
            "Accepted: prints subject key, trust level and attribute names (values only",
            "with --show-values). Refused: the error code and what to fix.",
            "",
            "Exit codes: 0 = accepted, 1 = refused, 2 = unusable input, 3 = internal error."
        })
public final class SamlCheckCommand implements Callable<Integer>, HasCommonOptions {

    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m|h)?");

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "RESPONSE", description = "File with the response (XML or base64).")
    private Path responseFile;

    @Option(names = "--idp-metadata", paramLabel = "FILE", description = "The IdP's SAML metadata.")
    private Path idpMetadata;

    @Option(names = "--idp-cert", paramLabel = "PEM", description = "A signing certificate of the IdP (repeatable),"
            + " instead of --idp-metadata.")
    private List<Path> idpCertificates = new ArrayList<>();

    @Option(names = "--idp-entity-id", paramLabel = "ID", description = "The IdP's entityID with --idp-cert"
            + " (default: the Issuer of the response).")
    private String idpEntityId;

    @Option(names = "--sp-entity-id", required = true, paramLabel = "ID", description = "The SP's entityID.")
    private String spEntityId;

    @Option(names = "--acs-url", required = true, paramLabel = "URL", description = "The SP's ACS URL.")
    private String acsUrl;

    @Option(names = "--decryption-key", paramLabel = "PEM", description = "An unencrypted PKCS#8 private key of the"
            + " SP (repeatable).")
    private List<Path> decryptionKeys = new ArrayList<>();

    @Option(names = "--request-id", paramLabel = "ID", description = "The AuthnRequest ID the response answers"
            + " (omit for an unsolicited response).")
    private String requestId;

    @Option(names = "--allow-unsolicited", description = "Accept a response without InResponseTo.")
    private boolean allowUnsolicited;

    @Option(names = "--now", paramLabel = "INSTANT", description = "The time to judge validity windows at, e.g."
            + " 2023-08-04T14:09:00Z (default: now).")
    private String now;

    @Option(names = "--skew", paramLabel = "DURATION", defaultValue = "60s", description = "Allowed clock skew,"
            + " e.g. 60s or 2m (default 60s).")
    private String skew;

    @Option(names = "--profile", paramLabel = "bundid|interoperable", defaultValue = "bundid",
            description = "The Servicekonto profile (default bundid).")
    private String profile;

    @Option(names = "--legacy-sha1", description = "Accept RSA-SHA1 signatures (logged opt-in).")
    private boolean legacySha1;

    @Option(names = "--show-values", description = "Print attribute values (personal data!).")
    private boolean showValues;

    @Option(names = "--json", description = "Print the verdict as JSON.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() throws IOException {
        byte[] response = response(Inputs.requireReadableFile(responseFile));
        SamlResponseCheck.Builder check = SamlResponseCheck.builder()
                .spEntityId(spEntityId)
                .acsUrl(acsUrl)
                .idp(idp(response))
                .skew(duration(skew))
                .allowUnsolicited(allowUnsolicited)
                .algorithmPolicy(legacySha1 ? AlgorithmPolicy.defaults().withLegacySha1() : AlgorithmPolicy.defaults())
                .profile(profile());
        for (Path key : decryptionKeys) {
            check.decryptionKey(privateKey(key));
        }
        if (requestId != null) {
            check.requestId(requestId);
        }
        if (now != null) {
            check.now(instant(now));
        }
        LoginOutcome outcome = check.build().check(response);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.write(json(outcome)));
        } else {
            out.println(text(outcome));
        }
        return outcome.citizen().isPresent() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private String text(LoginOutcome outcome) {
        if (outcome.citizen().isEmpty()) {
            LoginOutcome.Failure failure = (LoginOutcome.Failure) outcome;
            return "refused: [" + failure.code().code() + "] " + failure.userMessage(common.locale());
        }
        Citizen citizen = outcome.citizen().get();
        StringBuilder text = new StringBuilder("accepted: subject key ").append(citizen.subjectKey())
                .append(", trust level ").append(citizen.trustLevel()).append(", login method ")
                .append(citizen.loginMethod()).append(", issuer ").append(citizen.issuer());
        for (AttributeValue value : citizen.attributes().values()) {
            text.append("\n  ").append(value.name()).append(value.trust().map(t -> " (" + t + ")").orElse(""));
            if (showValues) {
                text.append(" = ").append(String.join(" | ", value.values()));
            }
        }
        return text.toString();
    }

    private ObjectNode json(LoginOutcome outcome) {
        ObjectNode node = JsonOutput.object();
        if (outcome.citizen().isEmpty()) {
            LoginOutcome.Failure failure = (LoginOutcome.Failure) outcome;
            node.put("verdict", "refused");
            node.put("code", failure.code().code());
            node.put("message", failure.userMessage(common.locale()));
            return node;
        }
        Citizen citizen = outcome.citizen().get();
        node.put("verdict", "accepted");
        node.put("subjectKey", citizen.subjectKey());
        node.put("trustLevel", citizen.trustLevel().name());
        node.put("loginMethod", citizen.loginMethod().name());
        node.put("issuer", citizen.issuer());
        ArrayNode attributes = node.putArray("attributes");
        for (AttributeValue value : citizen.attributes().values()) {
            ObjectNode attribute = attributes.addObject();
            attribute.put("name", value.name());
            value.trust().ifPresent(trust -> attribute.put("trust", trust.name()));
            if (showValues) {
                ArrayNode values = attribute.putArray("values");
                value.values().forEach(values::add);
            }
        }
        return node;
    }

    private IdpMetadata idp(byte[] response) throws IOException {
        if (idpMetadata != null) {
            try (InputStream in = Files.newInputStream(Inputs.requireReadableFile(idpMetadata))) {
                return IdpMetadata.parse(in, idpMetadata.getFileName().toString());
            }
        }
        if (idpCertificates.isEmpty()) {
            throw invalid("--idp-metadata / --idp-cert", "give the IdP's metadata or at least one signing certificate");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : idpCertificates) {
            try (InputStream in = Files.newInputStream(Inputs.requireReadableFile(file))) {
                CertificateFactory.getInstance("X.509").generateCertificates(in)
                        .forEach(certificate -> certificates.add((X509Certificate) certificate));
            } catch (GeneralSecurityException e) {
                throw invalid(file.toString(), "not a PEM or DER X.509 certificate");
            }
        }
        String entityId = idpEntityId != null ? idpEntityId : issuer(response);
        return IdpMetadata.of(entityId, URI.create("https://unused.invalid/sso"), certificates);
    }

    private static String issuer(byte[] response) {
        Matcher issuer = Pattern.compile("<(?:\\w+:)?Issuer[^>]*>\\s*([^<\\s]+)\\s*</").matcher(
                new String(response, StandardCharsets.UTF_8));
        if (!issuer.find()) {
            throw invalid("--idp-entity-id", "the response names no Issuer; give the IdP's entityID");
        }
        return issuer.group(1);
    }

    private SamlProfile profile() {
        switch (profile.toLowerCase(Locale.ROOT)) {
            case "bundid":
                return BundIdProfile.builder("ozg saml check", "ozg-saml-check").build();
            case "interoperable":
                return InteroperableProfile.builder().build();
            default:
                throw invalid("--profile " + profile, "choose bundid or interoperable");
        }
    }

    /** The response bytes: raw XML, or base64 (also URL-encoded, as copied from a form post). */
    private static byte[] response(Path file) {
        String text = Inputs.readUtf8(file, MAX_BYTES).strip();
        if (text.startsWith("<")) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (text.startsWith("SAMLResponse=")) {
            text = text.substring("SAMLResponse=".length()).split("&", 2)[0];
        }
        if (text.contains("%")) {
            text = URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid(file.toString(), "neither XML nor base64");
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        String pem = Inputs.readUtf8(Inputs.requireReadableFile(file), 1024 * 1024);
        Matcher block = Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----")
                .matcher(pem);
        if (!block.find()) {
            throw invalid(file.toString(), "no unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert with"
                    + " openssl pkcs8 -topk8 -nocrypt");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getMimeDecoder().decode(block.group(1))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid(file.toString(), "not an RSA private key");
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("--now " + text, "not an ISO instant such as 2023-08-04T14:09:00Z");
        }
    }

    private static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw invalid("--skew " + text, "not a duration such as 60s or 2m");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static InvalidInputException invalid(String what, String problem) {
        return new InvalidInputException(CliError.SAML_INPUT_INVALID, what, problem);
    }
}

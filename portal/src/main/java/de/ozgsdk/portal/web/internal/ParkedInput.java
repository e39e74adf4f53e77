package de.ozgsdk.portal.web.internal;

import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.SecurityCheckException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.portal.PortalError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The input of a form step posted after its session had ended, kept until the citizen is back (a new login, or the
 * continuation of an application without login): bound to the tenant and the application, compressed and sealed
 * (AES-256-GCM), so the session store holds no readable personal data and no other application can take it.
 *
 * @param application the application the step belongs to
 * @param step        the step's index
 * @param parameters  the posted fields (without the CSRF token and the buttons)
 * @param parkedAt    when the post arrived
 * @param owner       the owner key of an application without login (from the page's sealed resume field); empty for
 *                    a citizen's application, which only a new login of its owner opens
 */
public record ParkedInput(UUID application, int step, Map<String, List<String>> parameters, Instant parkedAt,
        Optional<String> owner) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Inflated input above this is refused as not coming from a form step. */
    private static final int MAX_INFLATED = 1 << 20;

    public ParkedInput {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(parkedAt, "parkedAt");
        Objects.requireNonNull(owner, "owner");
        parameters = Map.copyOf(parameters);
    }

    /** The parameters as the runtime binds them. */
    public Map<String, String[]> asParameterMap() {
        Map<String, String[]> map = new LinkedHashMap<>();
        parameters.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
        return map;
    }

    /** Sealed and in base64url, to keep in a session value. */
    public String seal(Sealer sealer, TenantId tenant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("application", application.toString());
        json.put("step", step);
        json.put("parameters", parameters);
        json.put("parkedAt", parkedAt.toString());
        owner.ifPresent(o -> json.put("owner", o));
        byte[] plain = MAPPER.writeValueAsBytes(json);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealer.seal(deflate(plain), context(tenant)));
    }

    /**
     * Opens what {@link #seal} made for {@code tenant}.
     *
     * @throws SecurityCheckException ({@code OZG-PORTAL-801}) if it was altered, sealed for another tenant or with a
     *                                key the sealer does not have
     */
    public static ParkedInput open(String sealed, Sealer sealer, TenantId tenant) {
        try {
            byte[] plain = inflate(sealer.open(Base64.getUrlDecoder().decode(sealed), context(tenant)));
            Map<?, ?> json = MAPPER.readValue(plain, Map.class);
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            ((Map<?, ?>) json.get("parameters")).forEach((name, values) -> parameters.put((String) name,
                    ((List<?>) values).stream().map(String.class::cast).toList()));
            return new ParkedInput(UUID.fromString((String) json.get("application")),
                    ((Number) json.get("step")).intValue(), parameters, Instant.parse((String) json.get("parkedAt")),
                    Optional.ofNullable((String) json.get("owner")));
        } catch (OzgException | IllegalArgumentException | ClassCastException | NullPointerException
                | JacksonException | DataFormatException e) {
            throw new SecurityCheckException(PortalError.TIMEOUT_PARKED_INPUT_UNREADABLE, e,
                    e.getClass().getSimpleName());
        }
    }

    /**
     * The sealed owner key of an application without login, for a hidden field of its step pages: the page then
     * carries what continues the application after the session has ended (see PORTAL.md, "Time-outs").
     */
    public static String sealOwner(Sealer sealer, TenantId tenant, UUID application, String ownerKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealer.seal(
                ownerKey.getBytes(StandardCharsets.UTF_8), ownerContext(tenant, application)));
    }

    /** The owner key {@link #sealOwner} sealed for this tenant and application, if the field is genuine. */
    public static Optional<String> openOwner(String field, Sealer sealer, TenantId tenant, UUID application) {
        try {
            return Optional.of(new String(sealer.open(Base64.getUrlDecoder().decode(field),
                    ownerContext(tenant, application)), StandardCharsets.UTF_8));
        } catch (OzgException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] context(TenantId tenant) {
        return ("ozg-portal parked input v1:" + tenant.value()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ownerContext(TenantId tenant, UUID application) {
        return ("ozg-portal resume v1:" + tenant.value() + ":" + application).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 64);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 3);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new DataFormatException("too large");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}

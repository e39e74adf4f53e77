package de.ozgsdk.auth.oidc;

import de.ozgsdk.auth.AuthError;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TrustLevel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the {@code acr} claim of an ID token maps to the core {@link TrustLevel}, and which {@code acr_values} a login
 * that requires a level asks for. {@link #standard()} understands the eIDAS LoA URIs
 * ({@code http://eidas.europa.eu/LoA/substantial}), {@code STORK-QAA-Level-1..4} and the level names, and asks with
 * eIDAS URIs; brokers with their own values (Keycloak's levels of authentication, e.g. {@code "1"}, {@code "gold"})
 * get an explicit table:
 *
 * <pre>{@code
 * AcrMapping keycloak = AcrMapping.builder()
 *         .map("1", TrustLevel.LOW)
 *         .map("2", TrustLevel.SUBSTANTIAL)
 *         .map("3", TrustLevel.HIGH)
 *         .build();
 * }</pre>
 */
public final class AcrMapping {

    private final Map<String, TrustLevel> table;
    private final Map<TrustLevel, String> requestValues;
    private final boolean standardValues;

    private AcrMapping(Map<String, TrustLevel> table, Map<TrustLevel, String> requestValues, boolean standardValues) {
        this.table = Map.copyOf(table);
        this.requestValues = new EnumMap<>(requestValues);
        this.standardValues = standardValues;
    }

    /** eIDAS LoA URIs, STORK QAA levels and level names; requests with eIDAS LoA URIs. */
    public static AcrMapping standard() {
        Map<TrustLevel, String> request = new EnumMap<>(TrustLevel.class);
        for (TrustLevel level : TrustLevel.values()) {
            request.put(level, level.eidasUri());
        }
        return new AcrMapping(Map.of(), request, true);
    }

    /** Like {@link #standard()}, but requests with {@code STORK-QAA-Level-n} as BundID-facing brokers expect. */
    public static AcrMapping stork() {
        Map<TrustLevel, String> request = new EnumMap<>(TrustLevel.class);
        for (TrustLevel level : TrustLevel.values()) {
            request.put(level, level.storkQaaLevel());
        }
        return new AcrMapping(Map.of(), request, true);
    }

    /** An explicit table; only its values are understood unless {@link Builder#alsoStandardValues()} is set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The level {@code acr} stands for, empty if this mapping does not know it. */
    public Optional<TrustLevel> levelOf(String acr) {
        TrustLevel mapped = table.get(acr);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        if (standardValues) {
            try {
                return Optional.of(TrustLevel.parse(acr));
            } catch (InvalidInputException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code acr_values} for a login that requires {@code required}: the request values of that level and of
     * every higher one, lowest first (the provider may choose any of them; the ID token's acr is checked anyway).
     */
    public List<String> requestValues(TrustLevel required) {
        List<String> values = new ArrayList<>();
        for (TrustLevel level : TrustLevel.values()) {
            if (level.isAtLeast(required) && requestValues.containsKey(level)) {
                values.add(requestValues.get(level));
            }
        }
        return values;
    }

    /** Collects an explicit acr table. */
    public static final class Builder {
        private final Map<String, TrustLevel> table = new LinkedHashMap<>();
        private final Map<TrustLevel, String> request = new EnumMap<>(TrustLevel.class);
        private boolean standardValues;

        private Builder() {
        }

        /**
         * {@code acr} means {@code level}; the first value mapped to a level is also the one requested for it.
         */
        public Builder map(String acr, TrustLevel level) {
            Objects.requireNonNull(level, "level");
            if (Objects.requireNonNull(acr, "acr").isBlank()) {
                throw new ConfigurationException(AuthError.CONFIG_INVALID, "acrMapping", "an acr value is blank");
            }
            table.put(acr, level);
            request.putIfAbsent(level, acr);
            return this;
        }

        /** Understands the eIDAS, STORK and name values as well (the table wins where both know a value). */
        public Builder alsoStandardValues() {
            this.standardValues = true;
            return this;
        }

        public AcrMapping build() {
            if (table.isEmpty() && !standardValues) {
                throw new ConfigurationException(AuthError.CONFIG_INVALID, "acrMapping", "it maps no acr value");
            }
            return new AcrMapping(table, request, standardValues);
        }
    }
}

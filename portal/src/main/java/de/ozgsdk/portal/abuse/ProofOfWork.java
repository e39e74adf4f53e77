package de.ozgsdk.portal.abuse;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.abuse.internal.Keys;
import de.ozgsdk.portal.abuse.internal.SpentTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.altcha.altcha.Altcha;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The second chance after a rate limit: instead of a hard "too many requests", a client may prove work or patience.
 * With JavaScript the browser solves an ALTCHA proof-of-work challenge (SHA-256, made and verified by
 * {@code org.altcha:altcha} on our own server: no third party, no cookie); without JavaScript, or when solving fails,
 * the citizen waits a stated time and presses a plain button, and the server checks a signed waiting token. Either
 * answer is accepted once on any node (table {@code ozg_portal_abuse_spent}, migration V11) and only for the action it
 * was issued for. A screen reader user hears the state in a live region; nobody is locked out, the fallback costs
 * time, not ability.
 *
 * <p>Thread-safe; one instance per portal node, the same key on every node.
 */
public final class ProofOfWork {

    /** The form field with the base64 ALTCHA payload the solver writes. */
    public static final String SOLUTION_FIELD = "_altcha";
    /** The form field with the signed waiting token of the fallback without JavaScript. */
    public static final String WAIT_FIELD = "_ozg_wait";

    private static final Logger LOG = LoggerFactory.getLogger(ProofOfWork.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WAIT = Pattern.compile("([a-z]{1,20})\\.([0-9]{1,16})\\.([0-9]{1,16})\\."
            + "([0-9a-f]{32})\\.([0-9a-f]{64})");

    private final Keys altchaKey;
    private final Keys waitKey;
    private final SpentTokens spent;
    private final long maxNumber;
    private final Duration expiry;
    private final Duration waitingTime;
    private final Clock clock;

    private ProofOfWork(Builder builder) {
        this.altchaKey = Keys.derive(builder.key, "altcha");
        this.waitKey = Keys.derive(builder.key, "wait");
        this.spent = new SpentTokens(builder.database.dataSource());
        this.maxNumber = builder.maxNumber;
        this.expiry = builder.expiry;
        this.waitingTime = builder.waitingTime;
        this.clock = builder.clock;
    }

    /** Configures the challenge on {@code database} (migrated to V11) with {@code key} (32+ bytes, every node's). */
    public static Builder builder(Database database, byte[] key) {
        return new Builder(database, key);
    }

    /** A new challenge for {@code action}: the ALTCHA challenge and the waiting token of the fallback. */
    public Challenge challenge(Action action) {
        Instant now = clock.instant();
        Instant expires = now.plus(expiry);
        Altcha.Challenge made;
        try {
            made = Altcha.createChallenge(new Altcha.ChallengeOptions().setHmacKey(altchaKey.hexKey())
                    .setMaxNumber(maxNumber).setExpires(expires.getEpochSecond()).addParam("action", action.id()));
        } catch (Exception e) {
            throw new IllegalStateException("ALTCHA could not make a challenge", e);
        }
        ObjectNode json = JSON.createObjectNode().put("algorithm", made.algorithm).put("challenge", made.challenge)
                .put("maxnumber", made.maxnumber).put("salt", made.salt).put("signature", made.signature);
        Instant waitUntil = now.plus(waitingTime);
        return new Challenge(JSON.writeValueAsString(json), waitToken(action, waitUntil, expires), waitUntil, now);
    }

    /**
     * The answer {@code request} carries for {@code action}: none, accepted (and now spent), too early (the waiting
     * token is genuine but its time has not come; the same token stays valid) or invalid.
     */
    public Answer answer(HttpServletRequest request, Action action) {
        String solution = request.getParameter(SOLUTION_FIELD);
        if (solution != null && !solution.isEmpty()) {
            return solved(solution, action);
        }
        String wait = request.getParameter(WAIT_FIELD);
        if (wait != null && !wait.isEmpty()) {
            return waited(wait, action);
        }
        return new Answer(Answer.State.NONE, null);
    }

    private Answer solved(String solution, Action action) {
        try {
            if (solution.length() > 2_000) {
                return invalid("solution too long");
            }
            JsonNode payload = JSON.readTree(new String(Base64.getDecoder().decode(solution),
                    StandardCharsets.UTF_8));
            if (!payload.path("salt").isString() || !payload.path("signature").isString()) {
                return invalid("solution without salt or signature");
            }
            Map<String, String> params = params(payload.get("salt").asString());
            if (!action.id().equals(params.get("action"))) {
                return invalid("solution for another action");
            }
            Instant expires = Instant.ofEpochSecond(Long.parseLong(params.getOrDefault("expires", "0")));
            if (!clock.instant().isBefore(expires)) {
                return invalid("solution expired");
            }
            if (!Altcha.verifySolution(solution, altchaKey.hexKey(), false)) {
                return invalid("solution wrong");
            }
            if (!spent.spend("altcha|" + payload.get("signature").asString(), expires)) {
                return invalid("solution used before");
            }
            return new Answer(Answer.State.ACCEPTED, null);
        } catch (IllegalArgumentException | JacksonException e) {
            return invalid("solution malformed");
        } catch (Exception e) {
            // Altcha.verifySolution declares Exception: anything it throws means "not verified"
            return invalid("solution not verifiable");
        }
    }

    private Answer waited(String token, Action action) {
        Matcher parts = WAIT.matcher(token);
        if (!parts.matches() || !waitKey.verify(token.substring(0, token.lastIndexOf('.')), parts.group(5))) {
            return invalid("waiting token not ours");
        }
        if (!action.id().equals(parts.group(1))) {
            return invalid("waiting token for another action");
        }
        Instant now = clock.instant();
        Instant waitUntil = Instant.ofEpochMilli(Long.parseLong(parts.group(2)));
        Instant expires = Instant.ofEpochMilli(Long.parseLong(parts.group(3)));
        if (now.isBefore(waitUntil)) {
            return new Answer(Answer.State.TOO_EARLY, waitUntil);
        }
        if (!now.isBefore(expires)) {
            return invalid("waiting token expired");
        }
        if (!spent.spend("wait|" + parts.group(4), expires)) {
            return invalid("waiting token used before");
        }
        return new Answer(Answer.State.ACCEPTED, null);
    }

    /** Forgets spent answers whose challenge has expired; call it now and then. */
    public int purgeExpired() {
        return spent.purgeExpired(clock.instant());
    }

    /** The waiting time of the fallback without JavaScript. */
    public Duration waitingTime() {
        return waitingTime;
    }

    private String waitToken(Action action, Instant waitUntil, Instant expires) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String body = action.id() + "." + waitUntil.toEpochMilli() + "." + expires.toEpochMilli() + "."
                + HexFormat.of().formatHex(nonce);
        return body + "." + waitKey.mac(body);
    }

    private static Map<String, String> params(String salt) {
        Map<String, String> params = new HashMap<>();
        int query = salt.indexOf('?');
        if (query >= 0) {
            for (String pair : salt.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return params;
    }

    private static Answer invalid(String why) {
        LOG.info("proof-of-work answer refused: {}", why);
        return new Answer(Answer.State.INVALID, null);
    }

    /**
     * A challenge for one page.
     *
     * @param json      the ALTCHA challenge ({@code algorithm}, {@code challenge}, {@code maxnumber}, {@code salt},
     *                  {@code signature}) for the solver script
     * @param waitToken the signed waiting token of the fallback, for the hidden field {@link #WAIT_FIELD}
     * @param waitUntil from when the waiting token is accepted
     * @param issuedAt  when the challenge was made (the clock of this instance)
     */
    public record Challenge(String json, String waitToken, Instant waitUntil, Instant issuedAt) {
    }

    /**
     * What a request answered.
     *
     * @param state     the outcome
     * @param waitUntil for {@link State#TOO_EARLY}: from when the waiting token will be accepted; else null
     */
    public record Answer(State state, Instant waitUntil) {

        /** The outcome of an answer. */
        public enum State {
            /** The request carries no answer. */
            NONE,
            /** A valid answer, now spent. */
            ACCEPTED,
            /** A genuine waiting token whose time has not come yet. */
            TOO_EARLY,
            /** An answer that is wrong, expired, used before or for another action. */
            INVALID
        }
    }

    /** Configures {@link ProofOfWork}. */
    public static final class Builder {
        private final Database database;
        private final byte[] key;
        private long maxNumber = 100_000;
        private Duration expiry = Duration.ofMinutes(20);
        private Duration waitingTime = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(Database database, byte[] key) {
            this.database = Objects.requireNonNull(database, "database");
            this.key = Objects.requireNonNull(key, "key").clone();
            Keys.derive(this.key, "check");
        }

        /**
         * The complexity: the secret number lies in {@code 0..maxNumber} (default 100,000: on average 50,000
         * SHA-256 hashes, well under a second on a phone; a bot pays that for every request).
         */
        public Builder maxNumber(long maxNumber) {
            if (maxNumber < 1_000 || maxNumber > 10_000_000) {
                throw new InvalidInputException(PortalError.ABUSE_SETTING_INVALID, "maxNumber",
                        maxNumber + " is outside 1,000 .. 10,000,000");
            }
            this.maxNumber = maxNumber;
            return this;
        }

        /** How long a challenge and its waiting token may be answered (default 20 min). */
        public Builder expiry(Duration expiry) {
            if (expiry.compareTo(Duration.ofMinutes(1)) < 0 || expiry.compareTo(Duration.ofHours(2)) > 0) {
                throw new InvalidInputException(PortalError.ABUSE_SETTING_INVALID, "expiry",
                        expiry + " is outside 1 min .. 2 h");
            }
            this.expiry = expiry;
            return this;
        }

        /**
         * How long a citizen without JavaScript waits before the plain button is accepted (default 30 s; it must
         * stay well below the expiry).
         */
        public Builder waitingTime(Duration waitingTime) {
            if (waitingTime.isNegative() || waitingTime.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new InvalidInputException(PortalError.ABUSE_SETTING_INVALID, "waitingTime",
                        waitingTime + " is outside 0 s .. 5 min");
            }
            this.waitingTime = waitingTime;
            return this;
        }

        /** The clock (default: the system's UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The challenge. */
        public ProofOfWork build() {
            return new ProofOfWork(this);
        }
    }
}

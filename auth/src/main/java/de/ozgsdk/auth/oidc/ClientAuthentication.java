package de.ozgsdk.auth.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import de.ozgsdk.auth.AuthError;
import de.ozgsdk.core.ConfigurationException;
import java.util.Objects;

/**
 * How the client proves itself at the token endpoint (OpenID Connect Core 1.0, section 9): {@link #secretBasic}
 * (HTTP Basic, the default of most providers), {@link #secretPost} (form fields) or {@link #privateKeyJwt} (a JWT
 * signed with the client's own key, whose public part the provider holds; no shared secret).
 * Their {@code toString()} never shows the secret.
 */
public sealed interface ClientAuthentication
        permits ClientAuthentication.SecretBasic, ClientAuthentication.SecretPost, ClientAuthentication.PrivateKeyJwt {

    /** The {@code token_endpoint_auth_method} name. */
    String method();

    /** {@code client_secret_basic} with {@code secret}. */
    static ClientAuthentication secretBasic(String secret) {
        return new SecretBasic(requireSecret(secret));
    }

    /** {@code client_secret_post} with {@code secret}. */
    static ClientAuthentication secretPost(String secret) {
        return new SecretPost(requireSecret(secret));
    }

    /**
     * {@code private_key_jwt} with the client's private RSA (RS256) or EC P-256 (ES256) key; its key id, if set, goes
     * into the assertion's header.
     */
    static ClientAuthentication privateKeyJwt(JWK privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        if (!privateKey.isPrivate() || !(privateKey instanceof RSAKey || privateKey instanceof ECKey)) {
            throw new ConfigurationException(AuthError.CONFIG_INVALID, "clientAuthentication",
                    "private_key_jwt needs a private RSA or EC key");
        }
        JWSAlgorithm algorithm = privateKey instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
        return new PrivateKeyJwt(privateKey, algorithm);
    }

    private static String requireSecret(String secret) {
        if (Objects.requireNonNull(secret, "secret").isEmpty()) {
            throw new ConfigurationException(AuthError.CONFIG_INVALID, "clientAuthentication", "the secret is empty");
        }
        return secret;
    }

    /** The client id and secret in an HTTP Basic {@code Authorization} header. */
    record SecretBasic(String secret) implements ClientAuthentication {
        @Override
        public String method() {
            return "client_secret_basic";
        }

        @Override
        public String toString() {
            return "SecretBasic[***]";
        }
    }

    /** The client id and secret as form fields of the token request. */
    record SecretPost(String secret) implements ClientAuthentication {
        @Override
        public String method() {
            return "client_secret_post";
        }

        @Override
        public String toString() {
            return "SecretPost[***]";
        }
    }

    /** A client assertion JWT signed with {@code key}. */
    record PrivateKeyJwt(JWK key, JWSAlgorithm algorithm) implements ClientAuthentication {
        @Override
        public String method() {
            return "private_key_jwt";
        }

        @Override
        public String toString() {
            return "PrivateKeyJwt[" + algorithm + ", kid=" + key.getKeyID() + "]";
        }
    }
}

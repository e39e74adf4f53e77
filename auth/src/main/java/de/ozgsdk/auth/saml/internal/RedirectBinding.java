package de.ozgsdk.auth.saml.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * The SAML HTTP-Redirect binding (bindings 3.4): the request DEFLATE-compressed (raw, no zlib header), base64 and
 * URL-encoded as {@code SAMLRequest}, the optional {@code RelayState}, and {@code SigAlg} plus {@code Signature}
 * over the query string in exactly that order (the XML itself carries no signature).
 */
public final class RedirectBinding {

    private RedirectBinding() {
    }

    /** The URL that carries {@code requestXml} to {@code endpoint}, signed with {@code key} (RSA-SHA256). */
    public static URI encode(URI endpoint, byte[] requestXml, Optional<String> relayState, PrivateKey key) {
        StringBuilder query = new StringBuilder("SAMLRequest=").append(url(Base64.getEncoder()
                .encodeToString(deflate(requestXml))));
        relayState.ifPresent(state -> query.append("&RelayState=").append(url(state)));
        query.append("&SigAlg=").append(url(Saml.RSA_SHA256));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(query.toString().getBytes(StandardCharsets.US_ASCII));
            query.append("&Signature=").append(url(Base64.getEncoder().encodeToString(signer.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-SHA256 signing failed: " + e.getMessage(), e);
        }
        String separator = endpoint.getRawQuery() == null ? "?" : "&";
        return URI.create(endpoint + separator + query);
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

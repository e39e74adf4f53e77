package de.ozgsdk.core.internal.crypto;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.crypto.KeyError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a PEM text (RFC 7468, with the RFC 1421 headers of OpenSSL's legacy encryption) into its blocks; text
 * outside the blocks is ignored, as OpenSSL does.
 */
final class PemBlocks {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private PemBlocks() {
    }

    /** One {@code -----BEGIN type-----} … {@code -----END type-----} block with its decoded content. */
    record Block(int number, String type, int line, Map<String, String> headers, byte[] der) {
        Block {
            headers = Map.copyOf(headers);
        }

        /** The value of header {@code name} (case-insensitive, as OpenSSL reads them). */
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        /** Where the block is, for error messages: {@code "block 2 (RSA PRIVATE KEY, line 14)"}. */
        String location() {
            return "block " + number + " (" + type + ", line " + line + ")";
        }
    }

    /**
     * The blocks of {@code pem} in file order.
     *
     * @throws ConfigurationException ({@link KeyError#PEM_MALFORMED}) for a block without its END line or with broken
     *     Base64
     */
    static List<Block> parse(byte[] pem, String source) {
        String[] lines = new String(pem, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n", -1);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Optional<String> type = marker(lines[i], BEGIN);
            if (type.isPresent()) {
                int endLine = findEnd(lines, i, type.get(), source, blocks.size() + 1);
                blocks.add(block(blocks.size() + 1, type.get(), lines, i, endLine, source));
                i = endLine;
            }
        }
        return blocks;
    }

    private static int findEnd(String[] lines, int beginLine, String type, String source, int number) {
        String where = "block " + number + " (" + type + ", line " + (beginLine + 1) + ")";
        for (int i = beginLine + 1; i < lines.length; i++) {
            Optional<String> endType = marker(lines[i], END);
            if (endType.isPresent()) {
                if (!endType.get().equals(type)) {
                    throw malformed(source,
                            where + " ends with -----END " + endType.get() + "----- in line " + (i + 1));
                }
                return i;
            }
            if (marker(lines[i], BEGIN).isPresent()) {
                throw malformed(source, where + " has no END line before the next BEGIN line " + (i + 1));
            }
        }
        throw malformed(source, where + " has no -----END " + type + "----- line (file truncated?)");
    }

    private static Block block(int number, String type, String[] lines, int beginLine, int endLine, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder base64 = new StringBuilder();
        for (int i = beginLine + 1; i < endLine; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon >= 0) {
                String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                headers.put(name, line.substring(colon + 1).strip());
            } else {
                line.chars().filter(c -> !Character.isWhitespace(c)).forEach(c -> base64.append((char) c));
            }
        }
        try {
            return new Block(number, type, beginLine + 1, headers, Base64.getDecoder().decode(base64.toString()));
        } catch (IllegalArgumentException e) {
            throw malformed(source, "block " + number + " (" + type + ", line " + (beginLine + 1)
                    + ") is not valid Base64: " + e.getMessage());
        }
    }

    /** The type of a {@code -----BEGIN type-----} (or END) line. */
    private static Optional<String> marker(String line, String prefix) {
        String stripped = line.strip();
        if (stripped.startsWith(prefix) && stripped.endsWith(DASHES)
                && stripped.length() >= prefix.length() + DASHES.length()) {
            return Optional.of(stripped.substring(prefix.length(), stripped.length() - DASHES.length()).strip());
        }
        return Optional.empty();
    }

    private static ConfigurationException malformed(String source, String detail) {
        return new ConfigurationException(KeyError.PEM_MALFORMED, source, detail);
    }
}

package de.ozgsdk.core.internal.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A minimal reader and writer of the ASN.1 DER encoding (ITU-T X.690), enough for the structures of key files
 * (PKCS#1, PKCS#5, PKCS#8, SEC1); every read is bounds-checked, so damaged input ends in {@link MalformedException}.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int SEQUENCE = 0x30;
    /** {@code [0]} constructed, context-specific (the EC parameters of SEC1). */
    static final int CONTEXT_0 = 0xA0;
    /** {@code [1]} constructed, context-specific (the public key of SEC1). */
    static final int CONTEXT_1 = 0xA1;

    private static final int MAX_OID_ARC_BYTES = 9;

    private Der() {
    }

    /** A damaged or unexpected DER structure; the message says what was expected and at which byte. */
    static final class MalformedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /** {@code der} as exactly one value of type {@code tag} (no bytes may follow it); {@code what} names it. */
    static Value parse(byte[] der, int tag, String what) {
        Reader reader = new Reader(der, 0, der.length);
        Value value = reader.next(tag, what);
        reader.requireEnd(what);
        return value;
    }

    /** One tag-length-value element inside a larger byte array. */
    static final class Value {
        private final byte[] data;
        private final int start;
        private final int contentStart;
        private final int end;
        private final int tag;

        private Value(byte[] data, int start, int tag, int contentStart, int end) {
            this.data = data;
            this.start = start;
            this.tag = tag;
            this.contentStart = contentStart;
            this.end = end;
        }

        int tag() {
            return tag;
        }

        /** The content octets (a copy). */
        byte[] content() {
            return Arrays.copyOfRange(data, contentStart, end);
        }

        /** The whole element, tag and length included (a copy). */
        byte[] encoded() {
            return Arrays.copyOfRange(data, start, end);
        }

        /** A reader over the elements inside this constructed value. */
        Reader contents() {
            return new Reader(data, contentStart, end);
        }

        BigInteger integer(String what) {
            if (contentStart == end) {
                throw new MalformedException(what + " at byte " + start + " is an INTEGER without content");
            }
            return new BigInteger(content());
        }

        /** A small non-negative INTEGER (a version, an iteration count) that must not exceed {@code max}. */
        int smallInteger(String what, int max) {
            BigInteger value = integer(what);
            if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
                throw new MalformedException(what + " at byte " + start + " is " + value
                        + ", outside the range 0.." + max);
            }
            return value.intValueExact();
        }

        /** The dotted form of an OBJECT IDENTIFIER, e.g. {@code 1.2.840.113549.1.1.1}. */
        String objectIdentifier(String what) {
            if (contentStart == end) {
                throw new MalformedException(what + " at byte " + start + " is an empty OBJECT IDENTIFIER");
            }
            StringBuilder dotted = new StringBuilder();
            long arc = 0;
            int arcBytes = 0;
            for (int i = contentStart; i < end; i++) {
                int b = data[i] & 0xFF;
                arc = (arc << 7) | (b & 0x7F);
                if (++arcBytes > MAX_OID_ARC_BYTES) {
                    throw new MalformedException(what + " at byte " + start + " has an arc longer than 63 bits");
                }
                if ((b & 0x80) == 0) {
                    appendArc(dotted, arc);
                    arc = 0;
                    arcBytes = 0;
                }
            }
            if (arcBytes != 0) {
                throw new MalformedException(what + " at byte " + start + " ends inside an arc");
            }
            return dotted.toString();
        }

        private static void appendArc(StringBuilder dotted, long arc) {
            if (dotted.length() == 0) {
                long first = Math.min(arc / 40, 2);
                dotted.append(first).append('.').append(arc - 40 * first);
            } else {
                dotted.append('.').append(arc);
            }
        }
    }

    /** Reads the elements between two offsets one after the other. */
    static final class Reader {
        private final byte[] data;
        private final int end;
        private int position;

        private Reader(byte[] data, int from, int end) {
            this.data = data;
            this.position = from;
            this.end = end;
        }

        boolean hasNext() {
            return position < end;
        }

        /** The tag of the next element, or -1 if there is none. */
        int peekTag() {
            return hasNext() ? data[position] & 0xFF : -1;
        }

        /** The next element, which must have {@code tag}. */
        Value next(int tag, String what) {
            if (!hasNext()) {
                throw new MalformedException(what + " is missing (structure ends at byte " + position + ")");
            }
            int found = peekTag();
            if (found != tag) {
                throw new MalformedException(String.format("%s at byte %d: expected %s, found tag 0x%02X",
                        what, position, tagName(tag), found));
            }
            return next(what);
        }

        /** The next element of any type. */
        Value next(String what) {
            int start = position;
            if (!hasNext()) {
                throw new MalformedException(what + " is missing (structure ends at byte " + position + ")");
            }
            int tag = data[position++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                throw new MalformedException(what + " at byte " + start + " uses a multi-byte tag");
            }
            int length = readLength(what, start);
            if (length > end - position) {
                throw new MalformedException(what + " at byte " + start + " announces " + length
                        + " bytes but only " + (end - position) + " follow (truncated?)");
            }
            Value value = new Value(data, start, tag, position, position + length);
            position += length;
            return value;
        }

        /** Fails if elements follow (DER leaves no room for trailing bytes). */
        void requireEnd(String what) {
            if (hasNext()) {
                throw new MalformedException(what + " is followed by " + (end - position) + " unexpected bytes");
            }
        }

        private int readLength(String what, int start) {
            if (!hasNext()) {
                throw new MalformedException(what + " at byte " + start + " has no length");
            }
            int first = data[position++] & 0xFF;
            if (first < 0x80) {
                return first;
            }
            int count = first & 0x7F;
            if (count == 0) {
                throw new MalformedException(what + " at byte " + start + " has an indefinite length (BER, not DER)");
            }
            if (count > 3 || count > end - position) {
                throw new MalformedException(what + " at byte " + start + " has an impossible length");
            }
            int length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (data[position++] & 0xFF);
            }
            return length;
        }
    }

    static byte[] sequence(byte[]... elements) {
        return tlv(SEQUENCE, concat(elements));
    }

    static byte[] integer(BigInteger value) {
        return tlv(INTEGER, value.toByteArray());
    }

    static byte[] integer(int value) {
        return integer(BigInteger.valueOf(value));
    }

    static byte[] octetString(byte[] content) {
        return tlv(OCTET_STRING, content);
    }

    static byte[] nullValue() {
        return new byte[] {NULL, 0};
    }

    static byte[] objectIdentifier(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeArc(out, Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            writeArc(out, Long.parseLong(parts[i]));
        }
        return tlv(OBJECT_IDENTIFIER, out.toByteArray());
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static void writeArc(ByteArrayOutputStream out, long arc) {
        int groups = Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(arc) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int group = (int) (arc >>> (7 * i)) & 0x7F;
            out.write(i == 0 ? group : group | 0x80);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String tagName(int tag) {
        return switch (tag) {
            case INTEGER -> "INTEGER";
            case BIT_STRING -> "BIT STRING";
            case OCTET_STRING -> "OCTET STRING";
            case NULL -> "NULL";
            case OBJECT_IDENTIFIER -> "OBJECT IDENTIFIER";
            case SEQUENCE -> "SEQUENCE";
            default -> String.format("tag 0x%02X", tag);
        };
    }
}

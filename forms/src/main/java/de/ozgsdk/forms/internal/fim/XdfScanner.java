package de.ozgsdk.forms.internal.fim;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.SecureXml;
import de.ozgsdk.core.xml.XmlError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A non-validating, namespace-aware pull scanner for UTF-8 XML 1.0 documents, specialised for the FIM import: it
 * decodes the bytes itself while scanning (one pass), hands each distinct name out as one interned string (so the
 * importer's name switches compare by identity), keeps text in a reusable {@code char[]}, and knows no DTD at all.
 *
 * <p>It offers the {@link XMLStreamReader} view the importer and its XSD check use, so that the same parser runs over
 * it and over the StAX readers of core, and it enforces what core's hardened reader enforces: a DOCTYPE is refused
 * ({@link XmlError#DTD_NOT_ALLOWED}), only the five predefined entities and character references exist (no entity
 * can be declared, so none is external), the limits of {@link SecureXml} (element depth, attributes per element,
 * name length, document bytes, text length, total characters) are checked while streaming, and every
 * well-formedness error is an {@link InvalidInputException} with {@link XmlError#MALFORMED} naming the line and
 * column of the offending character (bad bytes included). Locations are those of Woodstox: the start of the current
 * event, column counted in UTF-16 units from 1.
 *
 * <p>Only documents it can read are given to it: see {@link #handles(byte[], int)} (UTF-8, XML 1.0); the importer
 * reads every other document with core's StAX reader. Not thread-safe; one instance per document.
 */
public final class XdfScanner implements XMLStreamReader {

    /** Which documents the scanner reads: an optional UTF-8 BOM, then an XML 1.0 declaration in UTF-8 or none. */
    private static final Pattern DECLARATION = Pattern.compile(
            "<\\?xml[ \\t\\r\\n]+version[ \\t\\r\\n]*=[ \\t\\r\\n]*([\"'])1\\.0\\1"
                    + "([ \\t\\r\\n]+encoding[ \\t\\r\\n]*=[ \\t\\r\\n]*([\"'])[Uu][Tt][Ff]-8\\3)?"
                    + "([ \\t\\r\\n]+standalone[ \\t\\r\\n]*=[ \\t\\r\\n]*([\"'])(yes|no)\\5)?[ \\t\\r\\n]*\\?>");
    private static final int BUFFER = 32 * 1024;
    /** The longest text kept as bytes while scanning; longer ones are gathered as characters. */
    private static final int PLAIN_TEXT = 16 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;
    private static final int SYMBOLS = 1024;
    private static final String XML_NS = XMLConstants.XML_NS_URI;
    private static final String XMLNS_NS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

    /** Byte classes in text: 0 plain ASCII, 1 needs a look ('<', '&', ']', CR, LF, invalid controls, non-ASCII). */
    private static final boolean[] TEXT_SPECIAL = new boolean[256];
    /** ASCII name characters (XML 1.0 fifth edition); non-ASCII ones are checked one by one. */
    private static final boolean[] NAME_CHAR = new boolean[128];
    private static final boolean[] NAME_START = new boolean[128];

    static {
        for (int b = 0; b < 256; b++) {
            TEXT_SPECIAL[b] = b < 0x20 || b >= 0x80 || b == '<' || b == '&' || b == ']';
        }
        for (int c = 0; c < 128; c++) {
            NAME_START[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
            NAME_CHAR[c] = NAME_START[c] || c >= '0' && c <= '9' || c == '-' || c == '.';
        }
    }

    private final InputStream in;
    private final String systemId;
    private final int maxDepth;
    private final int maxAttributes;
    private final int maxNameLength;
    private final long maxDocumentBytes;
    private final long maxTextLength;
    private final long maxTotalCharacters;

    // ---- input: bytes[pos..end) are unread; base is the document offset of bytes[0]
    private byte[] bytes;
    private int pos;
    private int end;
    private long base;
    private boolean eof;
    /** How far the last {@link #fill(int)} moved the kept bytes to the front. */
    private int shift;

    // ---- position: line, the document offset where it starts, and the bytes beyond one per UTF-16 unit so far
    private int line = 1;
    private long lineStart;
    private long extra;
    private long extraAtLineStart;
    private int eventLine = 1;
    private int eventColumn = 1;

    // ---- symbols: each distinct name once, with interned strings
    private final Name[] names = new Name[SYMBOLS * 2];
    private int nameCount;

    // ---- the current event
    private int event = START_DOCUMENT;
    private char[] text = new char[256];
    private int textLength;
    /** Whether the current text is white space only (space, tab, CR, LF), known while it is scanned. */
    private boolean textBlank;
    /** Whether the text of the current event is still bytes[textStart..textStart+textLength), plain ASCII. */
    private boolean lazy;
    private int textStart;
    private long textRun;
    private long totalCharacters;
    private String piTarget;
    /** A well-formedness error found while reading the text before it, thrown by the next {@link #next()}. */
    private InvalidInputException pending;

    // ---- open elements and namespace bindings
    private String[] prefixes = new String[32];
    private String[] locals = new String[32];
    private String[] uris = new String[32];
    private Name[] qnames = new Name[32];
    /** The element whose start or end tag came last, for guessing the next start tag's name. */
    private Name previous;
    private boolean previousEnded;
    private int[] bindingStarts = new int[33];
    private int depth;
    private boolean emptyElement;
    private boolean rootSeen;
    private String[] boundPrefixes = new String[16];
    private String[] boundUris = new String[16];
    private int bindings;

    // ---- attributes of the current start element (xmlns declarations not among them)
    private String[] attributePrefixes = new String[8];
    private String[] attributeLocals = new String[8];
    private String[] attributeUris = new String[8];
    private String[] attributeValues = new String[8];
    private int attributeCount;
    private char[] value = new char[128];

    private XdfScanner(InputStream in, byte[] first, int length, String systemId, SecureXml limits) {
        this.in = in;
        this.systemId = systemId;
        this.maxDepth = limits.maxElementDepth();
        this.maxAttributes = limits.maxAttributesPerElement();
        this.maxNameLength = limits.maxNameLength();
        this.maxDocumentBytes = limits.maxDocumentBytes();
        this.maxTextLength = limits.maxTextLength();
        this.maxTotalCharacters = limits.maxTotalCharacters();
        this.bytes = Arrays.copyOf(first, Math.max(BUFFER, first.length));
        this.end = length;
        if (length >= 3 && (first[0] & 0xFF) == 0xEF && (first[1] & 0xFF) == 0xBB && (first[2] & 0xFF) == 0xBF) {
            // the byte order mark is no character: lines and columns start after it
            pos = 3;
            lineStart = 3;
        }
    }

    /**
     * Whether the scanner reads a document starting with {@code prolog} (its first bytes, up to 1024): an optional
     * UTF-8 byte order mark, then an XML 1.0 declaration naming UTF-8 or no encoding, or no declaration at all (not
     * a UTF-16 document). Anything else (other encodings, XML 1.1, an unusual declaration) goes to core's reader.
     */
    public static boolean handles(byte[] prolog, int length) {
        int from = length >= 3 && (prolog[0] & 0xFF) == 0xEF && (prolog[1] & 0xFF) == 0xBB
                && (prolog[2] & 0xFF) == 0xBF ? 3 : 0;
        if (length - from < 2 || prolog[from] == 0 || prolog[from + 1] == 0 || (prolog[from] & 0xFF) >= 0xFE) {
            return false;
        }
        String start = new String(prolog, from, length - from, StandardCharsets.ISO_8859_1);
        if (!start.startsWith("<?xml")) {
            return true;
        }
        return DECLARATION.matcher(start).lookingAt();
    }

    /**
     * A scanner over {@code in}, whose first {@code length} bytes were already read into {@code first} (and passed
     * {@link #handles(byte[], int)}).
     */
    public static XdfScanner open(InputStream in, byte[] first, int length, String systemId, SecureXml limits) {
        if (length > limits.maxDocumentBytes()) {
            throw new InvalidInputException(XmlError.DOCUMENT_TOO_LARGE, systemId, limits.maxDocumentBytes());
        }
        return new XdfScanner(in, first, length, systemId, limits);
    }

    // ---- input -----------------------------------------------------------------------------------------------------

    /**
     * Reads more bytes, keeping the unread ones and those from {@code keep} on (a name being scanned), which move to
     * the front of the buffer by {@link #shift}; false at the end of the document.
     */
    private boolean fill(int keep) {
        shift = 0;
        if (eof) {
            return false;
        }
        int from = Math.min(keep, pos);
        shift = from;
        if (from > 0) {
            System.arraycopy(bytes, from, bytes, 0, end - from);
            end -= from;
            pos -= from;
            base += from;
        }
        if (end == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        int read;
        try {
            read = in.read(bytes, end, bytes.length - end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read < 0) {
            eof = true;
            return false;
        }
        if (base + end + read > maxDocumentBytes) {
            throw new InvalidInputException(XmlError.DOCUMENT_TOO_LARGE, systemId, maxDocumentBytes);
        }
        end += read;
        return true;
    }

    /** Makes at least {@code count} bytes available unless the document ends first; whether it could. */
    private boolean ensure(int count) {
        while (end - pos < count) {
            if (!fill(pos)) {
                return false;
            }
        }
        return true;
    }

    /** The next byte, consumed; -1 at the end of the document. */
    private int read() {
        if (pos == end && !fill(pos)) {
            return -1;
        }
        return bytes[pos++] & 0xFF;
    }

    /** The next byte, not consumed; -1 at the end of the document. */
    private int peek() {
        if (pos == end && !fill(pos)) {
            return -1;
        }
        return bytes[pos] & 0xFF;
    }

    private boolean startsWith(String ascii) {
        if (!ensure(ascii.length())) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[pos + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    // ---- positions -------------------------------------------------------------------------------------------------

    private void newLine() {
        line++;
        lineStart = base + pos;
        extraAtLineStart = extra;
    }

    private int column() {
        return (int) (base + pos - lineStart - (extra - extraAtLineStart)) + 1;
    }

    private void markEvent() {
        eventLine = line;
        eventColumn = column();
    }

    private InvalidInputException malformed(String detail) {
        return malformedAt(line, column(), detail);
    }

    private InvalidInputException malformedAt(int atLine, int atColumn, String detail) {
        return new InvalidInputException(XmlError.MALFORMED, systemId, Integer.toString(atLine),
                Integer.toString(atColumn), detail);
    }

    private InvalidInputException limit(String detail) {
        return new InvalidInputException(XmlError.LIMIT_EXCEEDED, systemId, Integer.toString(eventLine),
                Integer.toString(eventColumn), detail);
    }

    // ---- characters ------------------------------------------------------------------------------------------------

    /**
     * Decodes the character at {@code pos} whose first byte {@code b} is not plain ASCII text, consumes it and returns
     * its code point; line ends are normalised to LF and counted. Refuses bytes invalid in UTF-8 and characters XML
     * does not allow.
     */
    private int character(int b) {
        if (b < 0x80) {
            pos++;
            if (b == '\n') {
                newLine();
                return '\n';
            }
            if (b == '\r') {
                if (peek() == '\n') {
                    pos++;
                }
                newLine();
                return '\n';
            }
            if (b < 0x20 && b != '\t') {
                throw malformed("Illegal character (code 0x" + Integer.toHexString(b) + ").");
            }
            return b;
        }
        int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        if (b < 0xC2 || b > 0xF4 || !ensure(length)) {
            throw badBytes();
        }
        int c = b & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
        for (int i = 1; i < length; i++) {
            int next = bytes[pos + i] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                throw badBytes();
            }
            c = (c << 6) | (next & 0x3F);
        }
        if (length == 3 && (c < 0x800 || c >= 0xD800 && c <= 0xDFFF)
                || length == 4 && (c < 0x10000 || c > 0x10FFFF)) {
            throw badBytes();
        }
        if (c == 0xFFFE || c == 0xFFFF) {
            throw malformed("Illegal character (code 0x" + Integer.toHexString(c) + ").");
        }
        pos += length;
        extra += length == 4 ? 2 : length - 1;
        return c;
    }

    /** The character at {@code pos} (first byte {@code b}), not consumed; bad bytes are refused. */
    private int peekCharacter(int b) {
        int at = pos;
        int atLine = line;
        long atExtra = extra;
        int c = character(b);
        pos = at;
        line = atLine;
        extra = atExtra;
        return c;
    }

    private InvalidInputException badBytes() {
        return malformed("Invalid byte sequence for the encoding UTF-8.");
    }

    private void appendText(int c) {
        if (textLength + 2 > text.length) {
            // checked while growing: a text beyond the limits is refused before it is all in memory
            countText();
            text = Arrays.copyOf(text, text.length * 2);
        }
        if (c >= 0x10000) {
            text[textLength++] = Character.highSurrogate(c);
            text[textLength++] = Character.lowSurrogate(c);
        } else {
            text[textLength++] = (char) c;
        }
    }

    // ---- events ----------------------------------------------------------------------------------------------------

    @Override
    public int next() {
        lazy = false;
        if (pending != null) {
            throw pending;
        }
        if (event == END_DOCUMENT) {
            throw new NoSuchElementException("no event after the end of the document");
        }
        if (emptyElement) {
            emptyElement = false;
            return event = END_ELEMENT;
        }
        if (event == END_ELEMENT) {
            popElement();
        }
        if (depth == 0) {
            return event = rootSeen ? epilog() : prolog();
        }
        return event = content();
    }

    private void popElement() {
        depth--;
        bindings = bindingStarts[depth];
        attributeCount = 0;
        textRun = 0;
    }

    /** Before the root element: white space, comments and processing instructions; a DOCTYPE is refused. */
    private int prolog() {
        if (event == START_DOCUMENT && startsWith("<?xml") && ensure(6) && isSpace(bytes[pos + 5])) {
            // the declaration was checked by handles(): skip it, counting its lines
            int b;
            while ((b = peek()) >= 0 && b != '>') {
                character(b);
            }
            pos++;
        }
        while (true) {
            skipSpace();
            markEvent();
            int b = peek();
            if (b < 0) {
                throw malformed("Unexpected end of input in prolog; expected the root element.");
            }
            if (b != '<') {
                throw malformed("Unexpected character '" + (char) b + "' in prolog; expected '<'.");
            }
            if (startsWith("<!DOCTYPE")) {
                throw new InvalidInputException(XmlError.DTD_NOT_ALLOWED, systemId, Integer.toString(eventLine),
                        Integer.toString(eventColumn));
            }
            int markup = markup(true);
            if (markup == START_ELEMENT) {
                rootSeen = true;
                return markup;
            }
            if (markup != SPACE) {
                return markup;
            }
        }
    }

    /** After the root element: white space, comments and processing instructions, then the end. */
    private int epilog() {
        while (true) {
            skipSpace();
            markEvent();
            int b = peek();
            if (b < 0) {
                return END_DOCUMENT;
            }
            if (b != '<') {
                throw malformed("Unexpected character '" + (char) b + "' after the root element.");
            }
            int markup = markup(false);
            if (markup == START_ELEMENT || markup == END_ELEMENT || markup == CDATA) {
                throw malformedAt(eventLine, eventColumn, "Markup after the root element.");
            }
            return markup;
        }
    }

    private void skipSpace() {
        while (true) {
            int b = peek();
            if (b == ' ' || b == '\t') {
                pos++;
            } else if (b == '\n' || b == '\r') {
                character(b);
            } else {
                return;
            }
        }
    }

    private static boolean isSpace(int b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** Inside an element: text up to the next markup, or the markup. */
    private int content() {
        markEvent();
        int b = peek();
        if (b < 0) {
            throw malformed("Unexpected end of input; expected the end tag </" + qualified(depth - 1) + ">.");
        }
        if (b == '<') {
            return markup(false);
        }
        return text();
    }

    /** The markup starting at '<': an element tag, comment, CDATA section or processing instruction. */
    private int markup(boolean prolog) {
        if (!ensure(2)) {
            pos++;
            throw malformed("Unexpected end of input after '<'.");
        }
        int b = bytes[pos + 1] & 0xFF;
        if (b == '/') {
            if (prolog) {
                throw malformed("Unexpected end tag in prolog.");
            }
            pos += 2;
            endTag();
            return END_ELEMENT;
        }
        if (b == '?') {
            pos += 2;
            processingInstruction();
            return PROCESSING_INSTRUCTION;
        }
        if (b == '!') {
            if (startsWith("<!--")) {
                pos += 4;
                comment();
                return COMMENT;
            }
            if (!prolog && depth > 0 && startsWith("<![CDATA[")) {
                pos += 9;
                cdata();
                return CDATA;
            }
            if (prolog && startsWith("<!DOCTYPE")) {
                throw new InvalidInputException(XmlError.DTD_NOT_ALLOWED, systemId, Integer.toString(eventLine),
                        Integer.toString(eventColumn));
            }
            pos += 2;
            throw malformed("Unexpected markup '<!'; only a comment or CDATA section may start so here.");
        }
        pos++;
        startTag();
        return START_ELEMENT;
    }

    // ---- text ------------------------------------------------------------------------------------------------------

    /** Whether a byte of the eight in {@code word} is not plain text: non-ASCII, a control, '<', '&' or ']'. */
    private static boolean needsLook(long word) {
        long below = (word - ONES * 0x20) & ~word;
        return ((word | below | zeroByte(word ^ ONES * '<') | zeroByte(word ^ ONES * '&')
                | zeroByte(word ^ ONES * ']')) & HIGHS) != 0;
    }

    /** The high bit of each zero byte set (and perhaps of bytes above one): nonzero iff a byte is zero. */
    private static long zeroByte(long word) {
        return (word - ONES) & ~word;
    }

    private int text() {
        textLength = 0;
        textBlank = true;
        if (plainText()) {
            endText();
            return CHARACTERS;
        }
        while (true) {
            // plain ASCII in a loop of its own: most of a document
            char[] target = text;
            int length = textLength;
            int p = pos;
            int limit = Math.min(end, p + target.length - length - 2);
            byte[] source = bytes;
            boolean blank = textBlank;
            // eight bytes at a time while none of them needs a look (indentation is most of a FIM file)
            while (p + 8 <= limit) {
                long word = (long) LONGS.get(source, p);
                if (needsLook(word)) {
                    break;
                }
                blank &= word == SPACES;
                for (int k = 0; k < 8; k++) {
                    target[length + k] = (char) source[p + k];
                }
                length += 8;
                p += 8;
            }
            while (p < limit) {
                byte b = source[p];
                if (TEXT_SPECIAL[b & 0xFF]) {
                    break;
                }
                blank &= b == ' ';
                target[length++] = (char) b;
                p++;
            }
            textBlank = blank;
            pos = p;
            textLength = length;
            if (p == limit) {
                if (textLength + 2 >= text.length) {
                    countText();
                    text = Arrays.copyOf(text, text.length * 2);
                }
                if (pos == end && !fill(pos)) {
                    throw malformed("Unexpected end of input; expected the end tag </" + qualified(depth - 1)
                            + ">.");
                }
                continue;
            }
            int b = source[p] & 0xFF;
            if (b == '<') {
                break;
            }
            if (b == '&') {
                int c = reference();
                textBlank &= c == ' ' || c == '\t' || c == '\n' || c == '\r';
                appendText(c);
            } else if (b == ']' && ensure(3) && bytes[pos + 1] == ']' && bytes[pos + 2] == '>'
                    || b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                InvalidInputException error = malformed(b == ']' ? "The sequence ']]>' is not allowed in text."
                        : "Illegal character (code 0x" + Integer.toHexString(b) + ").");
                if (textLength == 0) {
                    throw error;
                }
                // as Woodstox does: the text before it is an event of its own, the error comes with the next one
                pending = error;
                break;
            } else {
                int c = character(b);
                textBlank &= c == '\n' || c == '\t';
                appendText(c);
            }
        }
        endText();
        return CHARACTERS;
    }

    /**
     * Scans text of plain ASCII (line feeds and tabs included) up to the next '<' without copying it: the event's
     * text is then that range of the byte buffer ({@link #lazy}), made characters only if asked for (the importer
     * never asks for the white space between elements, most of a FIM file). At anything else (a reference, CR,
     * non-ASCII, ']', a control) or a long text, the part scanned is copied to {@link #text} and false returned.
     */
    private boolean plainText() {
        int start = pos;
        boolean blank = true;
        if (indentation()) {
            textStart = start;
            textLength = pos - start;
            textBlank = true;
            lazy = true;
            return true;
        }
        while (true) {
            byte[] source = bytes;
            int p = pos;
            int limit = end;
            while (p + 8 <= limit) {
                long word = (long) LONGS.get(source, p);
                if (word != SPACES) {
                    if (needsLook(word)) {
                        break;
                    }
                    blank = false;
                }
                p += 8;
            }
            while (p < limit) {
                byte b = source[p];
                if (TEXT_SPECIAL[b & 0xFF]) {
                    break;
                }
                blank &= b == ' ';
                p++;
            }
            pos = p;
            if (p == limit) {
                if (p - start > PLAIN_TEXT) {
                    break;
                }
                boolean more = fill(start);
                start -= shift;
                if (!more) {
                    throw malformed("Unexpected end of input; expected the end tag </" + qualified(depth - 1)
                            + ">.");
                }
                continue;
            }
            byte b = source[p];
            if (b == '<') {
                textStart = start;
                textLength = p - start;
                textBlank = blank;
                lazy = true;
                return true;
            }
            if (b == '\n') {
                pos++;
                newLine();
            } else if (b == '\t') {
                pos++;
            } else {
                break;
            }
        }
        int length = pos - start;
        while (length + 2 > text.length) {
            text = Arrays.copyOf(text, text.length * 2);
        }
        for (int i = 0; i < length; i++) {
            text[i] = (char) bytes[start + i];
        }
        textLength = length;
        textBlank = blank;
        return false;
    }

    /**
     * The usual text between two elements, a line feed and spaces up to '<', scanned in one go; false (with
     * {@link #pos} after the part scanned, all of it white space) where the text is anything else.
     */
    private boolean indentation() {
        byte[] source = bytes;
        int p = pos;
        int limit = end;
        if (p < limit && source[p] == '\n') {
            p++;
            line++;
            lineStart = base + p;
            extraAtLineStart = extra;
        }
        while (p + 8 <= limit && (long) LONGS.get(source, p) == SPACES) {
            p += 8;
        }
        while (p < limit && source[p] == ' ') {
            p++;
        }
        pos = p;
        return p < limit && source[p] == '<';
    }

    /** Makes the text of the event characters in {@link #text}, where it is still a range of bytes. */
    private void inflate() {
        if (lazy) {
            while (textLength > text.length) {
                text = Arrays.copyOf(text, text.length * 2);
            }
            for (int i = 0; i < textLength; i++) {
                text[i] = (char) bytes[textStart + i];
            }
            lazy = false;
        }
    }

    /** Counts the text of the current run against the limits, while it is being read. */
    private void countText() {
        if (textRun + textLength > maxTextLength) {
            throw new InvalidInputException(XmlError.TEXT_TOO_LONG, systemId, Integer.toString(eventLine),
                    Integer.toString(eventColumn), maxTextLength);
        }
        if (totalCharacters + textLength > maxTotalCharacters) {
            throw new InvalidInputException(XmlError.TOO_MANY_CHARACTERS, systemId, Integer.toString(eventLine),
                    Integer.toString(eventColumn), maxTotalCharacters);
        }
    }

    /** Ends a text event: its characters count for the run and the document. */
    private void endText() {
        countText();
        textRun += textLength;
        totalCharacters += textLength;
    }

    /** The character of the entity or character reference at '&', consumed. */
    private int reference() {
        int atLine = line;
        int atColumn = column();
        pos++;
        int b = peek();
        if (b == '#') {
            pos++;
            return characterReference(atLine, atColumn);
        }
        if (b < 0 || b >= 0x80 || !NAME_START[b] || b == ':') {
            throw malformedAt(atLine, atColumn, "Unexpected character after '&'; expected an entity name or '#'.");
        }
        StringBuilder name = new StringBuilder();
        while ((b = peek()) >= 0 && b != ';' && name.length() < 32) {
            name.append((char) b);
            pos++;
        }
        if (b != ';') {
            throw malformedAt(atLine, atColumn, "Unterminated entity reference; expected ';'.");
        }
        pos++;
        return switch (name.toString()) {
            case "lt" -> '<';
            case "gt" -> '>';
            case "amp" -> '&';
            case "quot" -> '"';
            case "apos" -> '\'';
            default -> throw malformedAt(atLine, atColumn, "Undeclared general entity '" + name
                    + "'; only the predefined entities exist without a DTD.");
        };
    }

    private int characterReference(int atLine, int atColumn) {
        boolean hex = peek() == 'x';
        if (hex) {
            pos++;
        }
        long code = 0;
        int digits = 0;
        int b;
        while ((b = peek()) >= 0 && b != ';') {
            int digit = Character.digit(b, hex ? 16 : 10);
            if (digit < 0 || b >= 0x80) {
                throw malformedAt(atLine, atColumn, "Invalid character reference: unexpected character '"
                        + (char) b + "'.");
            }
            code = Math.min(code * (hex ? 16 : 10) + digit, 0x110000);
            digits++;
            pos++;
        }
        if (b != ';' || digits == 0) {
            throw malformedAt(atLine, atColumn, "Invalid character reference; expected digits and ';'.");
        }
        pos++;
        int c = (int) code;
        if (!isXmlChar(c)) {
            throw malformedAt(atLine, atColumn, "Invalid character reference: code 0x" + Integer.toHexString(c)
                    + " is not an XML character.");
        }
        return c;
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    private void cdata() {
        textLength = 0;
        while (true) {
            int b = peek();
            if (b < 0) {
                throw malformed("Unexpected end of input in a CDATA section.");
            }
            if (b == ']' && ensure(3) && bytes[pos + 1] == ']' && bytes[pos + 2] == '>') {
                pos += 3;
                endText();
                return;
            }
            appendText(b < 0x80 && b >= 0x20 ? bytes[pos++] : character(b));
        }
    }

    /** A comment up to its end; its content is checked but not kept (the importer has no use for it). */
    private void comment() {
        textLength = 0;
        while (true) {
            int b = peek();
            if (b < 0) {
                throw malformed("Unexpected end of input in a comment.");
            }
            if (b == '-' && ensure(2) && bytes[pos + 1] == '-') {
                if (!ensure(3) || bytes[pos + 2] != '>') {
                    throw malformed("The string '--' is not allowed in a comment.");
                }
                pos += 3;
                return;
            }
            skipCharacter(b);
        }
    }

    private void skipCharacter(int b) {
        if (b < 0x80 && b >= 0x20) {
            pos++;
        } else {
            character(b);
        }
    }

    /** A processing instruction up to its end; its data is checked but not kept. */
    private void processingInstruction() {
        int b = peek();
        if (b < 0 || b >= 0x80 ? b < 0 : !NAME_START[b]) {
            throw malformed("Expected the target of a processing instruction.");
        }
        Name target = qname();
        piTarget = target.prefix.isEmpty() ? target.local : target.prefix + ":" + target.local;
        if (piTarget.equalsIgnoreCase("xml")) {
            throw malformedAt(eventLine, eventColumn,
                    "A processing instruction target matching 'xml' is reserved (an XML declaration not at the start).");
        }
        if (piTarget.indexOf(':') >= 0) {
            throw malformedAt(eventLine, eventColumn, "A colon is not allowed in a processing instruction target.");
        }
        textLength = 0;
        b = peek();
        if (b == '?' && ensure(2) && bytes[pos + 1] == '>') {
            pos += 2;
            return;
        }
        if (!isSpace(b)) {
            throw malformed("Expected white space after the target of a processing instruction.");
        }
        skipSpace();
        while (true) {
            b = peek();
            if (b < 0) {
                throw malformed("Unexpected end of input in a processing instruction.");
            }
            if (b == '?' && ensure(2) && bytes[pos + 1] == '>') {
                pos += 2;
                return;
            }
            skipCharacter(b);
        }
    }

    // ---- names -----------------------------------------------------------------------------------------------------

    /**
     * A qualified name as it stands in the document: its bytes, prefix and local part; once per distinct name. It
     * remembers which element started after its start and after its end tag last time: the next start tag is compared
     * with that guess first (FIM files repeat the same sequences of elements thousands of times).
     */
    private static final class Name {
        final byte[] bytes;
        final int hash;
        final String prefix;
        final String local;
        Name afterStart;
        Name afterEnd;

        Name(byte[] bytes, int hash, String prefix, String local) {
            this.bytes = bytes;
            this.hash = hash;
            this.prefix = prefix;
            this.local = local;
        }
    }

    /** Whether the name at {@link #pos} is {@code guess} (and not longer); consumed if so. */
    private boolean isNext(Name guess) {
        if (guess == null) {
            return false;
        }
        byte[] expected = guess.bytes;
        int length = expected.length;
        if (end - pos <= length && !ensure(length + 1)) {
            return false;
        }
        byte after = bytes[pos + length];
        if (after < 0 || NAME_CHAR[after] || !Arrays.equals(bytes, pos, pos + length, expected, 0, length)) {
            return false;
        }
        pos += length;
        return true;
    }

    /**
     * Scans a (qualified) name at {@code pos}, whose first byte the caller has checked to be no ASCII character that
     * cannot start a name, and returns its symbol. Names are checked (characters, colons, length) when first seen.
     */
    private Name qname() {
        int start = pos;
        int hash = 0;
        boolean ascii = true;
        int bound = 2 * maxNameLength + 2;
        // the usual case: an ASCII name wholly in the buffer, scanned with locals only
        byte[] source = bytes;
        int limit = Math.min(end, start + bound);
        int p = start;
        while (p < limit) {
            byte b = source[p];
            if (b < 0 || !NAME_CHAR[b]) {
                break;
            }
            hash = 31 * hash + b;
            p++;
        }
        pos = p;
        if (p < limit && source[p] >= 0) {
            return symbol(start, hash, true);
        }
        while (true) {
            if (pos == end) {
                boolean more = fill(start);
                start -= shift;
                if (!more) {
                    break;
                }
                continue;
            }
            int b = bytes[pos];
            if (b >= 0) {
                if (!NAME_CHAR[b]) {
                    break;
                }
                pos++;
                hash = 31 * hash + b;
            } else {
                // the whole character in the buffer, the name's start kept
                while (end - pos < 4 && !eof) {
                    fill(start);
                    start -= shift;
                }
                boolean first = pos == start;
                int c = character(b & 0xFF);
                if (!isNameChar(c) || first && !isNameStart(c)) {
                    throw malformed("Illegal character in a name (code 0x" + Integer.toHexString(c) + ").");
                }
                ascii = false;
                hash = 31 * hash + c;
                bound = 8 * maxNameLength + 8;
            }
            if (pos - start > bound) {
                break;
            }
        }
        return symbol(start, hash, ascii);
    }

    /** The symbol of the name in bytes[start..pos) with the given hash, made (and checked) when first seen. */
    private Name symbol(int start, int hash, boolean ascii) {
        int length = pos - start;
        if (length == 0) {
            throw malformed("Expected a name.");
        }
        Name[] table = names;
        int mask = table.length - 1;
        int slot = (hash ^ (hash >>> 16)) & mask;
        Name name;
        while ((name = table[slot]) != null) {
            if (name.hash == hash && name.bytes.length == length
                    && Arrays.equals(name.bytes, 0, length, bytes, start, start + length)) {
                return name;
            }
            slot = (slot + 1) & mask;
        }
        name = newName(start, length, hash, ascii);
        if (nameCount < SYMBOLS) {
            table[slot] = name;
            nameCount++;
        }
        return name;
    }

    /** Checks a name seen for the first time and makes its symbol; the strings are interned (see the class). */
    private Name newName(int start, int length, int hash, boolean ascii) {
        String text = new String(bytes, start, length, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        int first = text.charAt(0);
        if (first < 0x80 && !NAME_START[first]) {
            throw malformed("Illegal first character of a name '" + (char) first + "'.");
        }
        int colon = text.indexOf(':');
        if (colon == 0 || colon == text.length() - 1 || colon > 0 && text.indexOf(':', colon + 1) >= 0) {
            throw malformed("Illegal name '" + shorten(text) + "': a prefix and a local name are separated by one "
                    + "colon.");
        }
        String prefix = colon < 0 ? "" : text.substring(0, colon).intern();
        String local = (colon < 0 ? text : text.substring(colon + 1)).intern();
        int localFirst = local.charAt(0);
        if (localFirst < 0x80 ? !NAME_START[localFirst] : !isNameStart(localFirst)) {
            throw malformed("Illegal first character of a local name '" + (char) localFirst + "'.");
        }
        if (prefix.length() > maxNameLength || local.length() > maxNameLength) {
            throw new InvalidInputException(XmlError.LIMIT_EXCEEDED, systemId, Integer.toString(line),
                    Integer.toString(column()), "a name is longer than " + maxNameLength + " characters.");
        }
        return new Name(Arrays.copyOfRange(bytes, start, start + length), hash, prefix, local);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static boolean isNameStart(int c) {
        return c < 0x80 ? NAME_START[c] : c >= 0xC0 && c <= 0xD6 || c >= 0xD8 && c <= 0xF6 || c >= 0xF8 && c <= 0x2FF
                || c >= 0x370 && c <= 0x37D || c >= 0x37F && c <= 0x1FFF || c >= 0x200C && c <= 0x200D
                || c >= 0x2070 && c <= 0x218F || c >= 0x2C00 && c <= 0x2FEF || c >= 0x3001 && c <= 0xD7FF
                || c >= 0xF900 && c <= 0xFDCF || c >= 0xFDF0 && c <= 0xFFFD || c >= 0x10000 && c <= 0xEFFFF;
    }

    private static boolean isNameChar(int c) {
        return c < 0x80 ? NAME_CHAR[c] : isNameStart(c) || c == 0xB7 || c >= 0x300 && c <= 0x36F
                || c >= 0x203F && c <= 0x2040;
    }

    // ---- tags ------------------------------------------------------------------------------------------------------

    private void startTag() {
        if (depth == maxDepth) {
            throw limit("Maximum element depth limit (" + maxDepth + ") exceeded.");
        }
        if (depth == locals.length) {
            growElements();
        }
        int b = peek();
        if (b < 0 || b < 0x80 && (!NAME_START[b] || b == ':')) {
            throw malformed(b < 0 ? "Unexpected end of input in a start tag." : "Unexpected character '" + (char) b
                    + "' after '<'; expected an element name.");
        }
        Name guess = previous == null ? null : previousEnded ? previous.afterEnd : previous.afterStart;
        Name name;
        if (isNext(guess)) {
            name = guess;
        } else {
            name = qname();
            if (previous != null) {
                if (previousEnded) {
                    previous.afterEnd = name;
                } else {
                    previous.afterStart = name;
                }
            }
        }
        previous = name;
        previousEnded = false;
        String prefix = name.prefix;
        String local = name.local;
        bindingStarts[depth] = bindings;
        attributeCount = 0;
        textRun = 0;
        boolean spaced;
        while (true) {
            spaced = skipSpaceInTag();
            b = peek();
            if (b == '>') {
                pos++;
                break;
            }
            if (b == '/') {
                pos++;
                if (peek() != '>') {
                    throw malformed("Expected '>' after '/' in a start tag.");
                }
                pos++;
                emptyElement = true;
                break;
            }
            if (b < 0) {
                throw malformed("Unexpected end of input in a start tag.");
            }
            if (!spaced) {
                InvalidInputException error = malformed("Expected white space before an attribute.");
                if (b >= 0x80) {
                    // bad bytes are reported as such
                    character(b);
                }
                throw error;
            }
            attribute();
        }
        prefixes[depth] = prefix;
        locals[depth] = local;
        qnames[depth] = name;
        depth++;
        uris[depth - 1] = resolve(prefix, false);
        resolveAttributes();
    }

    /** Skips white space inside a tag; whether there was any. */
    private boolean skipSpaceInTag() {
        boolean spaced = false;
        while (true) {
            int b = peek();
            if (b == ' ' || b == '\t') {
                pos++;
            } else if (b == '\n' || b == '\r') {
                character(b);
            } else {
                return spaced;
            }
            spaced = true;
        }
    }

    private void attribute() {
        int b = peek();
        if (b >= 0x80 && !isNameStart(peekCharacter(b)) || b < 0x80 && (!NAME_START[b] || b == ':')) {
            throw malformed("Unexpected character '" + (char) b + "' in a start tag; expected an attribute name.");
        }
        int atLine = line;
        int atColumn = column();
        Name name = qname();
        String prefix = name.prefix;
        String local = name.local;
        skipSpaceInTag();
        if (peek() != '=') {
            throw malformed("Expected '=' after the attribute name '" + local + "'.");
        }
        pos++;
        skipSpaceInTag();
        int quote = peek();
        if (quote != '"' && quote != '\'') {
            throw malformed("Expected a quote to start the value of the attribute '" + local + "'.");
        }
        pos++;
        String value = attributeValue(quote);
        if (prefix.isEmpty() && local.equals("xmlns") || prefix.equals("xmlns")) {
            bind(prefix.isEmpty() ? "" : local, value, atLine, atColumn);
            return;
        }
        for (int i = 0; i < attributeCount; i++) {
            if (attributeLocals[i].equals(local) && attributePrefixes[i].equals(prefix)) {
                throw malformedAt(atLine, atColumn, "Duplicate attribute '" + (prefix.isEmpty() ? "" : prefix + ":")
                        + local + "'.");
            }
        }
        if (attributeCount == maxAttributes) {
            throw limit("Attribute limit (" + maxAttributes + ") exceeded.");
        }
        if (attributeCount == attributeLocals.length) {
            int size = attributeCount * 2;
            attributePrefixes = Arrays.copyOf(attributePrefixes, size);
            attributeLocals = Arrays.copyOf(attributeLocals, size);
            attributeUris = Arrays.copyOf(attributeUris, size);
            attributeValues = Arrays.copyOf(attributeValues, size);
        }
        attributePrefixes[attributeCount] = prefix;
        attributeLocals[attributeCount] = local;
        attributeValues[attributeCount] = value;
        attributeCount++;
    }

    /** An attribute value up to the closing quote, normalised (white space to spaces, references replaced). */
    private String attributeValue(int quote) {
        // most values are plain ASCII within the buffer: made a string straight from the bytes
        byte[] source = bytes;
        for (int p = pos; p < end; p++) {
            byte b = source[p];
            if (b == quote) {
                String plain = new String(source, pos, p - pos, StandardCharsets.ISO_8859_1);
                pos = p + 1;
                return plain;
            }
            if (b < 0x20 || b == '<' || b == '&') {
                break;
            }
        }
        int length = 0;
        while (true) {
            int b = peek();
            if (b < 0) {
                throw malformed("Unexpected end of input in an attribute value.");
            }
            if (b == quote) {
                pos++;
                return new String(value, 0, length);
            }
            if (length + 2 > value.length) {
                value = Arrays.copyOf(value, value.length * 2);
            }
            if (b == '<') {
                throw malformed("The character '<' is not allowed in an attribute value.");
            }
            int c;
            if (b == '&') {
                c = reference();
            } else if (b >= 0x20 && b < 0x80) {
                pos++;
                c = b;
            } else {
                c = character(b);
                if (c == '\n' || c == '\t') {
                    c = ' ';
                }
            }
            if (c >= 0x10000) {
                value[length++] = Character.highSurrogate(c);
                value[length++] = Character.lowSurrogate(c);
            } else {
                value[length++] = (char) c;
            }
            if (length > maxTextLength) {
                throw new InvalidInputException(XmlError.TEXT_TOO_LONG, systemId, Integer.toString(eventLine),
                        Integer.toString(eventColumn), maxTextLength);
            }
        }
    }

    private void bind(String prefix, String uri, int atLine, int atColumn) {
        for (int i = bindingStarts[depth]; i < bindings; i++) {
            if (boundPrefixes[i].equals(prefix)) {
                throw malformedAt(atLine, atColumn, "Duplicate namespace declaration for the prefix '" + prefix
                        + "'.");
            }
        }
        if (prefix.equals("xmlns") || uri.equals(XMLNS_NS)) {
            throw malformedAt(atLine, atColumn, "The prefix 'xmlns' and its namespace cannot be declared.");
        }
        if (prefix.equals("xml") != uri.equals(XML_NS)) {
            throw malformedAt(atLine, atColumn, "The prefix 'xml' can only be bound to " + XML_NS + ".");
        }
        if (!prefix.isEmpty() && uri.isEmpty()) {
            throw malformedAt(atLine, atColumn, "The prefix '" + prefix + "' cannot be bound to the empty "
                    + "namespace in XML 1.0.");
        }
        if (bindings == boundPrefixes.length) {
            boundPrefixes = Arrays.copyOf(boundPrefixes, bindings * 2);
            boundUris = Arrays.copyOf(boundUris, bindings * 2);
        }
        boundPrefixes[bindings] = prefix;
        // interned like names: the importer compares namespaces by identity first
        boundUris[bindings] = uri.intern();
        bindings++;
    }

    /** The namespace of a prefix in scope ("" for none); an undeclared prefix is an error. */
    private String resolve(String prefix, boolean attribute) {
        if (prefix.isEmpty() && attribute) {
            return "";
        }
        for (int i = bindings - 1; i >= 0; i--) {
            if (boundPrefixes[i] == prefix || boundPrefixes[i].equals(prefix)) {
                return boundUris[i];
            }
        }
        if (prefix.isEmpty()) {
            return "";
        }
        if (prefix.equals("xml")) {
            return XML_NS;
        }
        throw malformedAt(eventLine, eventColumn, "Undeclared namespace prefix '" + prefix + "'.");
    }

    private void resolveAttributes() {
        for (int i = 0; i < attributeCount; i++) {
            String uri = resolve(attributePrefixes[i], true);
            attributeUris[i] = uri;
            if (!uri.isEmpty()) {
                for (int j = 0; j < i; j++) {
                    if (attributeUris[j].equals(uri) && attributeLocals[j].equals(attributeLocals[i])) {
                        throw malformedAt(eventLine, eventColumn, "Duplicate attribute '{" + uri + "}"
                                + attributeLocals[i] + "'.");
                    }
                }
            }
        }
    }

    private void endTag() {
        int b = peek();
        if (b < 0 || b < 0x80 && (!NAME_START[b] || b == ':')) {
            throw malformed("Expected an element name after '</'.");
        }
        int top = depth - 1;
        previous = qnames[top];
        previousEnded = true;
        byte[] expected = qnames[top].bytes;
        int length = expected.length;
        if (ensure(length + 1) && Arrays.equals(bytes, pos, pos + length, expected, 0, length)
                && bytes[pos + length] >= 0 && !NAME_CHAR[bytes[pos + length]]) {
            // the name of the open element, as expected: compared as bytes, no symbol looked up
            pos += length;
        } else {
            endTagMismatch(top);
        }
        skipSpaceInTag();
        if (read() != '>') {
            throw malformed("Expected '>' to end the end tag </" + qualified(top) + ">.");
        }
        attributeCount = 0;
    }

    private void endTagMismatch(int top) {
        Name name = qname();
        String prefix = name.prefix;
        String local = name.local;
        if (!local.equals(locals[top]) || !prefix.equals(prefixes[top])) {
            throw malformedAt(eventLine, eventColumn, "Unexpected end tag </" + (prefix.isEmpty() ? "" : prefix + ":")
                    + local + ">; expected </" + qualified(top) + ">.");
        }
    }

    private String qualified(int at) {
        return prefixes[at].isEmpty() ? locals[at] : prefixes[at] + ":" + locals[at];
    }

    private void growElements() {
        int size = locals.length * 2;
        prefixes = Arrays.copyOf(prefixes, size);
        locals = Arrays.copyOf(locals, size);
        uris = Arrays.copyOf(uris, size);
        qnames = Arrays.copyOf(qnames, size);
        bindingStarts = Arrays.copyOf(bindingStarts, size + 1);
    }

    // ---- XMLStreamReader -------------------------------------------------------------------------------------------

    @Override
    public Object getProperty(String name) {
        return null;
    }

    @Override
    public void require(int type, String namespaceURI, String localName) throws XMLStreamException {
        if (type != event || namespaceURI != null && !namespaceURI.equals(getNamespaceURI())
                || localName != null && !localName.equals(getLocalName())) {
            throw new XMLStreamException("require(" + type + ", " + namespaceURI + ", " + localName + ") failed",
                    getLocation());
        }
    }

    @Override
    public String getElementText() throws XMLStreamException {
        if (event != START_ELEMENT) {
            throw new XMLStreamException("getElementText() needs a start tag.", getLocation());
        }
        StringBuilder content = new StringBuilder();
        while (true) {
            int type = next();
            switch (type) {
                case CHARACTERS, CDATA, SPACE -> content.append(getTextCharacters(), 0, textLength);
                case END_ELEMENT -> {
                    return content.toString();
                }
                case START_ELEMENT -> throw new XMLStreamException("expected text only, found a start tag.",
                        getLocation());
                default -> {
                    // comments and processing instructions are not part of the text
                }
            }
        }
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int type = next();
        while (type == CHARACTERS && isWhiteSpace() || type == COMMENT || type == PROCESSING_INSTRUCTION
                || type == SPACE) {
            type = next();
        }
        if (type != START_ELEMENT && type != END_ELEMENT) {
            throw new XMLStreamException("expected start or end tag.", getLocation());
        }
        return type;
    }

    @Override
    public boolean hasNext() {
        return event != END_DOCUMENT;
    }

    @Override
    public void close() {
        // the caller closes the stream it gave
    }

    @Override
    public String getNamespaceURI(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix");
        }
        for (int i = bindings - 1; i >= 0; i--) {
            if (boundPrefixes[i].equals(prefix)) {
                return boundUris[i].isEmpty() ? null : boundUris[i];
            }
        }
        return prefix.equals("xml") ? XML_NS : prefix.equals("xmlns") ? XMLNS_NS : null;
    }

    @Override
    public boolean isStartElement() {
        return event == START_ELEMENT;
    }

    @Override
    public boolean isEndElement() {
        return event == END_ELEMENT;
    }

    @Override
    public boolean isCharacters() {
        return event == CHARACTERS;
    }

    @Override
    public boolean isWhiteSpace() {
        if (event == CHARACTERS) {
            return textBlank;
        }
        if (event != CDATA && event != SPACE) {
            return false;
        }
        for (int i = 0; i < textLength; i++) {
            char c = text[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String getAttributeValue(String namespaceURI, String localName) {
        requireStart();
        for (int i = 0; i < attributeCount; i++) {
            if (attributeLocals[i].equals(localName)
                    && (namespaceURI == null || namespaceURI.equals(attributeUris[i]))) {
                return attributeValues[i];
            }
        }
        return null;
    }

    @Override
    public int getAttributeCount() {
        requireStart();
        return attributeCount;
    }

    @Override
    public QName getAttributeName(int index) {
        requireAttribute(index);
        return new QName(attributeUris[index], attributeLocals[index], attributePrefixes[index]);
    }

    @Override
    public String getAttributeNamespace(int index) {
        requireAttribute(index);
        return attributeUris[index].isEmpty() ? null : attributeUris[index];
    }

    @Override
    public String getAttributeLocalName(int index) {
        requireAttribute(index);
        return attributeLocals[index];
    }

    @Override
    public String getAttributePrefix(int index) {
        requireAttribute(index);
        return attributePrefixes[index];
    }

    @Override
    public String getAttributeType(int index) {
        requireAttribute(index);
        return "CDATA";
    }

    @Override
    public String getAttributeValue(int index) {
        requireAttribute(index);
        return attributeValues[index];
    }

    @Override
    public boolean isAttributeSpecified(int index) {
        requireAttribute(index);
        return true;
    }

    private void requireStart() {
        if (event != START_ELEMENT) {
            throw new IllegalStateException("not at a start element");
        }
    }

    private void requireAttribute(int index) {
        requireStart();
        if (index < 0 || index >= attributeCount) {
            throw new IndexOutOfBoundsException(index);
        }
    }

    @Override
    public int getNamespaceCount() {
        requireElement();
        return bindings - bindingStarts[depth - 1];
    }

    @Override
    public String getNamespacePrefix(int index) {
        String prefix = boundPrefixes[bindingStarts[depth - 1] + index];
        return prefix.isEmpty() ? null : prefix;
    }

    @Override
    public String getNamespaceURI(int index) {
        return boundUris[bindingStarts[depth - 1] + index];
    }

    private void requireElement() {
        if (event != START_ELEMENT && event != END_ELEMENT) {
            throw new IllegalStateException("not at an element");
        }
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                String uri = XdfScanner.this.getNamespaceURI(prefix);
                return uri == null ? XMLConstants.NULL_NS_URI : uri;
            }

            @Override
            public String getPrefix(String namespaceURI) {
                for (int i = bindings - 1; i >= 0; i--) {
                    if (boundUris[i].equals(namespaceURI)) {
                        return boundPrefixes[i];
                    }
                }
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceURI) {
                String prefix = getPrefix(namespaceURI);
                return prefix == null ? java.util.Collections.emptyIterator() : java.util.List.of(prefix).iterator();
            }
        };
    }

    @Override
    public int getEventType() {
        return event;
    }

    @Override
    public String getText() {
        if (!hasText()) {
            throw new IllegalStateException("no text at this event");
        }
        return lazy ? new String(bytes, textStart, textLength, StandardCharsets.ISO_8859_1)
                : new String(text, 0, textLength);
    }

    @Override
    public char[] getTextCharacters() {
        if (!hasText()) {
            throw new IllegalStateException("no text at this event");
        }
        inflate();
        return text;
    }

    @Override
    public int getTextCharacters(int sourceStart, char[] target, int targetStart, int length) {
        inflate();
        int count = Math.max(0, Math.min(length, textLength - sourceStart));
        System.arraycopy(text, sourceStart, target, targetStart, count);
        return count;
    }

    @Override
    public int getTextStart() {
        return 0;
    }

    @Override
    public int getTextLength() {
        return textLength;
    }

    @Override
    public String getEncoding() {
        return "UTF-8";
    }

    @Override
    public boolean hasText() {
        return event == CHARACTERS || event == CDATA || event == SPACE || event == COMMENT;
    }

    @Override
    public Location getLocation() {
        return new Position(eventLine, eventColumn);
    }

    @Override
    public QName getName() {
        requireElement();
        return new QName(uris[depth - 1], locals[depth - 1], prefixes[depth - 1]);
    }

    @Override
    public String getLocalName() {
        requireElement();
        return locals[depth - 1];
    }

    @Override
    public boolean hasName() {
        return event == START_ELEMENT || event == END_ELEMENT;
    }

    @Override
    public String getNamespaceURI() {
        requireElement();
        String uri = uris[depth - 1];
        return uri.isEmpty() ? null : uri;
    }

    @Override
    public String getPrefix() {
        requireElement();
        return prefixes[depth - 1];
    }

    @Override
    public String getVersion() {
        return "1.0";
    }

    @Override
    public boolean isStandalone() {
        return false;
    }

    @Override
    public boolean standaloneSet() {
        return false;
    }

    @Override
    public String getCharacterEncodingScheme() {
        return "UTF-8";
    }

    @Override
    public String getPITarget() {
        return event == PROCESSING_INSTRUCTION ? piTarget : null;
    }

    @Override
    public String getPIData() {
        return event == PROCESSING_INSTRUCTION ? new String(text, 0, textLength) : null;
    }

    /** Line and column of an event's start. */
    private record Position(int line, int column) implements Location {
        @Override
        public int getLineNumber() {
            return line;
        }

        @Override
        public int getColumnNumber() {
            return column;
        }

        @Override
        public int getCharacterOffset() {
            return -1;
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public String getSystemId() {
            return null;
        }
    }
}

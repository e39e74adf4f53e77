package de.ozgsdk.portal.findability;

/** Text made safe for XML 1.0: characters XML does not allow (control characters, lone surrogates) become U+FFFD. */
final class XmlText {

    private XmlText() {
    }

    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = surrogatePair || c == '\t' || c == '\n' || c == '\r'
                    || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (surrogatePair) {
                    out.append(c).append(text.charAt(++i));
                } else {
                    out.append(allowed ? c : '\uFFFD');
                }
            } else if (surrogatePair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }
}

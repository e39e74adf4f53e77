package de.ozgsdk.forms.internal.rules;

/** A token of a rule expression with its 1-based column; {@code value} holds the decoded text of a string. */
record Token(Type type, String text, int column, String value) {

    enum Type { ELEMENT, WORD, STRING, NUMBER, LEFT_PAREN, RIGHT_PAREN, COMMA, OPERATOR, END }

    static final String END_DISPLAY = "<Ende/end>";

    boolean is(Type expected) {
        return type == expected;
    }

    boolean isWord(String word) {
        return type == Type.WORD && text.equals(word);
    }

    /** How the token is shown in messages. */
    String display() {
        return type == Type.END ? END_DISPLAY : Echo.quote(text);
    }
}

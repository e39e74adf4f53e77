package de.ozgsdk.forms.rules;

import de.ozgsdk.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Thrown when a rule expression is malformed or does not fit the schema (unknown element, mismatched types): it
 * tells where (the expression or the place in a rule file), the 1-based column inside the expression, the offending
 * token, and in its message how to fix it.
 *
 * <p>Message arguments: {@code {0}} where, {@code {1}} column, {@code {2}} token, further arguments per code.
 */
public class RuleSyntaxException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String where;
    private final int column;
    private final String token;

    /**
     * Creates the exception; {@code details} are the code-specific arguments after where, column and token.
     *
     * @param code the error
     * @param where the expression (quoted) or the place in a rule file, such as {@code rules.json#/rules/0/when}
     * @param column 1-based column inside the expression
     * @param token the offending token as it should be shown (already quoted)
     * @param details further message arguments
     */
    public RuleSyntaxException(RuleError code, String where, int column, String token, Object... details) {
        super(code, arguments(where, column, token, details));
        this.where = where;
        this.column = column;
        this.token = token;
    }

    /** The expression or the place in a rule file where the error is. */
    public String where() {
        return where;
    }

    /** The 1-based column inside the expression. */
    public int column() {
        return column;
    }

    /** The offending token, quoted, or {@code <Ende/end>} when the expression ended too early. */
    public String token() {
        return token;
    }

    /** The same error, placed at another location (used when a rule file names where the expression came from). */
    public RuleSyntaxException at(String newWhere) {
        List<String> all = arguments();
        RuleSyntaxException moved = new RuleSyntaxException((RuleError) code(), newWhere, column, token,
                all.subList(3, all.size()).toArray());
        moved.setStackTrace(getStackTrace());
        return moved;
    }

    private static Object[] arguments(String where, int column, String token, Object[] details) {
        List<Object> all = new ArrayList<>();
        all.add(where);
        all.add(Integer.toString(column));
        all.add(token);
        if (details != null) {
            all.addAll(List.of(details));
        }
        return all.toArray();
    }
}

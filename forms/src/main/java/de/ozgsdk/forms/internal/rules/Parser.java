package de.ozgsdk.forms.internal.rules;

import de.ozgsdk.forms.rules.RuleError;
import de.ozgsdk.forms.rules.RuleSyntaxException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recursive-descent parser of the rule language (grammar in the package documentation of
 * {@code de.ozgsdk.forms.rules}). Input length and nesting depth are bounded, so hostile input can neither exhaust
 * the stack nor take long.
 */
public final class Parser {

    /**
     * Longest expression accepted, in characters of its canonical text ({@link Printer}): counting the normalised
     * form, not the text as written, keeps the promise that every canonical text parses again.
     */
    public static final int MAX_LENGTH = 4000;
    /** Longest text read at all, so that generous spacing is allowed but lexing stays bounded. */
    private static final int MAX_WRITTEN_LENGTH = 4 * MAX_LENGTH;
    /** Deepest nesting of parentheses, {@code not} and function calls. */
    public static final int MAX_DEPTH = 32;

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "true", "false");

    private final String where;
    private final List<Token> tokens;
    private final IdentityHashMap<Node, Integer> columns = new IdentityHashMap<>();
    private int position;
    private int depth;

    private Parser(String where, List<Token> tokens) {
        this.where = where;
        this.tokens = tokens;
    }

    /**
     * Parses a condition.
     *
     * @param text the expression
     * @param where how messages name the place of the expression, e.g. the quoted text or a file pointer
     */
    public static ParsedExpression parse(String text, String where) {
        if (text.length() > MAX_WRITTEN_LENGTH) {
            throw tooLong(text, where, text.length());
        }
        if (text.isBlank()) {
            throw new RuleSyntaxException(RuleError.EXPRESSION_EMPTY, where, 1, Token.END_DISPLAY);
        }
        Parser parser = new Parser(where, Lexer.tokenize(text, where));
        Node.Condition root = parser.condition();
        Token rest = parser.peek();
        if (!rest.is(Token.Type.END)) {
            throw parser.error(rest.is(Token.Type.RIGHT_PAREN) ? RuleError.UNEXPECTED_CHARACTER
                    : RuleError.TRAILING_INPUT, rest);
        }
        int canonicalLength = Printer.print(root).length();
        if (canonicalLength > MAX_LENGTH) {
            throw tooLong(text, where, canonicalLength);
        }
        return new ParsedExpression(root, parser.columns);
    }

    private static RuleSyntaxException tooLong(String text, String where, int length) {
        return new RuleSyntaxException(RuleError.EXPRESSION_TOO_LONG, where, 1, Echo.quote(text),
                Integer.toString(length), Integer.toString(MAX_LENGTH));
    }

    private Node.Condition condition() {
        Token first = peek();
        List<Node.Condition> operands = new ArrayList<>();
        operands.add(conjunction());
        while (peek().isWord("or")) {
            advance();
            operands.add(conjunction());
        }
        return operands.size() == 1 ? operands.get(0) : at(new Node.Or(operands), first);
    }

    private Node.Condition conjunction() {
        Token first = peek();
        List<Node.Condition> operands = new ArrayList<>();
        operands.add(negation());
        while (peek().isWord("and")) {
            advance();
            operands.add(negation());
        }
        return operands.size() == 1 ? operands.get(0) : at(new Node.And(operands), first);
    }

    private Node.Condition negation() {
        Token token = peek();
        if (token.isWord("not")) {
            advance();
            enter(token);
            Node.Condition operand = negation();
            depth--;
            return at(new Node.Not(operand), token);
        }
        return primaryCondition();
    }

    private Node.Condition primaryCondition() {
        Token token = peek();
        if (token.is(Token.Type.LEFT_PAREN)) {
            advance();
            enter(token);
            Node.Condition inner = condition();
            depth--;
            Token closing = peek();
            if (!closing.is(Token.Type.RIGHT_PAREN)) {
                throw error(RuleError.MISSING_CLOSING_PARENTHESIS, closing, Integer.toString(token.column()));
            }
            advance();
            return inner;
        }
        if (token.is(Token.Type.WORD)) {
            Optional<Function> function = Function.byName(token.text());
            if (function.isPresent() && function.get().yields() == Function.Yields.CONDITION) {
                advance();
                return (Node.Condition) call(function.get(), token);
            }
            if ((token.isWord("true") || token.isWord("false")) && !peek(1).is(Token.Type.OPERATOR)) {
                advance();
                return at(new Node.Constant(token.isWord("true")), token);
            }
        }
        return comparison();
    }

    private Node.Condition comparison() {
        Token first = peek();
        Node.Value left = value();
        Token operatorToken = peek();
        if (!operatorToken.is(Token.Type.OPERATOR)) {
            if (left instanceof Node.ElementRef) {
                throw new RuleSyntaxException(RuleError.ELEMENT_AS_CONDITION, where, first.column(), first.text());
            }
            throw error(RuleError.EXPECTED_COMPARISON, operatorToken);
        }
        advance();
        Node.Value right = value();
        if (peek().is(Token.Type.OPERATOR)) {
            throw error(RuleError.CHAINED_COMPARISON, peek());
        }
        Operator operator = Operator.bySymbol(operatorToken.text()).orElseThrow();
        return at(new Node.Comparison(operator, left, right), operatorToken);
    }

    private Node.Value value() {
        Token token = peek();
        switch (token.type()) {
            case ELEMENT:
                advance();
                return at(new Node.ElementRef(token.text()), token);
            case STRING:
                advance();
                return at(new Node.Literal(token.value()), token);
            case NUMBER:
                advance();
                return at(new Node.Literal(new BigDecimal(token.value())), token);
            case WORD:
                return wordValue(token);
            default:
                throw error(RuleError.EXPECTED_OPERAND, token);
        }
    }

    private Node.Value wordValue(Token token) {
        if (token.isWord("true") || token.isWord("false")) {
            advance();
            return at(new Node.Literal(token.isWord("true")), token);
        }
        if (KEYWORDS.contains(token.text())) {
            throw error(RuleError.EXPECTED_OPERAND, token);
        }
        Optional<Function> function = Function.byName(token.text());
        if (function.isEmpty()) {
            throw unknownWord(token);
        }
        if (function.get().yields() == Function.Yields.CONDITION) {
            throw new RuleSyntaxException(RuleError.CONDITION_AS_VALUE, where, token.column(), token.text());
        }
        advance();
        return (Node.Value) call(function.get(), token);
    }

    private RuleSyntaxException unknownWord(Token token) {
        List<String> functionNames = new ArrayList<>();
        for (Function f : Function.values()) {
            functionNames.add(f.functionName());
        }
        if (peek(1).is(Token.Type.LEFT_PAREN)) {
            String suggestion = Suggestions.closest(token.text(), functionNames).orElse("filled");
            return new RuleSyntaxException(RuleError.UNKNOWN_FUNCTION, where, token.column(), Echo.quote(token.text()),
                    suggestion, Function.allNames());
        }
        Set<String> words = new TreeSet<>(KEYWORDS);
        words.addAll(functionNames);
        String suggestion = Suggestions.closest(token.text(), words).orElse("true");
        return new RuleSyntaxException(RuleError.UNKNOWN_WORD, where, token.column(), Echo.quote(token.text()),
                suggestion);
    }

    private Node call(Function function, Token name) {
        Token open = peek();
        if (!open.is(Token.Type.LEFT_PAREN)) {
            throw new RuleSyntaxException(RuleError.MISSING_CALL_PARENTHESIS, where, name.column(),
                    function.functionName());
        }
        advance();
        enter(name);
        List<Node.Value> arguments = new ArrayList<>();
        List<Token> argumentTokens = new ArrayList<>();
        if (peek().is(Token.Type.RIGHT_PAREN)) {
            advance();
        } else {
            readArguments(function, arguments, argumentTokens);
        }
        depth--;
        checkArguments(function, name, arguments, argumentTokens);
        switch (function.yields()) {
            case CONDITION:
                return at(new Node.ConditionCall(function, arguments), name);
            case VALUE:
                return at(new Node.ValueCall(function, arguments), name);
            default:
                return at(temporalLiteral(function, name, (Node.Literal) arguments.get(0), argumentTokens.get(0)),
                        name);
        }
    }

    private void readArguments(Function function, List<Node.Value> arguments, List<Token> argumentTokens) {
        while (true) {
            argumentTokens.add(peek());
            arguments.add(value());
            Token separator = peek();
            advance();
            if (separator.is(Token.Type.RIGHT_PAREN)) {
                return;
            }
            if (!separator.is(Token.Type.COMMA)) {
                throw error(RuleError.EXPECTED_ARGUMENT_SEPARATOR, separator, Integer.toString(arguments.size()),
                        function.functionName());
            }
        }
    }

    private void checkArguments(Function function, Token name, List<Node.Value> arguments, List<Token> tokens) {
        if (arguments.size() < function.minArguments() || arguments.size() > function.maxArguments()) {
            throw new RuleSyntaxException(RuleError.WRONG_ARGUMENT_COUNT, where, name.column(),
                    function.functionName(), function.arity(), Integer.toString(arguments.size()));
        }
        for (int i = 0; i < arguments.size(); i++) {
            Node.Value argument = arguments.get(i);
            Token token = tokens.get(i);
            switch (function.argument(i)) {
                case ELEMENT:
                    if (!(argument instanceof Node.ElementRef)) {
                        throw argumentError(RuleError.ARGUMENT_NOT_ELEMENT, function, i, token);
                    }
                    break;
                case LITERAL:
                    if (!(argument instanceof Node.Literal)) {
                        throw argumentError(RuleError.ARGUMENT_NOT_LITERAL, function, i, token);
                    }
                    break;
                case TEXT_LITERAL:
                    if (!(argument instanceof Node.Literal) || !(((Node.Literal) argument).value() instanceof String)) {
                        throw argumentError(RuleError.ARGUMENT_NOT_LITERAL, function, i, token);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private RuleSyntaxException argumentError(RuleError code, Function function, int index, Token token) {
        return new RuleSyntaxException(code, where, token.column(), function.functionName(),
                Integer.toString(index + 1), token.display());
    }

    private Node.Literal temporalLiteral(Function function, Token name, Node.Literal text, Token textToken) {
        String value = (String) text.value();
        try {
            switch (function) {
                case DATE:
                    return new Node.Literal(LocalDate.parse(value));
                case TIME:
                    return new Node.Literal(LocalTime.parse(value));
                default:
                    return new Node.Literal(LocalDateTime.parse(value));
            }
        } catch (DateTimeParseException e) {
            String example = function == Function.DATE ? "date(\"2024-01-31\")"
                    : function == Function.TIME ? "time(\"14:30\")" : "dateTime(\"2024-01-31T14:30\")";
            throw new RuleSyntaxException(RuleError.INVALID_TEMPORAL_LITERAL, where, textToken.column(),
                    function.functionName(), Echo.quote(value), example);
        }
    }

    private void enter(Token token) {
        depth++;
        if (depth > MAX_DEPTH) {
            throw new RuleSyntaxException(RuleError.EXPRESSION_TOO_DEEP, where, token.column(), token.display(),
                    Integer.toString(MAX_DEPTH));
        }
    }

    private <T extends Node> T at(T node, Token token) {
        columns.put(node, token.column());
        return node;
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private void advance() {
        if (position < tokens.size() - 1) {
            position++;
        }
    }

    private RuleSyntaxException error(RuleError code, Token token, Object... details) {
        return new RuleSyntaxException(code, where, token.column(), token.display(), details);
    }
}

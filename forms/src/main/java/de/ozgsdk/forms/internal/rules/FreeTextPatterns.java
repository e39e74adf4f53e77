package de.ozgsdk.forms.internal.rules;

import de.ozgsdk.forms.rules.FreeTextPattern;
import de.ozgsdk.forms.rules.RuleError;
import de.ozgsdk.forms.rules.RuleKind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the common German phrases of FIM rule free texts and derives an expression from them, only where the
 * reading is unambiguous: the whole text must be one known phrase, the element ids must be written out, and a
 * compared value must start with its code ({@code "02 Ersatzausweis"}).
 *
 * <p>Works on a skeleton of the text in which quoted passages and element ids are replaced by placeholders, so that
 * the phrase patterns need not deal with labels, quote styles and id formats.
 */
public final class FreeTextPatterns {

    /** Longest free text analysed, in characters; longer texts are prose, not a rule phrase. */
    public static final int MAX_TEXT = 2000;

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern QUOTED = Pattern.compile(
            "„([^“”\"„]*)[“”\"]|“([^“”\"„]*)[“”\"]|\"([^\"]*)\"|»([^«»]*)«|«([^«»]*)»|‚([^‚‘’]*)[‘’]");
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern ELEMENT_ID = Pattern.compile(
            "(?<![A-Za-z0-9-])([FG](?:\\d{11}|\\d{8}|00-" + UUID + "))(?:V\\d+(?:\\.\\d+){1,2})?(?![A-Za-z0-9])");
    private static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "([EQ])(\\d+)" + CLOSE);
    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*(\\d{1,6})(?:[\\s.:)\\-–]|$).*", Pattern.DOTALL);
    private static final Pattern TRIVIAL_SCRIPT =
            Pattern.compile("\\s*(?:function\\s*[A-Za-z_$][\\w$]*\\s*\\(\\s*\\)\\s*\\{\\s*}\\s*;?)?\\s*");

    private static final String E = OPEN + "E\\d+" + CLOSE;
    private static final String Q = OPEN + "Q\\d+" + CLOSE;
    private static final String LABEL = "(?:\\s+(?:" + Q + "|\\([^()]*\\)))?";
    private static final String REF = "(?:(?:das|die|der|dem|den)\\s+)?"
            + "(?:(?:daten)?(?:feldgruppe|feld|gruppe)\\s+)?" + E + LABEL;
    private static final String REFS = REF + "(?:\\s*(?:,|und)\\s*" + REF + ")*";
    private static final String IF = "(?:wenn|falls|sofern)";
    private static final String THEN = "(?:dann\\s+|so\\s+)?";
    private static final String FILL_WORD = "(?:befüllt|ausgefüllt|angegeben|eingetragen)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Pattern> REQUIRED = patterns(
            IF + "\\s+(?<cond>.+?),?\\s+" + THEN + "(?:wird|werden|ist|sind)\\s+(?<targets>" + REFS + ")\\s+"
                    + "(?:zur|zu einer|eine|ein|zum)\\s+(?:pflichtangabe|pflichtfeld)",
            IF + "\\s+(?<cond>.+?),?\\s+" + THEN + "(?:ist|sind|muss|müssen)\\s+(?<targets>" + REFS + ")\\s+"
                    + "(?:verpflichtend\\s+|zwingend\\s+)?(?:anzugeben|auszufüllen|zu befüllen|" + FILL_WORD
                    + "\\s+werden|eine pflichtangabe|ein pflichtfeld|pflicht|verpflichtend)",
            "(?<targets>" + REFS + ")\\s+(?:ist|wird|sind|werden)\\s+(?:ein\\s+|eine\\s+|zur\\s+|zu einer\\s+)?"
                    + "(?:pflichtfeld|pflichtangabe|verpflichtend anzugeben|zwingend anzugeben|auszufüllen|"
                    + "zu befüllen|anzugeben),?\\s+" + IF + "\\s+(?<cond>.+)",
            "(?<targets>" + REFS + ")\\s+(?:muss|müssen)\\s+" + FILL_WORD + "\\s+werden,?\\s+" + IF
                    + "\\s+(?<cond>.+)");

    private static final List<Pattern> VISIBLE = patterns(
            "(?<targets>" + REFS + ")\\s+(?:ist|wird|sind|werden)\\s+nur\\s+(?:dann\\s+)?(?:zu befüllen|auszufüllen|"
                    + "anzugeben|anzuzeigen|einzublenden|sichtbar|befüllbar|angezeigt|eingeblendet),?\\s+"
                    + "(?:dann\\s+)?" + IF + "\\s+(?<cond>.+)",
            "(?<targets>" + REFS + ")\\s+(?:darf|dürfen)\\s+nur\\s+(?:dann\\s+)?" + FILL_WORD + "\\s+werden,?\\s+"
                    + "(?:dann\\s+)?" + IF + "\\s+(?<cond>.+)",
            "nur\\s+(?:dann,?\\s+)?" + IF + "\\s+(?<cond>.+?),?\\s+" + THEN + "(?:ist|wird|sind|werden)\\s+"
                    + "(?<targets>" + REFS + ")\\s+(?:zu befüllen|auszufüllen|anzugeben|anzuzeigen|einzublenden|"
                    + "angezeigt|eingeblendet|sichtbar)",
            IF + "\\s+(?<cond>.+?),?\\s+" + THEN + "(?:wird|werden)\\s+(?<targets>" + REFS + ")\\s+"
                    + "(?:angezeigt|eingeblendet|sichtbar)");

    private static final String LIST_MEMBER = REF;
    private static final List<Pattern> EXACTLY_ONE = patterns(
            "(?:es\\s+)?(?:muss|ist)\\s+entweder\\s+(?<list>" + LIST_MEMBER + "(?:\\s*,\\s*" + LIST_MEMBER
                    + ")*\\s+oder\\s+" + LIST_MEMBER + ")\\s+(?:" + FILL_WORD + "\\s+werden|anzugeben|auszufüllen|"
                    + "zu befüllen)",
            "entweder\\s+(?<list>" + LIST_MEMBER + "(?:\\s*,\\s*" + LIST_MEMBER + ")*\\s+oder\\s+" + LIST_MEMBER
                    + ")\\s+(?:muss|ist)\\s+(?:" + FILL_WORD
                    + "\\s+(?:werden|sein)|anzugeben|auszufüllen|zu befüllen)",
            "(?:es\\s+)?(?:muss|darf)\\s+(?:nur\\s+)?genau\\s+(?:eines|eine|einer|ein)\\s+der\\s+"
                    + "(?:felder|datenfelder|feldgruppen|datenfeldgruppen|gruppen|angaben)\\s*:?\\s+(?<list>"
                    + LIST_MEMBER + "(?:\\s*(?:,|und|oder)\\s*" + LIST_MEMBER + ")+)\\s+" + FILL_WORD
                    + "\\s+(?:werden|sein)",
            "genau\\s+(?:eines|eine|einer|ein)\\s+der\\s+(?:felder|datenfelder|feldgruppen|datenfeldgruppen|gruppen|"
                    + "angaben)\\s*:?\\s+(?<list>" + LIST_MEMBER + "(?:\\s*(?:,|und|oder)\\s*" + LIST_MEMBER
                    + ")+)\\s+(?:muss|ist)\\s+" + FILL_WORD + "\\s+(?:werden|sein)");

    private static final List<Pattern> AT_LEAST_ONE = patterns(
            "(?:es\\s+)?(?:muss\\s+)?mindestens\\s+(?:eines|eine|einer|ein)\\s+der\\s+(?:folgenden\\s+)?"
                    + "(?:felder|datenfelder|feldgruppen|datenfeldgruppen|gruppen|angaben)\\s*:?\\s+(?<list>"
                    + LIST_MEMBER + "(?:\\s*(?:,|und|oder)\\s*" + LIST_MEMBER + ")+)\\s+(?:muss\\s+)?" + FILL_WORD
                    + "\\s+(?:sein|werden)",
            "es\\s+muss\\s+mindestens\\s+(?<list>" + LIST_MEMBER + "(?:\\s*,\\s*" + LIST_MEMBER + ")*\\s+oder\\s+"
                    + LIST_MEMBER + ")\\s+" + FILL_WORD + "\\s+werden",
            "(?<list>" + LIST_MEMBER + "(?:\\s*,\\s*" + LIST_MEMBER + ")*\\s+und/oder\\s+" + LIST_MEMBER
                    + ")\\s+(?:muss|müssen)\\s+" + FILL_WORD + "\\s+(?:sein|werden)");

    private static final String DATE_PREFIX = "(?:(?:das\\s+)?datum\\s+(?:in\\s+|im\\s+|aus\\s+|von\\s+)?)?";
    private static final Pattern DATE_ORDER = Pattern.compile(DATE_PREFIX + "(?<a>" + REF + ")\\s+"
            + "(?<modal>muss|darf nicht)\\s+(?<relation>nach|vor|später als|früher als|am oder nach|am oder vor|"
            + "gleich oder nach|gleich oder vor)\\s+(?:dem\\s+(?:datum\\s+(?:in\\s+|im\\s+|aus\\s+|von\\s+)?)?|"
            + "(?:das\\s+)?datum\\s+(?:in\\s+|im\\s+|aus\\s+|von\\s+)?)?(?<b>" + REF + ")\\s+(?:liegen|sein)", FLAGS);
    private static final Pattern DATE_TODAY = Pattern.compile(DATE_PREFIX + "(?<a>" + REF + ")\\s+"
            + "(?<modal>muss|darf nicht)\\s+(?:(?<when>in der zukunft|in der vergangenheit)|"
            + "(?<relation>nach|vor)\\s+dem\\s+heutigen\\s+(?:datum|tag))\\s+liegen", FLAGS);

    private static final List<Pattern> CONDITION_VALUE = patterns(
            "(?:bei|in|im)\\s+" + REF + "\\s+(?:der wert\\s+|die auswahl\\s+|die option\\s+|einer der werte\\s+)?"
                    + "(?<values>" + Q + "(?:\\s*(?:,|oder)\\s*" + Q + ")*)\\s+(?:angegeben|ausgewählt|gewählt|"
                    + "angekreuzt|eingetragen|eingegeben|gesetzt)\\s+(?:wird|wurde|ist)",
            REF + "\\s+(?<values>" + Q + "(?:\\s*(?:,|oder)\\s*" + Q + ")*)\\s+(?:angegeben|ausgewählt|gewählt|"
                    + "angekreuzt)\\s+(?:wird|wurde|ist)",
            REF + "\\s+(?:mit|den wert)\\s+(?<values>" + Q + "(?:\\s*(?:,|oder)\\s*" + Q + ")*)\\s+"
                    + "(?:beantwortet\\s+|angegeben\\s+|ausgewählt\\s+|belegt\\s+)?(?:wird|wurde|ist|hat)");
    private static final List<Pattern> CONDITION_YES = patterns(
            REF + "\\s+(?:bejaht|angekreuzt|mit ja beantwortet)\\s+(?:wird|wurde|ist)");
    private static final List<Pattern> CONDITION_NO = patterns(
            REF + "\\s+(?:verneint|nicht angekreuzt|mit nein beantwortet)\\s+(?:wird|wurde|ist)");
    private static final List<Pattern> CONDITION_FILLED = patterns(
            REF + "\\s+" + FILL_WORD + "\\s+(?:wird|wurde|ist)");
    private static final List<Pattern> CONDITION_EMPTY = patterns(
            REF + "\\s+(?:nicht\\s+" + FILL_WORD + "|leer)\\s+(?:wird|wurde|ist|bleibt)");

    private final List<String> ids = new ArrayList<>();
    private final List<String> quotes = new ArrayList<>();
    private final String skeleton;

    private FreeTextPatterns(String text) {
        this.skeleton = skeleton(text);
    }

    /** What the recogniser found: an expression with its kind, or why there is none. */
    public sealed interface Result permits Found, NotFound {
    }

    /**
     * A recognised phrase.
     *
     * @param english an English message for a constraint, or empty for other kinds
     */
    public record Found(FreeTextPattern pattern, RuleKind kind, List<String> targets, String expression,
            Optional<String> english) implements Result {
    }

    /** The reason why nothing was recognised; {@code details} are the message arguments after the rule id. */
    public record NotFound(RuleError reason, List<String> details) implements Result {
    }

    /** Whether a FIM script is empty or the empty function the FIM editors generate. */
    public static boolean isTrivialScript(String script) {
        return script.length() < 200 && TRIVIAL_SCRIPT.matcher(script).matches();
    }

    /** Analyses a free text (which must be at most {@link #MAX_TEXT} characters and not blank). */
    public static Result recognise(String freeText) {
        String normalised = Normalizer.normalize(freeText, Normalizer.Form.NFC).replaceAll("\\s+", " ").trim();
        while (normalised.endsWith(".") || normalised.endsWith("!")) {
            normalised = normalised.substring(0, normalised.length() - 1).trim();
        }
        return new FreeTextPatterns(normalised).run();
    }

    private Result run() {
        if (ids.isEmpty()) {
            return new NotFound(RuleError.TEXT_NO_ELEMENT_ID, List.of());
        }
        List<Result> results = new ArrayList<>();
        consequence(REQUIRED, RuleKind.REQUIRED, FreeTextPattern.CONDITIONAL_REQUIRED).ifPresent(results::add);
        consequence(VISIBLE, RuleKind.VISIBLE, FreeTextPattern.CONDITIONAL_VISIBLE).ifPresent(results::add);
        list(EXACTLY_ONE, "exactlyOne", FreeTextPattern.EXACTLY_ONE, "Fill in exactly one of: %s.")
                .ifPresent(results::add);
        list(AT_LEAST_ONE, "atLeastOne", FreeTextPattern.AT_LEAST_ONE, "Fill in at least one of: %s.")
                .ifPresent(results::add);
        dateOrder().ifPresent(results::add);
        dateToday().ifPresent(results::add);
        return decide(results);
    }

    private Result decide(List<Result> results) {
        Set<String> readings = new LinkedHashSet<>();
        for (Result result : results) {
            if (result instanceof Found found) {
                readings.add(found.kind() + " " + found.targets() + ": " + found.expression());
            }
        }
        if (readings.size() > 1) {
            return new NotFound(RuleError.TEXT_AMBIGUOUS, List.of(String.join(" | ", readings)));
        }
        for (Result result : results) {
            if (result instanceof NotFound) {
                return result;
            }
        }
        return results.isEmpty() ? new NotFound(RuleError.TEXT_NO_PATTERN, List.of()) : results.get(0);
    }

    private Optional<Result> consequence(List<Pattern> patterns, RuleKind kind, FreeTextPattern pattern) {
        for (Pattern candidate : patterns) {
            Matcher matcher = candidate.matcher(skeleton);
            if (matcher.matches()) {
                List<String> targets = elements(matcher.group("targets"));
                Result condition = condition(matcher.group("cond").trim());
                if (condition instanceof Found found) {
                    return Optional.of(new Found(pattern, kind, targets, found.expression(), Optional.empty()));
                }
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    private Optional<Result> list(List<Pattern> patterns, String function, FreeTextPattern pattern, String english) {
        for (Pattern candidate : patterns) {
            Matcher matcher = candidate.matcher(skeleton);
            if (matcher.matches()) {
                List<String> members = elements(matcher.group("list"));
                if (members.size() < 2 || new LinkedHashSet<>(members).size() != members.size()) {
                    return Optional.of(new NotFound(RuleError.TEXT_NO_PATTERN, List.of()));
                }
                String expression = function + "(" + String.join(", ", members) + ")";
                return Optional.of(new Found(pattern, RuleKind.CONSTRAINT, members, expression,
                        Optional.of(String.format(Locale.ROOT, english, String.join(", ", members)))));
            }
        }
        return Optional.empty();
    }

    private Optional<Result> dateOrder() {
        Matcher matcher = DATE_ORDER.matcher(skeleton);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String a = elements(matcher.group("a")).get(0);
        String b = elements(matcher.group("b")).get(0);
        boolean must = matcher.group("modal").equalsIgnoreCase("muss");
        String relation = matcher.group("relation").toLowerCase(Locale.ROOT);
        boolean after = relation.contains("nach") || relation.startsWith("später");
        boolean inclusive = relation.contains(" oder ");
        String operator;
        String english;
        if (must) {
            operator = after ? (inclusive ? ">=" : ">") : (inclusive ? "<=" : "<");
            english = a + (after ? " must be " + (inclusive ? "on or after " : "after ")
                    : " must be " + (inclusive ? "on or before " : "before ")) + b + ".";
        } else {
            operator = after ? (inclusive ? "<" : "<=") : (inclusive ? ">" : ">=");
            english = a + (after ? " must not be " + (inclusive ? "on or after " : "after ")
                    : " must not be " + (inclusive ? "on or before " : "before ")) + b + ".";
        }
        String expression = "empty(" + a + ") or empty(" + b + ") or " + a + " " + operator + " " + b;
        return Optional.of(new Found(FreeTextPattern.DATE_ORDER, RuleKind.CONSTRAINT, List.of(a), expression,
                Optional.of(english)));
    }

    private Optional<Result> dateToday() {
        Matcher matcher = DATE_TODAY.matcher(skeleton);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String a = elements(matcher.group("a")).get(0);
        boolean must = matcher.group("modal").equalsIgnoreCase("muss");
        boolean future = matcher.group("when") != null
                ? matcher.group("when").toLowerCase(Locale.ROOT).contains("zukunft")
                : matcher.group("relation").equalsIgnoreCase("nach");
        String operator = must ? (future ? ">" : "<") : (future ? "<=" : ">=");
        String english = a + (must ? " must be in the " : " must not be in the ") + (future ? "future." : "past.");
        String expression = "empty(" + a + ") or " + a + " " + operator + " today()";
        return Optional.of(new Found(FreeTextPattern.DATE_RELATIVE_TO_TODAY, RuleKind.CONSTRAINT, List.of(a),
                expression, Optional.of(english)));
    }

    /** The condition after "wenn": one phrase, or phrases joined by "und" or by "oder". */
    private Result condition(String span) {
        Result single = singleCondition(span);
        if (single instanceof Found || !(((NotFound) single).reason() == RuleError.TEXT_NO_PATTERN)) {
            return single;
        }
        for (String joiner : List.of("und", "oder")) {
            String[] parts = span.split("(?i)\\s*,?\\s+" + joiner + "\\s+");
            if (parts.length < 2) {
                continue;
            }
            List<String> expressions = new ArrayList<>();
            for (String part : parts) {
                Result result = singleCondition(part);
                if (result instanceof NotFound) {
                    return result;
                }
                expressions.add(parenthesised(((Found) result).expression()));
            }
            String joined = String.join(joiner.equals("und") ? " and " : " or ", expressions);
            return new Found(FreeTextPattern.CONDITIONAL_REQUIRED, RuleKind.REQUIRED, List.of(), joined,
                    Optional.empty());
        }
        return single;
    }

    private static String parenthesised(String expression) {
        return expression.contains(" or ") || expression.contains(" and ") ? "(" + expression + ")" : expression;
    }

    private Result singleCondition(String span) {
        List<Result> results = new ArrayList<>();
        match(CONDITION_VALUE, span, this::valueCondition).ifPresent(results::add);
        match(CONDITION_YES, span, m -> found(elements(m.group()).get(0) + " == true")).ifPresent(results::add);
        match(CONDITION_NO, span, m -> found(elements(m.group()).get(0) + " == false")).ifPresent(results::add);
        match(CONDITION_FILLED, span, m -> found("filled(" + elements(m.group()).get(0) + ")"))
                .ifPresent(results::add);
        match(CONDITION_EMPTY, span, m -> found("empty(" + elements(m.group()).get(0) + ")"))
                .ifPresent(results::add);
        return decide(results);
    }

    private static Optional<Result> match(List<Pattern> patterns, String span,
            Function<Matcher, Result> derive) {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(span);
            if (matcher.matches()) {
                return Optional.of(derive.apply(matcher));
            }
        }
        return Optional.empty();
    }

    private Result valueCondition(Matcher matcher) {
        String element = elements(matcher.group()).get(0);
        List<String> codes = new ArrayList<>();
        for (int quote : quoteIndexes(matcher.group("values"))) {
            String value = quotes.get(quote).trim();
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.equals("ja") || lower.equals("nein")) {
                codes.add(lower.equals("ja") ? "true" : "false");
                continue;
            }
            Matcher code = LEADING_CODE.matcher(value);
            if (!code.matches()) {
                return new NotFound(RuleError.TEXT_VALUE_WITHOUT_CODE, List.of(Echo.quote(value)));
            }
            codes.add("\"" + code.group(1) + "\"");
        }
        if (codes.size() == 1) {
            return found(element + " == " + codes.get(0));
        }
        return found("in(" + element + ", " + String.join(", ", codes) + ")");
    }

    private static Found found(String expression) {
        return new Found(FreeTextPattern.CONDITIONAL_REQUIRED, RuleKind.REQUIRED, List.of(), expression,
                Optional.empty());
    }

    /** The element ids whose placeholders occur in a span of the skeleton, in order. */
    private List<String> elements(String span) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(span);
        while (matcher.find()) {
            if (matcher.group(1).equals("E")) {
                found.add(ids.get(Integer.parseInt(matcher.group(2))));
            }
        }
        return found;
    }

    private static List<Integer> quoteIndexes(String span) {
        List<Integer> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(span);
        while (matcher.find()) {
            if (matcher.group(1).equals("Q")) {
                found.add(Integer.parseInt(matcher.group(2)));
            }
        }
        return found;
    }

    private String skeleton(String text) {
        String withoutPlaceholderChars = text.replace(OPEN, ' ').replace(CLOSE, ' ');
        StringBuilder quoted = new StringBuilder();
        Matcher quote = QUOTED.matcher(withoutPlaceholderChars);
        while (quote.find()) {
            String content = "";
            for (int g = 1; g <= quote.groupCount(); g++) {
                if (quote.group(g) != null) {
                    content = quote.group(g);
                }
            }
            quotes.add(content);
            quote.appendReplacement(quoted, Matcher.quoteReplacement(OPEN + "Q" + (quotes.size() - 1) + CLOSE));
        }
        quote.appendTail(quoted);
        StringBuilder out = new StringBuilder();
        Matcher id = ELEMENT_ID.matcher(quoted);
        while (id.find()) {
            ids.add(id.group(1));
            id.appendReplacement(out, Matcher.quoteReplacement(OPEN + "E" + (ids.size() - 1) + CLOSE));
        }
        id.appendTail(out);
        return out.toString();
    }

    private static List<Pattern> patterns(String... regexes) {
        List<Pattern> compiled = new ArrayList<>();
        for (String regex : regexes) {
            compiled.add(Pattern.compile(regex, FLAGS));
        }
        return List.copyOf(compiled);
    }
}

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
 * the phrase patterns need not deal with labels, quote styles and id formats; a quoted passage that starts with an
 * element id ({@code "F00004711 Name der Versicherung"}) stands for that element. The skeleton is cleaned of what
 * real exports get wrong without changing the meaning (line breaks and their entities, doubled words, spaces before
 * punctuation) and cut into sentences: a text is executable only when every sentence is a known phrase, so that a
 * rule is never applied half.
 */
public final class FreeTextPatterns {

    /** Longest free text analysed, in characters; longer texts are prose, not a rule phrase. */
    public static final int MAX_TEXT = 2000;

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    /** Every quote style of German texts: „…“ „…” “…” ”…” "…" »…« «…» ‚…‘ ‘…’ ›…‹ ‹…› and '…' between words. */
    private static final Pattern QUOTED = Pattern.compile(
            "„([^“”\"„]*)[“”\"]|“([^“”\"„]*)[”“\"]|”([^“”\"„]*)”|\"([^\"]*)\"|»([^«»]*)«|«([^«»]*)»"
                    + "|‚([^‚‘’]*)[‘’]|‘([^‘’]*)’|›([^‹›]*)‹|‹([^‹›]*)›"
                    + "|(?<![\\p{L}\\d])'([^']{0,200})'(?![\\p{L}\\d])");
    /** Line breaks that survived as character references when an export escaped its text twice. */
    private static final Pattern LINE_BREAK_ENTITY = Pattern.compile("&#(?:13|10|x0*[dDaA]);");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u2028\\u2029]+");
    private static final Pattern DOUBLED_WORD = Pattern.compile(
            "(?<![\\p{L}\\d])(\\p{L}+)(?:\\s+\\1)+(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Doubled words that are not collapsed: "nicht nicht" may be a double negation, so the text stays unread. */
    private static final Set<String> NEGATIONS = Set.of("nicht", "kein", "keine", "keiner", "keinen", "nie");
    private static final Pattern SENTENCE_END = Pattern.compile(";\\s*|(?<=[.!?])\\s+");
    private static final Pattern VALUE_ITEM = Pattern.compile(
            "(?<code>\\d{1,6})(?:\\s+(?:" + OPEN + "Q\\d+" + CLOSE + "|\\([^()]*\\)))?|" + OPEN + "Q(?<quote>\\d+)"
                    + CLOSE);
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern ELEMENT_ID = Pattern.compile(
            "(?<![A-Za-z0-9-])([FG](?:\\d{11}|\\d{8}|00-" + UUID + "))(?:V\\d+(?:\\.\\d+){1,2})?(?![A-Za-z0-9])");
    private static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "([EQ])(\\d+)" + CLOSE);
    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*(\\d{1,6})(?:[\\s.:)\\-–]|$).*", Pattern.DOTALL);
    private static final Pattern TRIVIAL_SCRIPT =
            Pattern.compile("\\s*(?:function\\s*[A-Za-z_$][\\w$]*\\s*\\(\\s*\\)\\s*\\{\\s*}\\s*;?)?\\s*");

    private static final String E = OPEN + "E\\d+" + CLOSE;
    private static final String Q = OPEN + "Q\\d+" + CLOSE;
    private static final String QUOTED_LABEL = "\\s+(?:" + Q + "|\\([^()]*\\))";
    private static final String LABEL = "(?:" + QUOTED_LABEL + ")?";
    private static final String REF = "(?:(?:das|die|der|dem|den|des)\\s+)?"
            + "(?:(?:daten)?(?:feldgruppe|feldes|feld|gruppe)\\s+)?" + E + LABEL;
    /**
     * Words that never belong to an unquoted label, because they carry the meaning of the sentence (verbs, negations,
     * joiners, conditions, fill words, values).
     */
    private static final String KEYWORD = "(?:ist|sind|wird|werden|wurde|wurden|war|muss|müssen|darf|dürfen|soll|"
            + "sollen|kann|können|nicht|kein|keine|keinen|keiner|nie|niemals|und|oder|sowie|bzw|beziehungsweise|nur|"
            + "dann|wenn|falls|sofern|so|zu|zum|zur|leer|befüllt|ausgefüllt|angegeben|eingetragen|bejaht|verneint|"
            + "angekreuzt|ja|nein|wert|werte|mit|gleich|ungleich|entweder|außer|sonst|ansonsten|aber|jedoch|auch)"
            + "(?![\\p{L}\\d])";
    /**
     * An element reference whose label may also be unquoted ({@code F00004711 Name der Versicherung}): up to six words
     * that are no {@link #KEYWORD}. Used only where fixed words follow the label (targets before the verb or the fill
     * word, operands before {@code =}/{@code <>}, bejaht/verneint), never before a value, which an unquoted label could
     * not be told from ({@code wenn F… Andere angegeben wurde}).
     */
    private static final String LOOSE_REF = "(?:(?:das|die|der|dem|den|des)\\s+)?"
            + "(?:(?:daten)?(?:feldgruppe|feldes|feld|gruppe)\\s+)?" + E + "(?:" + QUOTED_LABEL
            + "|(?:\\s+(?!" + KEYWORD + ")\\p{L}[\\p{L}\\d/-]*){1,6})?";
    private static final String REFS = "(?:(?:die\\s+)?(?:datenfelder|felder|datenfeldgruppen|feldgruppen|gruppen)"
            + "\\s+)?"
            + LOOSE_REF + "(?:\\s*(?:,\\s*(?:und|sowie)\\s+|,|und|sowie)\\s*" + LOOSE_REF + ")*";
    /**
     * A compared value: a bare code ({@code 004}), a code with its label ({@code 97 "Andere"}, {@code 97 (Andere)}),
     * or a quote; {@link #VALUE_ITEM} reads it.
     */
    private static final String VALUE = "(?:\\d{1,6}(?:\\s+(?:" + Q + "|\\(" + Q + "\\)|\\([^()" + OPEN + CLOSE + "]*\\)))?|"
            + Q + ")";
    private static final String VALUES = VALUE + "(?:\\s*(?:,|oder)\\s*" + VALUE + ")*";
    private static final String QUOTES = Q + "(?:\\s*(?:,|oder)\\s*" + Q + ")*";
    private static final String IF = "(?:wenn|falls|sofern)";
    private static final String THEN = "(?:dann\\s+|so\\s+)?";
    private static final String FILL_WORD = "(?:befüllt|ausgefüllt|angegeben|eingetragen)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Pattern> REQUIRED = patterns(
            IF + "\\s+(?<cond>.+?),?\\s+" + THEN + "(?:wird|werden|ist|sind)\\s+(?<targets>" + REFS + ")\\s+"
                    + "(?:zur|zu einer|zu einem|zum|zu|eine|ein)\\s+(?:pflichtangaben?|pflichtfeld(?:er|ern)?)",
            IF + "\\s+(?<cond>.+?),?\\s+" + THEN + "(?:soll|sollen|wird|werden)\\s+(?<targets>" + REFS + ")\\s+"
                    + "(?:zur|zu einer|zu einem|zum|zu)\\s+(?:pflichtangaben?|pflichtfeld(?:er|ern)?)\\s+werden",
            IF + "\\s+(?<cond>.+?),?\\s+" + THEN + "(?:muss|müssen)\\s+(?<targets>" + REFS + ")\\s+"
                    + "(?:verpflichtend\\s+|zwingend\\s+)?" + FILL_WORD + "\\s+sein",
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

    /** "… darf nicht befüllt sein": the targets are shown (and kept) only while the condition does not hold. */
    private static final List<Pattern> NOT_FILLABLE = patterns(
            IF + "\\s+(?<cond>.+?),?\\s+" + THEN + "(?:darf|dürfen)\\s+(?<targets>" + REFS + ")\\s+nicht\\s+"
                    + FILL_WORD + "\\s+(?:sein|werden)",
            IF + "\\s+(?<cond>.+?),?\\s+" + THEN + "(?:ist|sind)\\s+(?<targets>" + REFS + ")\\s+nicht\\s+"
                    + "(?:zu befüllen|auszufüllen|anzugeben)",
            IF + "\\s+(?<cond>.+?),?\\s+" + THEN + "(?:muss|müssen)\\s+(?<targets>" + REFS + ")\\s+leer\\s+"
                    + "(?:sein|bleiben)",
            "(?<targets>" + REFS + ")\\s+(?:darf|dürfen)\\s+nicht\\s+" + FILL_WORD + "\\s+(?:sein|werden),?\\s+"
                    + IF + "\\s+(?<cond>.+)",
            "(?<targets>" + REFS + ")\\s+(?:ist|sind)\\s+nicht\\s+(?:zu befüllen|auszufüllen|anzugeben),?\\s+"
                    + IF + "\\s+(?<cond>.+)");

    private static final String LIST_MEMBER = REF;
    private static final List<Pattern> EXACTLY_ONE = patterns(
            "(?:es\\s+)?(?:muss|ist)\\s+entweder\\s+(?<list>" + LIST_MEMBER + "(?:\\s*,\\s*" + LIST_MEMBER
                    + ")*\\s+oder\\s+" + LIST_MEMBER + ")\\s+(?:" + FILL_WORD + "\\s+(?:werden|sein)|anzugeben|"
                    + "auszufüllen|zu befüllen)",
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
            "(?:bei|in|im)\\s+" + REF + "\\s+(?:der wert\\s+|die werte\\s+|die auswahl\\s+|die option\\s+|"
                    + "einer der werte\\s+)?(?<values>" + VALUES + ")\\s+(?:angegeben|ausgewählt|gewählt|"
                    + "angekreuzt|eingetragen|eingegeben|gesetzt)\\s+(?:wird|wurde|wurden|ist|sind)",
            REF + "\\s+(?<values>" + QUOTES + ")\\s+(?:angegeben|ausgewählt|gewählt|"
                    + "angekreuzt)\\s+(?:wird|wurde|ist)",
            REF + "\\s+(?:der wert|die werte)\\s+(?<values>" + VALUES + ")\\s+(?:angegeben|ausgewählt|gewählt|"
                    + "eingetragen|eingegeben)\\s+(?:wird|wurde|wurden|ist|sind)",
            REF + "\\s+(?:mit|den wert)\\s+(?<values>" + VALUES + ")\\s+"
                    + "(?:beantwortet\\s+|angegeben\\s+|ausgewählt\\s+|belegt\\s+)?(?:wird|wurde|ist|hat)");
    /** {@code F… "Label" = 97 "Andere"}, {@code F… <> "02 Ausland"}: a comparison written with a symbol. */
    private static final List<Pattern> CONDITION_COMPARE = patterns(
            "(?:(?:bei|im|in)\\s+)?" + LOOSE_REF + "\\s*(?<op>==|=|<>|!=|≠)\\s*(?<values>" + VALUES + ")");
    private static final List<Pattern> CONDITION_YES = patterns(
            LOOSE_REF + "\\s+(?:bejaht|angekreuzt|mit ja beantwortet)\\s+(?:wird|wurde|ist)");
    private static final List<Pattern> CONDITION_NO = patterns(
            LOOSE_REF + "\\s+(?:verneint|nicht angekreuzt|mit nein beantwortet)\\s+(?:wird|wurde|ist)");
    private static final List<Pattern> CONDITION_FILLED = patterns(
            REF + "\\s+" + FILL_WORD + "\\s+(?:wird|wurde|ist)");
    private static final List<Pattern> CONDITION_EMPTY = patterns(
            REF + "\\s+(?:nicht\\s+" + FILL_WORD + "|leer)\\s+(?:wird|wurde|ist|bleibt)");

    private final List<String> ids = new ArrayList<>();
    private final List<String> quotes = new ArrayList<>();
    private final String skeleton;

    private FreeTextPatterns(String text) {
        this.skeleton = cleaned(skeleton(text));
    }

    /** What the recogniser found: the readings of all sentences, or why there are none. */
    public sealed interface Result permits Found, NotFound {
    }

    /** What one phrase or condition yields: a reading, or why there is none. */
    private sealed interface Step permits Reading, NotFound {
    }

    /** Every sentence of the text was recognised; one reading per sentence (repeated readings once), in order. */
    public record Found(List<Reading> readings) implements Result {
        public Found {
            readings = List.copyOf(readings);
            if (readings.isEmpty()) {
                throw new IllegalArgumentException("a recognised text has at least one reading");
            }
        }
    }

    /**
     * The rule one sentence describes.
     *
     * @param english an English message for a constraint, or empty for other kinds
     */
    public record Reading(FreeTextPattern pattern, RuleKind kind, List<String> targets, String expression,
            Optional<String> english) implements Step {
        public Reading {
            targets = List.copyOf(targets);
        }
    }

    /** The reason why nothing was recognised; {@code details} are the message arguments after the rule id. */
    public record NotFound(RuleError reason, List<String> details) implements Result, Step {
        public NotFound {
            details = List.copyOf(details);
        }
    }

    /** Whether a FIM script is empty or the empty function the FIM editors generate. */
    public static boolean isTrivialScript(String script) {
        return script.length() < 200 && TRIVIAL_SCRIPT.matcher(script).matches();
    }

    /** Analyses a free text (which must be at most {@link #MAX_TEXT} characters and not blank). */
    public static Result recognise(String freeText) {
        String text = LINE_BREAK_ENTITY.matcher(Normalizer.normalize(freeText, Normalizer.Form.NFC)).replaceAll(" ");
        return new FreeTextPatterns(SPACES.matcher(text).replaceAll(" ").trim()).run();
    }

    /**
     * Every sentence must be one known phrase. A text of which only some sentences are understood is not executable
     * at all: applying the understood part alone could require or hide what the rest of the text qualifies.
     */
    private Result run() {
        if (ids.isEmpty()) {
            return new NotFound(RuleError.TEXT_NO_ELEMENT_ID, List.of());
        }
        List<String> sentences = sentences();
        List<Reading> readings = new ArrayList<>();
        NotFound firstMiss = null;
        int missAt = 0;
        for (int i = 0; i < sentences.size(); i++) {
            Step step = sentence(sentences.get(i));
            if (step instanceof Reading reading) {
                if (!readings.contains(reading)) {
                    readings.add(reading);
                }
            } else if (firstMiss == null) {
                firstMiss = (NotFound) step;
                missAt = i + 1;
            }
        }
        if (firstMiss == null) {
            return new Found(readings);
        }
        if (readings.isEmpty() || firstMiss.reason() == RuleError.TEXT_AMBIGUOUS
                || firstMiss.reason() == RuleError.TEXT_VALUE_WITHOUT_CODE) {
            return firstMiss;
        }
        return new NotFound(RuleError.TEXT_PARTLY_RECOGNISED, List.of(Integer.toString(missAt),
                Integer.toString(sentences.size())));
    }

    /** The sentences of the skeleton, without their final punctuation; empty ones are dropped. */
    private List<String> sentences() {
        List<String> sentences = new ArrayList<>();
        for (String part : SENTENCE_END.split(skeleton)) {
            String sentence = part.replaceAll("[.;!?:,\\s]+$", "").trim();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    private Step sentence(String sentence) {
        if (elements(sentence).isEmpty()) {
            return new NotFound(RuleError.TEXT_NO_PATTERN, List.of());
        }
        List<Step> results = new ArrayList<>();
        consequence(sentence, REQUIRED, RuleKind.REQUIRED, FreeTextPattern.CONDITIONAL_REQUIRED, false)
                .ifPresent(results::add);
        consequence(sentence, VISIBLE, RuleKind.VISIBLE, FreeTextPattern.CONDITIONAL_VISIBLE, false)
                .ifPresent(results::add);
        consequence(sentence, NOT_FILLABLE, RuleKind.VISIBLE, FreeTextPattern.CONDITIONAL_VISIBLE, true)
                .ifPresent(results::add);
        list(sentence, EXACTLY_ONE, "exactlyOne", FreeTextPattern.EXACTLY_ONE, "Fill in exactly one of: %s.")
                .ifPresent(results::add);
        list(sentence, AT_LEAST_ONE, "atLeastOne", FreeTextPattern.AT_LEAST_ONE, "Fill in at least one of: %s.")
                .ifPresent(results::add);
        dateOrder(sentence).ifPresent(results::add);
        dateToday(sentence).ifPresent(results::add);
        return decide(results);
    }

    private static Step decide(List<Step> results) {
        Set<String> readings = new LinkedHashSet<>();
        for (Step result : results) {
            if (result instanceof Reading reading) {
                readings.add(reading.kind() + " " + reading.targets() + ": " + reading.expression());
            }
        }
        if (readings.size() > 1) {
            return new NotFound(RuleError.TEXT_AMBIGUOUS, List.of(String.join(" | ", readings)));
        }
        for (Step result : results) {
            if (result instanceof NotFound) {
                return result;
            }
        }
        return results.isEmpty() ? new NotFound(RuleError.TEXT_NO_PATTERN, List.of()) : results.get(0);
    }

    private Optional<Step> consequence(String sentence, List<Pattern> patterns, RuleKind kind,
            FreeTextPattern pattern, boolean negated) {
        for (Pattern candidate : patterns) {
            Matcher matcher = candidate.matcher(sentence);
            if (matcher.matches()) {
                List<String> targets = elements(matcher.group("targets"));
                Step condition = condition(matcher.group("cond").trim());
                if (condition instanceof Reading found) {
                    String expression = negated ? negation(found.expression()) : found.expression();
                    return Optional.of(new Reading(pattern, kind, targets, expression, Optional.empty()));
                }
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    private Optional<Step> list(String sentence, List<Pattern> patterns, String function, FreeTextPattern pattern,
            String english) {
        for (Pattern candidate : patterns) {
            Matcher matcher = candidate.matcher(sentence);
            if (matcher.matches()) {
                List<String> members = elements(matcher.group("list"));
                if (members.size() < 2 || new LinkedHashSet<>(members).size() != members.size()) {
                    return Optional.of(new NotFound(RuleError.TEXT_NO_PATTERN, List.of()));
                }
                String expression = function + "(" + String.join(", ", members) + ")";
                return Optional.of(new Reading(pattern, RuleKind.CONSTRAINT, members, expression,
                        Optional.of(String.format(Locale.ROOT, english, String.join(", ", members)))));
            }
        }
        return Optional.empty();
    }

    private Optional<Step> dateOrder(String sentence) {
        Matcher matcher = DATE_ORDER.matcher(sentence);
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
        return Optional.of(new Reading(FreeTextPattern.DATE_ORDER, RuleKind.CONSTRAINT, List.of(a), expression,
                Optional.of(english)));
    }

    private Optional<Step> dateToday(String sentence) {
        Matcher matcher = DATE_TODAY.matcher(sentence);
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
        return Optional.of(new Reading(FreeTextPattern.DATE_RELATIVE_TO_TODAY, RuleKind.CONSTRAINT, List.of(a),
                expression, Optional.of(english)));
    }

    /** The condition after "wenn": one phrase, or phrases joined by "und" or by "oder". */
    private Step condition(String span) {
        Step single = singleCondition(span);
        if (single instanceof Reading || ((NotFound) single).reason() != RuleError.TEXT_NO_PATTERN) {
            return single;
        }
        for (String joiner : List.of("und", "oder")) {
            String[] parts = span.split("(?i)\\s*,?\\s+" + joiner + "\\s+");
            if (parts.length < 2) {
                continue;
            }
            List<String> expressions = new ArrayList<>();
            for (String part : parts) {
                Step result = singleCondition(part);
                if (result instanceof NotFound) {
                    return result;
                }
                expressions.add(parenthesised(((Reading) result).expression()));
            }
            return found(String.join(joiner.equals("und") ? " and " : " or ", expressions));
        }
        return single;
    }

    private static String parenthesised(String expression) {
        return expression.contains(" or ") || expression.contains(" and ") ? "(" + expression + ")" : expression;
    }

    /**
     * The negation of a condition: {@code not (…)}, or the operand of a condition that already is a negation of a
     * single term, so that the twin sentences "= 97 … muss" and "<> 97 … darf nicht" read the same condition.
     */
    static String negation(String expression) {
        if (expression.startsWith("not ")) {
            String operand = expression.substring(4);
            int end = closingOfFirstGroup(operand);
            if (end == operand.length() - 1) {
                return operand.startsWith("(") ? operand.substring(1, end) : operand;
            }
        }
        return expression.matches("[a-zA-Z]+\\([^()\"]*\\)") ? "not " + expression : "not (" + expression + ")";
    }

    /** Index of the parenthesis that closes the first one opened, ignoring quoted text; -1 if none. */
    private static int closingOfFirstGroup(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            } else if (!quoted && depth == 0 && c == ' ') {
                return -1;
            }
        }
        return -1;
    }

    private Step singleCondition(String span) {
        List<Step> results = new ArrayList<>();
        match(CONDITION_VALUE, span, m -> valueCondition(m, false)).ifPresent(results::add);
        match(CONDITION_COMPARE, span, m -> valueCondition(m, !m.group("op").equals("=")
                && !m.group("op").equals("=="))).ifPresent(results::add);
        match(CONDITION_YES, span, m -> found(elements(m.group()).get(0) + " == true")).ifPresent(results::add);
        match(CONDITION_NO, span, m -> found(elements(m.group()).get(0) + " == false")).ifPresent(results::add);
        match(CONDITION_FILLED, span, m -> found("filled(" + elements(m.group()).get(0) + ")"))
                .ifPresent(results::add);
        match(CONDITION_EMPTY, span, m -> found("empty(" + elements(m.group()).get(0) + ")"))
                .ifPresent(results::add);
        return decide(results);
    }

    private static Optional<Step> match(List<Pattern> patterns, String span, Function<Matcher, Step> derive) {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(span);
            if (matcher.matches()) {
                return Optional.of(derive.apply(matcher));
            }
        }
        return Optional.empty();
    }

    /** {@code F == "02"}, {@code in(F, "01", "02")}, or their negation for {@code <>}. */
    private Step valueCondition(Matcher matcher, boolean unequal) {
        String element = elements(matcher.group()).get(0);
        List<String> codes = new ArrayList<>();
        Matcher item = VALUE_ITEM.matcher(matcher.group("values"));
        while (item.find()) {
            if (item.group("code") != null) {
                codes.add("\"" + item.group("code") + "\"");
                continue;
            }
            String value = quotes.get(Integer.parseInt(item.group("quote"))).trim();
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
        String expression = codes.size() == 1 ? element + " == " + codes.get(0)
                : "in(" + element + ", " + String.join(", ", codes) + ")";
        return found(unequal ? negation(expression) : expression);
    }

    private static Reading found(String expression) {
        return new Reading(FreeTextPattern.CONDITIONAL_REQUIRED, RuleKind.REQUIRED, List.of(), expression,
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

    /**
     * The text with quoted passages and element ids replaced by placeholders. A quote that starts with an element id
     * and names no other ({@code "F00004711 Name der Versicherung"}) is a reference to that element with its label.
     */
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
            Optional<String> reference = quotedReference(content);
            String placeholder;
            if (reference.isPresent()) {
                ids.add(reference.get());
                placeholder = OPEN + "E" + (ids.size() - 1) + CLOSE;
            } else {
                quotes.add(content);
                placeholder = OPEN + "Q" + (quotes.size() - 1) + CLOSE;
            }
            quote.appendReplacement(quoted, Matcher.quoteReplacement(placeholder));
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

    /** The element id a quoted passage starts with, when it names exactly one. */
    private static Optional<String> quotedReference(String content) {
        Matcher id = ELEMENT_ID.matcher(content.strip());
        if (!id.lookingAt()) {
            return Optional.empty();
        }
        String reference = id.group(1);
        return id.find() ? Optional.empty() : Optional.of(reference);
    }

    /**
     * The skeleton without slips that do not change the meaning: doubled words ("die die Feldgruppe", but never a
     * doubled negation) and spaces before punctuation.
     */
    private static String cleaned(String skeleton) {
        StringBuilder out = new StringBuilder();
        Matcher doubled = DOUBLED_WORD.matcher(skeleton);
        while (doubled.find()) {
            String word = doubled.group(1);
            String replacement = NEGATIONS.contains(word.toLowerCase(Locale.ROOT)) ? doubled.group() : word;
            doubled.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        doubled.appendTail(out);
        return out.toString().replaceAll("\\s+([,.;:!?])", "$1").replaceAll(",(?:\\s*,)+", ",");
    }

    private static List<Pattern> patterns(String... regexes) {
        List<Pattern> compiled = new ArrayList<>();
        for (String regex : regexes) {
            compiled.add(Pattern.compile(regex, FLAGS));
        }
        return List.copyOf(compiled);
    }
}

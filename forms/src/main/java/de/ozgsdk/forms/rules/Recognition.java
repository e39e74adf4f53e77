package de.ozgsdk.forms.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link FreeTextRecognizer} made of one FIM rule ({@code <xdf:regel>}): an executable rule derived from its free
 * text, or the reason why it is not executable.
 */
public final class Recognition {

    private final String fimRuleId;
    private final String name;
    private final List<ExecutableRule> rules;
    private final Optional<RuleFinding> reason;
    private final boolean scriptPresent;

    private Recognition(String fimRuleId, String name, List<ExecutableRule> rules, RuleFinding reason,
            boolean scriptPresent) {
        this.fimRuleId = Objects.requireNonNull(fimRuleId, "fimRuleId");
        this.name = Objects.requireNonNull(name, "name");
        this.rules = List.copyOf(rules);
        this.reason = Optional.ofNullable(reason);
        this.scriptPresent = scriptPresent;
    }

    static Recognition executable(String fimRuleId, String name, List<ExecutableRule> rules, boolean scriptPresent) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("an executable recognition has at least one rule");
        }
        return new Recognition(fimRuleId, name, rules, null, scriptPresent);
    }

    static Recognition notExecutable(String fimRuleId, String name, RuleFinding reason, boolean scriptPresent) {
        return new Recognition(fimRuleId, name, List.of(), Objects.requireNonNull(reason, "reason"), scriptPresent);
    }

    /** The id of the FIM rule, e.g. {@code R05000281}. */
    public String fimRuleId() {
        return fimRuleId;
    }

    /** The name of the FIM rule (may be empty). */
    public String name() {
        return name;
    }

    public boolean isExecutable() {
        return !rules.isEmpty();
    }

    /**
     * The derived rule of the first sentence, present exactly when {@link #isExecutable()}; see {@link #rules()} for
     * texts of several sentences.
     */
    public Optional<ExecutableRule> rule() {
        return rules.stream().findFirst();
    }

    /**
     * All derived rules, one per sentence of the text (e.g. "Wenn … = 97 …, dann muss F… befüllt sein. Wenn … {@code <>} 97
     * …, dann darf F… nicht befüllt sein." gives a requirement and a visibility rule); empty when not executable.
     */
    public List<ExecutableRule> rules() {
        return rules;
    }

    /** The phrase of the first sentence that was recognised, present exactly when {@link #isExecutable()}. */
    public Optional<FreeTextPattern> pattern() {
        return rule().flatMap(r -> r.origin().pattern());
    }

    /** Why the rule is not executable, present exactly when it is not. */
    public Optional<RuleFinding> reason() {
        return reason;
    }

    /** Whether the FIM rule carries a script other than the empty function; the SDK never executes scripts. */
    public boolean hasScript() {
        return scriptPresent;
    }

    /**
     * One line for a report in English or German (other languages get German): how the rule is executed, e.g.
     * {@code R1 ausführbar (bedingte Pflichtangabe): G05000499 Pflicht, wenn F05001047 == "02"}, or why not. The
     * expression stays in its canonical form, the same in both languages.
     */
    public String describe(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        if (rules.isEmpty()) {
            return fimRuleId + (english ? " not executable: " : " nicht ausführbar: ")
                    + reason.orElseThrow().message(locale);
        }
        StringBuilder line = new StringBuilder(fimRuleId).append(english ? " executable " : " ausführbar ");
        for (int i = 0; i < rules.size(); i++) {
            ExecutableRule rule = rules.get(i);
            line.append(i == 0 ? "(" : "; (").append(phrase(rule.origin().pattern().orElseThrow(), english))
                    .append("): ").append(effect(rule, english));
        }
        return line.toString();
    }

    private static String phrase(FreeTextPattern pattern, boolean english) {
        return switch (pattern) {
            case CONDITIONAL_REQUIRED -> english ? "conditional requirement" : "bedingte Pflichtangabe";
            case CONDITIONAL_VISIBLE -> english ? "conditional visibility" : "bedingte Anzeige";
            case EXACTLY_ONE -> english ? "exactly one" : "genau eine Angabe";
            case AT_LEAST_ONE -> english ? "at least one" : "mindestens eine Angabe";
            case DATE_ORDER -> english ? "date order" : "Reihenfolge von Daten";
            case DATE_RELATIVE_TO_TODAY -> english ? "date relative to today" : "Datum relativ zu heute";
        };
    }

    private static String effect(ExecutableRule rule, boolean english) {
        String targets = String.join(", ", rule.targets());
        String expression = rule.condition().canonical();
        return switch (rule.kind()) {
            case REQUIRED -> targets + (english ? " required when " : " Pflicht, wenn ") + expression;
            case VISIBLE -> targets + (english ? " visible only when " : " sichtbar nur, wenn ") + expression;
            case CONSTRAINT -> (english ? "constraint" : "Bedingung")
                    + (targets.isEmpty() ? "" : (english ? " on " : " an ") + targets) + ": " + expression;
        };
    }

    @Override
    public String toString() {
        return describe(Locale.ENGLISH);
    }
}

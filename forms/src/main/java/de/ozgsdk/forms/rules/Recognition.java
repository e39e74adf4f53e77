package de.ozgsdk.forms.rules;

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
    private final Optional<ExecutableRule> rule;
    private final Optional<RuleFinding> reason;
    private final boolean scriptPresent;

    private Recognition(String fimRuleId, String name, ExecutableRule rule, RuleFinding reason,
            boolean scriptPresent) {
        this.fimRuleId = Objects.requireNonNull(fimRuleId, "fimRuleId");
        this.name = Objects.requireNonNull(name, "name");
        this.rule = Optional.ofNullable(rule);
        this.reason = Optional.ofNullable(reason);
        this.scriptPresent = scriptPresent;
    }

    static Recognition executable(String fimRuleId, String name, ExecutableRule rule, boolean scriptPresent) {
        return new Recognition(fimRuleId, name, Objects.requireNonNull(rule, "rule"), null, scriptPresent);
    }

    static Recognition notExecutable(String fimRuleId, String name, RuleFinding reason, boolean scriptPresent) {
        return new Recognition(fimRuleId, name, null, Objects.requireNonNull(reason, "reason"), scriptPresent);
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
        return rule.isPresent();
    }

    /** The derived rule, present exactly when {@link #isExecutable()}. */
    public Optional<ExecutableRule> rule() {
        return rule;
    }

    /** The phrase that was recognised, present exactly when {@link #isExecutable()}. */
    public Optional<FreeTextPattern> pattern() {
        return rule.flatMap(r -> r.origin().pattern());
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
        if (rule.isEmpty()) {
            return fimRuleId + (english ? " not executable: " : " nicht ausführbar: ")
                    + reason.orElseThrow().message(locale);
        }
        return fimRuleId + (english ? " executable (" : " ausführbar (") + phrase(pattern().orElseThrow(), english)
                + "): " + effect(rule.get(), english);
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

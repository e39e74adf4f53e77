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

    /** One line for a report: how the rule is executed, or why not, in English or German. */
    public String describe(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        if (rule.isPresent()) {
            ExecutableRule r = rule.get();
            return fimRuleId + (english ? " executable (" : " ausführbar (") + pattern().orElseThrow() + "): "
                    + r.kind() + " " + r.targets() + (r.kind() == RuleKind.CONSTRAINT ? " check " : " when ")
                    + r.condition().canonical();
        }
        return fimRuleId + (english ? " not executable: " : " nicht ausführbar: ")
                + reason.orElseThrow().message(locale);
    }

    @Override
    public String toString() {
        return describe(Locale.ENGLISH);
    }
}

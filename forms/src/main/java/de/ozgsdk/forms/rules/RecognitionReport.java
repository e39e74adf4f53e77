package de.ozgsdk.forms.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of recognising all FIM rules of a Stammdatenschema: for each rule whether it is executable and how, or
 * why not; for the import log, the CLI and the service author who must supply side-file rules for the rest.
 */
public final class RecognitionReport {

    private final List<Recognition> entries;

    private RecognitionReport(List<Recognition> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A report over the given recognitions, in their order. */
    public static RecognitionReport of(List<Recognition> entries) {
        Objects.requireNonNull(entries, "entries");
        return new RecognitionReport(entries);
    }

    public List<Recognition> entries() {
        return entries;
    }

    public List<Recognition> executable() {
        return entries.stream().filter(Recognition::isExecutable).toList();
    }

    public List<Recognition> notExecutable() {
        return entries.stream().filter(r -> !r.isExecutable()).toList();
    }

    /**
     * The executable rules as a rule set, to be combined with a side file through {@link RuleSet#overriddenBy}.
     * A FIM rule id that occurs twice (the same rule reused in several groups) contributes its rules once.
     */
    public RuleSet toRuleSet() {
        List<ExecutableRule> rules = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Recognition recognition : executable()) {
            for (ExecutableRule rule : recognition.rules()) {
                if (seen.add(rule.id())) {
                    rules.add(rule);
                }
            }
        }
        return RuleSet.of(rules);
    }

    /**
     * The report as text, one line per FIM rule ({@link Recognition#describe(Locale)}) and a summary line, in English
     * or German (other languages get German).
     */
    public String format(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        StringBuilder out = new StringBuilder();
        for (Recognition entry : entries) {
            out.append(entry.describe(locale)).append('\n');
        }
        out.append(executable().size()).append(english ? " of " : " von ").append(entries.size())
                .append(english ? " FIM rules executable" : " FIM-Regeln ausführbar").append('\n');
        return out.toString();
    }

    @Override
    public String toString() {
        return format(Locale.ENGLISH);
    }
}

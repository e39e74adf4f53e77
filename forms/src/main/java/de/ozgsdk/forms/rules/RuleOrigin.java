package de.ozgsdk.forms.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an {@link ExecutableRule} came from: a rule side file (with the JSON pointer of the rule), the recognised
 * free text of a FIM rule (with the phrase that matched), or program code.
 *
 * @param source the kind of source
 * @param location {@code rules.json#/rules/0}, the FIM rule id such as {@code R05000281}, or {@code program}
 * @param pattern the recognised phrase, present exactly for {@link Source#FIM_FREE_TEXT}
 */
public record RuleOrigin(Source source, String location, Optional<FreeTextPattern> pattern) {

    /** The kinds of source. */
    public enum Source { SIDE_FILE, FIM_FREE_TEXT, PROGRAM }

    public RuleOrigin {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isPresent() != (source == Source.FIM_FREE_TEXT)) {
            throw new IllegalArgumentException("a pattern belongs to, and only to, a recognised FIM free text");
        }
    }

    /** A rule written in program code. */
    public static RuleOrigin program() {
        return new RuleOrigin(Source.PROGRAM, "program", Optional.empty());
    }

    /** A rule of a side file, e.g. {@code sideFile("rules.json#/rules/0")}. */
    public static RuleOrigin sideFile(String location) {
        return new RuleOrigin(Source.SIDE_FILE, location, Optional.empty());
    }

    /** A rule recognised in the free text of the FIM rule with the given id. */
    public static RuleOrigin fimFreeText(String fimRuleId, FreeTextPattern pattern) {
        return new RuleOrigin(Source.FIM_FREE_TEXT, fimRuleId, Optional.of(pattern));
    }
}

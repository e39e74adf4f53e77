package de.ozgsdk.forms;

import java.util.Objects;
import java.util.Optional;

/**
 * A FIM rule ({@code <xdf:regel>}) as data: real files rarely carry an executable script, the meaning lies in the
 * German free text ({@link #freeText()}); the rules package turns recognised texts into expressions.
 *
 * @param id          id and version
 * @param name        {@code <xdf:name>}
 * @param description {@code <xdf:beschreibung>}
 * @param freeText    the rule in words: XDatenfelder 3 {@code <xdf:freitextRegel>}, XDatenfelder 2
 *                    {@code <xdf:definition>}
 * @param type        XDatenfelder 3 {@code <xdf:typ>}; XDatenfelder 2 has none
 * @param script      {@code <xdf:script>} / {@code <xdf:skript>}, when not blank
 * @param status      XDatenfelder 2 {@code <xdf:status>}
 */
public record FormRule(FimId id, String name, Optional<String> description, Optional<String> freeText,
                       Optional<RuleType> type, Optional<String> script, Optional<ReleaseStatus> status) {

    public FormRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(freeText, "freeText");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(status, "status");
    }

    /**
     * Whether the script has a body, i.e. is neither absent nor the empty {@code function script() { }} that FIM
     * editors write by default.
     */
    public boolean hasScriptBody() {
        return script.map(s -> !s.replaceAll("\\s+", "").replace("functionscript(){}", "").isEmpty())
                .orElse(false);
    }
}

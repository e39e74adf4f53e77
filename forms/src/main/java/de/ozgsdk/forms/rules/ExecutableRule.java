package de.ozgsdk.forms.rules;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.internal.rules.Echo;
import de.ozgsdk.forms.internal.rules.ElementIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A machine-evaluable rule attached to a Stammdatenschema: its kind, the Datenfelder or Datenfeldgruppen it acts on,
 * its condition, the message for a violated constraint, and where it came from.
 *
 * <pre>{@code
 * ExecutableRule rule = ExecutableRule.builder("R-parken-1", RuleKind.REQUIRED,
 *                 RuleExpression.parse("F05001047 == '02'"))
 *         .target("G05000499")
 *         .build();
 * }</pre>
 */
public final class ExecutableRule {

    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final String id;
    private final RuleKind kind;
    private final List<String> targets;
    private final RuleExpression condition;
    private final Optional<LocalizedText> message;
    private final Optional<String> description;
    private final RuleOrigin origin;

    private ExecutableRule(Builder builder, List<String> targets) {
        this.id = builder.id;
        this.kind = builder.kind;
        this.targets = targets;
        this.condition = builder.condition;
        this.message = Optional.ofNullable(builder.message);
        this.description = Optional.ofNullable(builder.description);
        this.origin = builder.origin;
    }

    /**
     * Starts a rule.
     *
     * @param id unique within its rule set: 1 to 100 letters, digits, '.', '_' and '-' (e.g. {@code R-parken-1} or
     *     the FIM rule id {@code R05000281})
     * @param kind what the rule does
     * @param condition for {@link RuleKind#REQUIRED} and {@link RuleKind#VISIBLE} when it applies; for
     *     {@link RuleKind#CONSTRAINT} what must hold
     * @throws InvalidInputException ({@link RuleError#RULE_ID_INVALID}) for a malformed id
     */
    public static Builder builder(String id, RuleKind kind, RuleExpression condition) {
        return new Builder(id, kind, condition);
    }

    public String id() {
        return id;
    }

    public RuleKind kind() {
        return kind;
    }

    /** The ids of the elements the rule makes required, shows/hides, or marks as wrong; never empty. */
    public List<String> targets() {
        return targets;
    }

    /** When the rule applies (required, visible) or what must hold (constraint). */
    public RuleExpression condition() {
        return condition;
    }

    /** The message shown when a constraint is violated; always present for constraints. */
    public Optional<LocalizedText> message() {
        return message;
    }

    /** A note of the author for other authors, never shown to citizens. */
    public Optional<String> description() {
        return description;
    }

    public RuleOrigin origin() {
        return origin;
    }

    @Override
    public String toString() {
        return kind + " " + id + " " + targets + ": " + condition.canonical();
    }

    /** Builds an {@link ExecutableRule}; every setter checks its argument. */
    public static final class Builder {
        private final String id;
        private final RuleKind kind;
        private final RuleExpression condition;
        private final Set<String> targets = new LinkedHashSet<>();
        private LocalizedText message;
        private String description;
        private RuleOrigin origin = RuleOrigin.program();

        private Builder(String id, RuleKind kind, RuleExpression condition) {
            Objects.requireNonNull(id, "id");
            if (!RULE_ID.matcher(id).matches()) {
                throw new InvalidInputException(RuleError.RULE_ID_INVALID, Echo.quote(id));
            }
            this.id = id;
            this.kind = Objects.requireNonNull(kind, "kind");
            this.condition = Objects.requireNonNull(condition, "condition");
        }

        /**
         * Adds a target element. Required for {@link RuleKind#REQUIRED} and {@link RuleKind#VISIBLE}; a constraint
         * without targets reports at all elements its condition names.
         *
         * @throws InvalidInputException ({@link RuleError#RULE_TARGET_INVALID}) if it is no element id
         */
        public Builder target(String elementId) {
            Objects.requireNonNull(elementId, "elementId");
            if (!ElementIds.isValid(elementId)) {
                throw new InvalidInputException(RuleError.RULE_TARGET_INVALID, id, Echo.quote(elementId));
            }
            targets.add(elementId);
            return this;
        }

        /** Adds several target elements, see {@link #target(String)}. */
        public Builder targets(Collection<String> elementIds) {
            elementIds.forEach(this::target);
            return this;
        }

        /** The message for a violated constraint (required for constraints; default: none). */
        public Builder message(LocalizedText message) {
            this.message = Objects.requireNonNull(message, "message");
            return this;
        }

        /** A note for other authors (default: none); blank means none. */
        public Builder description(String description) {
            Objects.requireNonNull(description, "description");
            this.description = description.isBlank() ? null : description;
            return this;
        }

        /** Where the rule came from (default: {@link RuleOrigin#program()}). */
        public Builder origin(RuleOrigin origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /**
         * Builds the rule.
         *
         * @throws InvalidInputException ({@link RuleError#RULE_NO_TARGET}) without targets, or
         *     ({@link RuleError#RULE_CONSTRAINT_WITHOUT_MESSAGE}) for a constraint without message
         */
        public ExecutableRule build() {
            List<String> resolved = new ArrayList<>(targets);
            if (resolved.isEmpty() && kind == RuleKind.CONSTRAINT) {
                resolved.addAll(condition.elementIds());
            }
            if (resolved.isEmpty()) {
                throw new InvalidInputException(RuleError.RULE_NO_TARGET, id);
            }
            if (kind == RuleKind.CONSTRAINT && message == null) {
                throw new InvalidInputException(RuleError.RULE_CONSTRAINT_WITHOUT_MESSAGE, id);
            }
            return new ExecutableRule(this, List.copyOf(resolved));
        }
    }
}

package de.ozgsdk.forms.internal.rules;

import de.ozgsdk.forms.rules.RuleScope;
import java.util.List;
import java.util.Set;

/** A scope in which hidden elements, and everything inside hidden groups, look empty: their data are ignored. */
public final class MaskedScope implements RuleScope {

    private final RuleScope scope;
    private final Set<String> hidden;

    public MaskedScope(RuleScope scope, Set<String> hidden) {
        this.scope = scope;
        this.hidden = Set.copyOf(hidden);
    }

    /** Whether the element is hidden itself or lies inside a hidden group. */
    public boolean isHidden(String elementId) {
        if (hidden.contains(elementId)) {
            return true;
        }
        for (String group : scope.enclosingGroups(elementId)) {
            if (hidden.contains(group)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<?> values(String elementId) {
        return isHidden(elementId) ? List.of() : scope.values(elementId);
    }

    @Override
    public boolean isFilled(String elementId) {
        return !isHidden(elementId) && scope.isFilled(elementId);
    }

    @Override
    public int count(String elementId) {
        return isHidden(elementId) ? 0 : scope.count(elementId);
    }

    @Override
    public List<String> enclosingGroups(String elementId) {
        return scope.enclosingGroups(elementId);
    }
}

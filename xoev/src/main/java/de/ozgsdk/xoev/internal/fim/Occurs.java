package de.ozgsdk.xoev.internal.fim;

import de.ozgsdk.forms.ElementRef;
import java.util.List;
import java.util.OptionalInt;

/**
 * How often the generated XSD lets one id occur at one level, the one rule shared by {@link XsdWriter} (which states
 * it) and {@link StructureCheck} (which names what breaks it): several places of one id combine (largest minimum,
 * smallest maximum), an alternative of a choice group occurs at least once when chosen, a maximum below the minimum
 * is raised to it, and bounds above {@link XsdWriter#MAX_OCCURS} are capped (minimum at the cap, maximum unbounded).
 *
 * @param min           the minOccurs declared
 * @param max           the maxOccurs declared, empty for unbounded
 * @param combinedMin   the minimum before raising and capping
 * @param combinedMax   the maximum before raising and capping
 */
public record Occurs(int min, OptionalInt max, int combinedMin, OptionalInt combinedMax) {

    /** The occurrences of the places {@code refs} of one id; {@code inChoice} for the alternatives of a choice. */
    public static Occurs of(List<ElementRef> refs, boolean inChoice) {
        int combinedMin = refs.stream().mapToInt(r -> r.multiplicity().min()).max().orElse(0);
        OptionalInt combinedMax = refs.stream().filter(r -> r.multiplicity().max().isPresent())
                .mapToInt(r -> r.multiplicity().max().getAsInt()).min();
        if (inChoice) {
            combinedMin = Math.max(1, combinedMin); // the chosen alternative must be filled
        }
        int min = combinedMin;
        OptionalInt max = combinedMax;
        if (max.isPresent() && max.getAsInt() < min) {
            max = OptionalInt.of(min);
        }
        if (min > XsdWriter.MAX_OCCURS || max.isPresent() && max.getAsInt() > XsdWriter.MAX_OCCURS) {
            min = Math.min(min, XsdWriter.MAX_OCCURS);
            max = OptionalInt.empty();
        }
        return new Occurs(min, max, combinedMin, combinedMax);
    }

    /** Whether the places' maximum lies below their minimum (then the minimum is stated as both). */
    public boolean contradicts() {
        return combinedMax.isPresent() && combinedMax.getAsInt() < combinedMin;
    }

    /** Whether a bound exceeds what XML Schema processors accept, so the XSD states it capped. */
    public boolean capped() {
        int raisedMax = contradicts() ? combinedMin : combinedMax.orElse(0);
        return combinedMin > XsdWriter.MAX_OCCURS || combinedMax.isPresent() && raisedMax > XsdWriter.MAX_OCCURS;
    }

    /** Minimum and maximum as the places state them together, e.g. {@code 2:1}. */
    public String stated() {
        return combinedMin + ":" + (combinedMax.isPresent() ? combinedMax.getAsInt() : "unbounded");
    }

    /** Minimum and maximum after raising, before capping, e.g. {@code 6000:unbounded}. */
    public String uncapped() {
        int raisedMax = contradicts() ? combinedMin : combinedMax.orElse(-1);
        return combinedMin + ":" + (combinedMax.isPresent() ? Integer.toString(raisedMax) : "unbounded");
    }

    /** Whether {@code count} occurrences are allowed. */
    public boolean allows(int count) {
        return count >= min && (max.isEmpty() || count <= max.getAsInt());
    }
}

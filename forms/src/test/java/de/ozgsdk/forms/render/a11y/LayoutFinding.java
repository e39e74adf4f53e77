package de.ozgsdk.forms.render.a11y;

/**
 * A layout problem the harness measured in one viewport: something a citizen on a phone or with zoom cannot use.
 *
 * @param kind what is wrong
 * @param viewport where it was measured
 * @param target CSS selector of the element concerned ({@code html} for the page as a whole)
 * @param detail the measured sizes
 */
record LayoutFinding(Kind kind, Viewport viewport, String target, String detail) {

    /** The layout checks; names match the kinds layout-probe.js returns. */
    enum Kind {
        /** The page does not lay out at the device width (no viewport meta tag): phones would shrink it. */
        VIEWPORT_WIDTH,
        /** The page scrolls sideways (WCAG 1.4.10 reflow, 1.4.4 resize). */
        HORIZONTAL_SCROLL,
        /** An element other than a data table scrolls sideways inside the page. */
        SCROLL_CONTAINER,
        /** {@code overflow: hidden} cuts off content (WCAG 1.4.4: no loss of content at 200 %). */
        CLIPPED_CONTENT,
        /** An interactive element smaller than 44×44 CSS px (WCAG 2.5.5). */
        TOUCH_TARGET
    }

    /** A readable line for an assertion message. */
    String describe() {
        return "layout " + kind + " at " + viewport + " on " + target + ": " + detail;
    }
}

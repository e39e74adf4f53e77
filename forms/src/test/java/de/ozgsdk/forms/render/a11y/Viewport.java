package de.ozgsdk.forms.render.a11y;

/**
 * A browser viewport the harness lays a page out in, emulated through Chromium's device metrics.
 *
 * <p>The 200 % zoom case is emulated as what page zoom does to a 1280×800 desktop window: the layout viewport
 * shrinks to 640×400 CSS px and each CSS px covers two device pixels. That is the same layout Chromium's zoom
 * produces, without depending on the window manager of a headless browser.
 */
enum Viewport {

    /** A small phone held upright: 320 CSS px, the reflow width of WCAG 1.4.10, honouring the viewport meta tag. */
    PHONE_320(320, 640, 1, true),

    /** A 1280×800 desktop window zoomed to 200 % (WCAG 1.4.4 resize text). */
    DESKTOP_ZOOM_200(640, 400, 2, false),

    /** A 1280×800 desktop window at 100 %. */
    DESKTOP(1280, 800, 1, false);

    private final int width;
    private final int height;
    private final int deviceScaleFactor;
    private final boolean mobile;

    Viewport(int width, int height, int deviceScaleFactor, boolean mobile) {
        this.width = width;
        this.height = height;
        this.deviceScaleFactor = deviceScaleFactor;
        this.mobile = mobile;
    }

    /** Width of the layout viewport in CSS px. */
    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int deviceScaleFactor() {
        return deviceScaleFactor;
    }

    /**
     * Whether the browser behaves as a mobile one: it honours {@code <meta name="viewport">} and lays a page without
     * it out at 980 px.
     */
    boolean mobile() {
        return mobile;
    }
}

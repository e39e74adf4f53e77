package de.ozgsdk.forms.render;

import de.ozgsdk.core.ErrorCode;

/**
 * Error codes of HTML rendering ({@code OZG-RENDER-1xx}): bad step plans, step numbers, translation files, renderer
 * settings and theme misuse; messages in {@code de/ozgsdk/forms/render/messages*.properties}.
 */
public enum RenderError implements ErrorCode {
    /** A step index is outside the step plan. */
    STEP_OUT_OF_RANGE("OZG-RENDER-101"),
    /** A step plan names an element that is not a top-level element of the schema. */
    STEP_ELEMENT_UNKNOWN("OZG-RENDER-102"),
    /** A top-level element of the schema is in no step of the plan. */
    STEP_ELEMENT_MISSING("OZG-RENDER-103"),
    /** A top-level element is in more than one step. */
    STEP_ELEMENT_TWICE("OZG-RENDER-104"),
    /** A step has no elements, or the plan has no steps. */
    STEP_EMPTY("OZG-RENDER-105"),
    /** A translation file is not well-formed JSON or has the wrong shape. */
    TRANSLATION_MALFORMED("OZG-RENDER-106"),
    /** A translation file names an element the schema does not have. */
    TRANSLATION_UNKNOWN_ELEMENT("OZG-RENDER-107"),
    /** A translation file could not be read. */
    TRANSLATION_UNREADABLE("OZG-RENDER-108"),
    /** A theme used the HTML writer wrongly (unbalanced elements, bad names). */
    MARKUP_MISUSE("OZG-RENDER-109"),
    /** A renderer setting is invalid (e.g. a style sheet URL that is not http(s) or relative). */
    SETTING_INVALID("OZG-RENDER-110"),
    /** The schema has no field at all (not even in a group), so there is nothing to render. */
    SCHEMA_WITHOUT_FIELDS("OZG-RENDER-111");

    private final String code;

    RenderError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.forms.render.messages";
    }
}

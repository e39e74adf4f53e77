/**
 * Internals of HTML rendering ({@link de.ozgsdk.forms.render}): the walk over schema and data that builds the view
 * records of the {@link de.ozgsdk.forms.render.Theme}, UI texts per locale, element ids, and the default style sheet.
 * Not promised to stay.
 */
package de.ozgsdk.forms.internal.render;

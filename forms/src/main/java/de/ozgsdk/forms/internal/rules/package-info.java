/**
 * Engine of the rule language behind {@code de.ozgsdk.forms.rules}: lexer, recursive-descent parser, syntax tree,
 * printer, type checker, evaluator and the free-text phrase patterns. Not part of the API; may change at any time.
 */
package de.ozgsdk.forms.internal.rules;

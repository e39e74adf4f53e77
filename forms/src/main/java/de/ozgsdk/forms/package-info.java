/**
 * FIM form engine: import of XDatenfelder 2.0 and 3.0 Stammdatenschemata, the immutable form model, genericode code lists, rules, validation, JSON Schema export, accessible HTML rendering and i18n.
 *
 * <p>This module is part of the build but not yet filled; its issue in the tracker says what it will offer.
 */
package de.ozgsdk.forms;

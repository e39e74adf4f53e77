/**
 * Complete example services and a demo portal that runs them against the sandbox.
 *
 * <p>This module is part of the build but not yet filled; its issue in the tracker says what it will offer.
 */
package de.ozgsdk.examples;

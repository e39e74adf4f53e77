/**
 * The {@code ozg} command line for IT providers (picocli): FIM schema inspection, validation, rendering and export,
 * and the check of a service package against a portal profile.
 */
package de.ozgsdk.cli;

/**
 * XÖV serialisation (JAXB, schema validation, Nachrichtenkopf, code types), form data to XML, and the transfer of applications to back-office systems (Fachverfahren) under {@code de.ozgsdk.xoev.transfer}, FIT-Connect in its own package there.
 *
 * <p>This module is part of the build but not yet filled; its issue in the tracker says what it will offer.
 */
package de.ozgsdk.xoev;

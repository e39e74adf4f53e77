/**
 * Realistic mock servers for every external system (Servicekonto IdP, ePayBL, postbox, back-office intake, time-stamp authority), each an embedded Jetty server with scripted faults, composed into one runnable jar and a JUnit 5 extension.
 *
 * <p>This module is part of the build but not yet filled; its issue in the tracker says what it will offer.
 */
package de.ozgsdk.sandbox;

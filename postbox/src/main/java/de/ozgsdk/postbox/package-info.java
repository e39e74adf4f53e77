/**
 * Messages and documents to the citizen's postbox (ZBP over FIT-Connect, own-portal postbox), status updates and e-mail notification.
 *
 * <p>This module is part of the build but not yet filled; its issue in the tracker says what it will offer.
 */
package de.ozgsdk.postbox;

/** Internals of ozg-postbox (file types, the outbox payload, the ZBP envelope and JSON); not promised to stay. */
package de.ozgsdk.postbox.internal;

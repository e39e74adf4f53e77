/** Internals of the transfer channels (atomic file writes, HTTP answer rules); not a public API. */
package de.ozgsdk.transfer.internal;

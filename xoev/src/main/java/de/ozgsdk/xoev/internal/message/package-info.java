/**
 * Internals of the application message: streaming base64 with digests, the schema validation that leaves attachment
 * content out of the validator's event stream, StAX/DOM bridges and the canonical digest the time-stamp covers. Not
 * promised to stay.
 */
package de.ozgsdk.xoev.internal.message;

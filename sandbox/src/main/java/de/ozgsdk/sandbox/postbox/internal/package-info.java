/** Internals of the ZBP mock (envelope checks, the FIT-Connect subscriber); not promised to stay. */
package de.ozgsdk.sandbox.postbox.internal;

/** Internals of the sandbox mock servers; not part of the API and may change without notice. */
package de.ozgsdk.sandbox.internal;

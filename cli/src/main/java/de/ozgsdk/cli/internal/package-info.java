/**
 * The commands behind {@link de.ozgsdk.cli.OzgCommand} and what they share (file checks, schema loading, JSON
 * output, the mapping of exceptions to exit codes). Not part of the API; may change at any time. What users rely on
 * is the command line itself, documented in {@code docs/cli.md}.
 */
package de.ozgsdk.cli.internal;

/**
 * The {@code ozg} command line for IT providers (picocli): {@code ozg fim inspect}, {@code ozg fim validate} and
 * {@code ozg fim json-schema} for FIM schemas and form data; see {@code docs/cli.md}.
 * {@link de.ozgsdk.cli.OzgCommand} is the entry point, {@link de.ozgsdk.cli.CliError} holds the tool's own error
 * codes; the commands live in {@code internal}.
 */
package de.ozgsdk.cli;

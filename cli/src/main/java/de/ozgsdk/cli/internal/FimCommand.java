package de.ozgsdk.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ozg fim}: the commands for FIM XDatenfelder schemas and their form data. */
@Command(name = "fim", mixinStandardHelpOptions = true,
        subcommands = {InspectCommand.class, ValidateCommand.class, JsonSchemaCommand.class, RenderCommand.class,
            XsdCommand.class, XmlCommand.class},
        description = {
            "FIM XDatenfelder 2.0 and 3.0 schemas: inspect a schema, validate form data",
            "against it, export it as JSON Schema, render it as HTML form pages,",
            "generate an XML Schema (XSD) and write form data as XML."
        })
public final class FimCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: choose one of the commands above.");
    }
}

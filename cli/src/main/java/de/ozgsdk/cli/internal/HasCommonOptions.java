package de.ozgsdk.cli.internal;

/** A command whose errors are reported in its chosen language and, with {@code --verbose}, with stack traces. */
public interface HasCommonOptions {

    /** The command's common options. */
    CommonOptions common();
}

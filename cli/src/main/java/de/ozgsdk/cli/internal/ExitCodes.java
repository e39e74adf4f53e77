package de.ozgsdk.cli.internal;

/** The exit codes of every {@code ozg} command; documented in {@code docs/cli.md}, never to be changed. */
public final class ExitCodes {

    /** The command did what was asked; the data (if any) are valid. */
    public static final int OK = 0;
    /** The command ran, and the data have findings (violations); the findings are on stdout. */
    public static final int FINDINGS = 1;
    /** The input or the call is unusable: missing, unreadable, unsupported or malicious file, bad option. */
    public static final int UNUSABLE = 2;
    /** The tool itself failed: a bug to report. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}

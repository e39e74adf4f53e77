package de.ozgsdk.cli;

import de.ozgsdk.core.ErrorCode;

/**
 * Error codes of the {@code ozg} command line ({@code OZG-CLI-1xx} for unusable files and options
 * ({@code 13x}: {@code ozg service new}), {@code OZG-CLI-9xx}
 * for failures of the tool itself); messages in {@code de/ozgsdk/cli/messages*.properties}.
 *
 * <p>Errors of the FIM import, code lists, form data and rules keep their own codes ({@code OZG-FIM-…},
 * {@code OZG-CL-…}, {@code OZG-DATA-…}, {@code OZG-RULE-…}); the command line adds only what happens around them.
 */
public enum CliError implements ErrorCode {
    /** A file given on the command line does not exist. */
    FILE_NOT_FOUND("OZG-CLI-101"),
    /** A path given as a file is a directory or another non-regular file. */
    NOT_A_FILE("OZG-CLI-102"),
    /** A file exists but cannot be read (access rights, I/O error). */
    FILE_UNREADABLE("OZG-CLI-103"),
    /** A file is larger than the command accepts. */
    FILE_TOO_LARGE("OZG-CLI-104"),
    /** A text file is not encoded in UTF-8. */
    FILE_NOT_UTF8("OZG-CLI-105"),
    /** The output file cannot be written. */
    OUTPUT_UNWRITABLE("OZG-CLI-106"),
    /** {@code --step} names a step the form does not have. */
    STEP_OUT_OF_RANGE("OZG-CLI-107"),
    /** A setting of {@code ozg transfer} is in neither the {@code --config} file nor the environment. */
    TRANSFER_SETTING_MISSING("OZG-CLI-110"),
    /** A setting of {@code ozg transfer} is present but unusable (no URL, unreadable key file, ...). */
    TRANSFER_SETTING_INVALID("OZG-CLI-111"),
    /** An id given to {@code ozg transfer} is not a UUID, or a submission id is unknown to the local ledger. */
    TRANSFER_ID_INVALID("OZG-CLI-112"),
    /** A response, key or certificate given to {@code ozg saml check} cannot be read. */
    SAML_INPUT_INVALID("OZG-CLI-120"),
    /** {@code ozg service new}: the target directory or {@code .ozg} file exists and {@code --force} is not given. */
    SERVICE_TARGET_EXISTS("OZG-CLI-130"),
    /** {@code ozg service new}: no Leika key in {@code --leika} nor in the FIM file's own texts. */
    SERVICE_LEIKA_KEY_MISSING("OZG-CLI-131"),
    /** {@code ozg service new}: the form references code lists that {@code --codelists} does not hold. */
    SERVICE_CODE_LISTS_MISSING("OZG-CLI-132"),
    /** {@code ozg service new}: an option value is unusable ({@code --fee}, {@code --trust}, {@code --id}, ...). */
    SERVICE_OPTION_INVALID("OZG-CLI-133"),
    /** {@code ozg service new --force}: the target is neither a service package nor empty, so it is not replaced. */
    SERVICE_TARGET_NOT_REPLACEABLE("OZG-CLI-134"),
    /** The tool failed for a reason that is not the input: a bug to report. */
    INTERNAL_ERROR("OZG-CLI-901");

    private final String code;

    CliError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String bundleBaseName() {
        return "de.ozgsdk.cli.messages";
    }
}

package de.ozgsdk.cli.internal;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options every {@code ozg fim} command has: language of messages and stack traces on request. */
public final class CommonOptions {

    @Option(names = "--locale", paramLabel = "de|en", defaultValue = "de", converter = LanguageConverter.class,
            description = "Language of messages: de (default) or en.")
    private Locale locale = Locale.GERMAN;

    @Option(names = "--verbose", description = "Print the stack trace of an error (for bug reports).")
    private boolean verbose;

    /** Options set by a command that declares {@code --locale} and {@code --verbose} itself. */
    static CommonOptions of(Locale messageLocale, boolean verbose) {
        CommonOptions options = new CommonOptions();
        options.locale = messageLocale;
        options.verbose = verbose;
        return options;
    }

    /** The language for messages: German or English. */
    public Locale locale() {
        return locale;
    }

    /** Whether errors are printed with their stack trace. */
    public boolean verbose() {
        return verbose;
    }

    /** Accepts exactly {@code de} and {@code en} (any case), the two languages the SDK's messages exist in. */
    static final class LanguageConverter implements ITypeConverter<Locale> {
        @Override
        public Locale convert(String value) {
            switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "de":
                    return Locale.GERMAN;
                case "en":
                    return Locale.ENGLISH;
                default:
                    throw new TypeConversionException("'" + value + "' is not a supported language; use de or en");
            }
        }
    }
}

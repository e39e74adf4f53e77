package de.ozgsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every error code of a module is unique, well-formed and has a German and an English message; each module's test
 * extends this contract with the package it owns (shipped in core's test-jar).
 */
public abstract class ErrorCodeCatalogueContract {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private List<ErrorCode> codes;

    /** The root package whose error code enums are checked, e.g. {@code de.ozgsdk.core}. */
    protected abstract String rootPackage();

    /** One code that must be found, so that a wrong package cannot make the checks pass empty. */
    protected abstract ErrorCode knownCode();

    @BeforeEach
    void collectErrorCodes() {
        codes = new ArrayList<>();
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage())
                .stream()
                .filter(JavaClass::isEnum)
                .filter(c -> c.isAssignableTo(ErrorCode.class))
                .forEach(c -> codes.addAll(List.of((ErrorCode[]) c.reflect().getEnumConstants())));
    }

    @Test
    void findsTheCodesOfTheModule() {
        assertThat(codes).contains(knownCode());
    }

    @Test
    void codesAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode code : codes) {
            assertThat(code.code()).as("code of %s", code).matches("OZG-[A-Z]+-[0-9]{3}");
            assertThat(seen.add(code.code())).as("%s is used twice", code.code()).isTrue();
        }
    }

    @Test
    void everyCodeHasAGermanAndAnEnglishMessage() {
        for (ErrorCode code : codes) {
            for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                assertThat(template(code, locale)).as("%s in %s", code.code(), locale).isNotBlank();
            }
            assertThat(template(code, Locale.ROOT)).as("German base message of %s", code.code())
                    .isEqualTo(template(code, Locale.GERMAN));
        }
    }

    private static String template(ErrorCode code, Locale locale) {
        try {
            return ResourceBundle.getBundle(code.bundleBaseName(), locale, NO_FALLBACK).getString(code.code());
        } catch (MissingResourceException e) {
            return "";
        }
    }
}

package de.ozgsdk.xoev.snippets;

import de.ozgsdk.forms.SharedFixtures;
import de.ozgsdk.forms.codelist.CodeListRegistry;
import de.ozgsdk.forms.data.FormData;
import java.nio.file.Path;

/**
 * The real FIM material the samples run on: "Antrag auf Bewohnerparkausweis" (S05000058, XDatenfelder 2.0) and the
 * genericode lists of the shared fixtures, with an application that fills every required field.
 */
final class Parkausweis {

    private Parkausweis() {
    }

    /** The FIM schema file; the calling test is skipped (failed on CI) when the shared fixtures are absent. */
    static Path fimFile() {
        return SharedFixtures.requireFimFile("xdf2/S05000058V1.0_xdf2.xml");
    }

    /** The code lists of the shared fixtures, among them the Destatis "Staat" list of 2020-05-11. */
    static CodeListRegistry registry() {
        return CodeListRegistry.builder().addDirectory(SharedFixtures.requireFim().resolve("codelists")).build();
    }

    /** Erika Mustermann from Köln applies for the first time for 12 months, for her car K-AB 123 held in her name. */
    static FormData application() {
        FormData person = FormData.builder()
                .value("F05000059", "Mustermann").value("F05000060", "Erika")
                .value("F05000351", "1985-02-28").value("F05001354", "erika@example.org")
                .group("G05000428", FormData.builder().value("F00000053", "Hauptstraße").value("F00000016", "1")
                        .build())
                .group("G00000113", FormData.builder().value("F00000054", "50667").value("F00000035", "Köln")
                        .build())
                .value("F05000523", "000")                                  // Staat: Deutschland
                .build();
        return FormData.builder()
                .value("F00-4cb0dd14-629c-4661-9435-4e9eadc43e07", "01").value("F05001344", "01")       // consents
                .group("G05000496", person)
                .group("G05000493", FormData.builder().value("F05001064", "1").value("F05001347", "01").build())
                .group("G05000477", FormData.builder().value("F05000627", "K-AB 123")
                        .value("F05001062", "123456").value("F05001047", "01").build())
                .build();
    }
}

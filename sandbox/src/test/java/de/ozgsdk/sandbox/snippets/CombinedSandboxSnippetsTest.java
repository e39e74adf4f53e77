package de.ozgsdk.sandbox.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.Sandbox;
import de.ozgsdk.sandbox.junit.OzgSandboxExtension;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The samples of the combined sandbox in its Javadoc and SANDBOX.md, with assertions proving what they claim. */
class CombinedSandboxSnippetsTest {

    static final Path PERSONAS = Path.of("src/test/resources/de/ozgsdk/sandbox/snippets/personas.json");

    // @start region="per-class"
    @RegisterExtension // a sandbox of this class's own, with more personas; closed after the class
    static OzgSandboxExtension ozg = OzgSandboxExtension.perClass(builder -> builder.personas(PERSONAS));
    // @end

    @Test
    void thePerClassSandboxKnowsThePersonasOfTheFile(Sandbox injected) {
        assertThat(injected).isSameAs(ozg.sandbox());
        assertThat(ozg.sandbox().idp().personas()).extracting(persona -> persona.id()).contains("jonas-eid",
                "erika-eid");
    }

    @Test
    void theSandboxStartsPrintsItsUrlsAndResets() {
        Path personaFile = PERSONAS;
        // @start region="combined-start"
        try (Sandbox sandbox = Sandbox.builder().personas(personaFile).start()) { // free loopback ports
            URI idpMetadata = sandbox.idpMetadataUrl();           // the SAML SP reads the IdP from here
            URI tsa = sandbox.tsaUrl();                           // POST time-stamp queries
            sandbox.tsa().faults().add(Fault.status(503).once()); // each mock keeps its own faults and record
            sandbox.reset();                                      // faults and records of all mocks cleared
            System.out.println(sandbox.describe());               // every URL, as the runnable jar prints them
        }
        // @end
    }

    @Test
    void theUrlsOfTheSampleAreWhereTheSampleSaysAndResetClearsFaults() {
        try (Sandbox sandbox = Sandbox.builder().personas(PERSONAS).start()) {
            sandbox.tsa().faults().add(Fault.status(503).once());
            sandbox.reset();

            assertThat(sandbox.idpMetadataUrl().getPath()).isEqualTo("/idp/metadata");
            assertThat(sandbox.tsaUrl().getPath()).isEqualTo("/tsa");
            assertThat(sandbox.tsa().faults().active()).isEmpty();
            assertThat(sandbox.describe()).contains(sandbox.tsaUrl().toString(), sandbox.overviewUrl().toString());
        }
    }
}

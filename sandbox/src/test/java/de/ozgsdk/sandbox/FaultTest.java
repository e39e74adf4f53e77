package de.ozgsdk.sandbox;

import de.ozgsdk.core.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Faults as values and their matching, without a server. */
class FaultTest {

    private final Faults faults = new Faults("test", EnumSet.allOf(Fault.Kind.class), List.of("DOWN"));

    @Test
    void singleStarMatchesWithinASegmentAndDoubleStarAcrossSegments() {
        Fault oneSegment = Fault.drop().onPath("/submissions/*");
        Fault anyDepth = Fault.drop().onPath("/submissions/**");

        assertThat(oneSegment.matches("PUT", "/submissions/42")).isTrue();
        assertThat(oneSegment.matches("PUT", "/submissions/42/attachments/1")).isFalse();
        assertThat(anyDepth.matches("PUT", "/submissions/42/attachments/1")).isTrue();
        assertThat(anyDepth.matches("PUT", "/submission")).isFalse();
        assertThat(Fault.drop().onPath("/a.b").matches("GET", "/axb")).as("no regex in globs").isFalse();
    }

    @Test
    void methodIsMatchedCaseInsensitivelyAndEmptyMeansEvery() {
        assertThat(Fault.hang().on("post", "/x").matches("POST", "/x")).isTrue();
        assertThat(Fault.hang().on("POST", "/x").matches("GET", "/x")).isFalse();
        assertThat(Fault.hang().on("", "/x").matches("PATCH", "/x")).isTrue();
    }

    @Test
    void firstMatchingFaultWinsAndCountsDown() {
        faults.add(Fault.status(503).onPath("/a").times(2)).add(Fault.status(500));

        assertThat(faults.take("GET", "/b")).get().extracting(Fault::status).isEqualTo(500);
        assertThat(faults.take("GET", "/a")).get().extracting(Fault::status).isEqualTo(503);
        assertThat(faults.active()).first().extracting(f -> f.times().orElseThrow()).isEqualTo(1);
        assertThat(faults.take("GET", "/a")).get().extracting(Fault::status).isEqualTo(503);
        assertThat(faults.take("GET", "/a")).get().extracting(Fault::status).isEqualTo(500);
        assertThat(faults.active()).hasSize(1);
    }

    @Test
    void noFaultWithoutAMatch() {
        faults.add(Fault.drop().on("POST", "/a"));

        assertThat(faults.take("GET", "/a")).isEmpty();
    }

    @Test
    void mockRefusesFaultKindsItCannotApply() {
        Faults importer = new Faults("file-drop", EnumSet.of(Fault.Kind.LATENCY), List.of());

        assertThatThrownBy(() -> importer.add(Fault.drop()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code())
                        .isEqualTo(SandboxError.FAULT_KIND_NOT_APPLICABLE))
                .hasMessage("[OZG-SANDBOX-105] Mock \"file-drop\" cannot apply a DROP fault; it applies [LATENCY].");
    }

    @Test
    void invalidFaultsAreRefusedWithTheirArgument() {
        assertThatThrownBy(() -> Fault.status(99)).hasMessageStartingWith("[OZG-SANDBOX-101] The HTTP status 99 is");
        assertThatThrownBy(() -> Fault.drop().times(0)).hasMessageStartingWith("[OZG-SANDBOX-102] The count 0 of");
        assertThatThrownBy(() -> Fault.latency(Duration.ofMillis(-1)))
                .hasMessageStartingWith("[OZG-SANDBOX-103] The delay PT-0.001S of a fault is negative.");
        assertThatThrownBy(() -> Fault.drop().onPath("x"))
                .hasMessageStartingWith("[OZG-SANDBOX-104] The path pattern \"x\" of a fault does not start with");
        assertThatThrownBy(() -> Answer.status(600)).hasMessageStartingWith("[OZG-SANDBOX-101]");
    }

    @Test
    void describesItselfForRecordsAndTheAdminEndpoint() {
        assertThat(Fault.status(503).after(Duration.ofMillis(200)).on("POST", "/antraege").times(2))
                .hasToString("status 503 after 200 ms on POST /antraege (2 times)");
        assertThat(Fault.latency(Duration.ofSeconds(1))).hasToString("latency 1000 ms on * /**");
        assertThat(Fault.systemError("DOWN").once()).hasToString("system_error DOWN on * /** (1 time)");
    }
}

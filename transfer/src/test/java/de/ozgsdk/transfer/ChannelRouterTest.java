package de.ozgsdk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.RemoteSystemException;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChannelRouterTest {

    private final SubmissionChannel anyChannel = application ->
            Receipt.builder(application.submissionId(), Instant.EPOCH).build();

    @Test
    void refusesADestinationRoutedTwice() {
        ChannelRouter.Builder builder = ChannelRouter.builder().route("koeln", anyChannel);

        assertThatThrownBy(() -> builder.route("koeln", anyChannel))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(TransferError.ROUTE_INVALID));
    }

    @Test
    void refusesADestinationNameTheOutboxCannotHold() {
        assertThatThrownBy(() -> ChannelRouter.builder().route("köln amt", anyChannel))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyRefusalsAndInvalidInputArePermanent() {
        ChannelRouter router = ChannelRouter.builder().route("koeln", anyChannel).build();
        RemoteSystemException refused = RemoteSystemException.builder(TransferError.HTTPS_REFUSED, "intake")
                .httpStatus(400).build();
        RemoteSystemException unavailable = RemoteSystemException.builder(TransferError.HTTPS_UNAVAILABLE, "intake")
                .httpStatus(503).build();

        assertThat(router.isPermanent(refused)).isTrue();
        assertThat(router.isPermanent(new InvalidInputException(TransferError.SUBMISSION_ID_INVALID, "x"))).isTrue();
        assertThat(router.isPermanent(unavailable)).isFalse();
        assertThat(router.isPermanent(new IOException("reset"))).isFalse();
        assertThat(router.isPermanent(new IllegalStateException("bug in a channel"))).isFalse();
        assertThat(router.destinations()).containsExactly("koeln");
    }
}

package de.ozgsdk.sandbox.fitconnect;

import java.net.URI;

/**
 * A callback the delivery service mock sent ({@code CallbackNewSubmissions} or {@code CallbackNewEvents}).
 *
 * @param url where it went
 * @param type the payload's {@code type} URI
 * @param body the JSON body as sent (ids only, no personal data)
 * @param timestamp the {@code callback-timestamp} header, seconds since the epoch
 * @param responseStatus the receiver's HTTP status, or -1 if it could not be reached
 */
public record SentCallback(URI url, String type, String body, long timestamp, int responseStatus) {
}

package de.ozgsdk.http.internal;

/** Request tag with the number of the attempt (1 for the first send) that the retry interceptor is making. */
public record Attempt(int number) {
}

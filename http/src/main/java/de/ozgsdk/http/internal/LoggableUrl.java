package de.ozgsdk.http.internal;

import okhttp3.HttpUrl;

/** The part of a URL that may be logged: host, port and path, never user info, query or fragment. */
public final class LoggableUrl {

    private LoggableUrl() {
    }

    /** Host, port where it is not the scheme's default, and the encoded path, e.g. {@code api.example.de/v1/x}. */
    public static String of(HttpUrl url) {
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        return url.host() + (defaultPort ? "" : ":" + url.port()) + url.encodedPath();
    }
}

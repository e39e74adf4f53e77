package de.ozgsdk.http.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Sets the SDK's {@code User-Agent} on every request that does not carry one of its own. */
public final class UserAgentInterceptor implements Interceptor {

    private final String userAgent;

    public UserAgentInterceptor(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (chain.request().header("User-Agent") != null) {
            return chain.proceed(chain.request());
        }
        return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
    }
}

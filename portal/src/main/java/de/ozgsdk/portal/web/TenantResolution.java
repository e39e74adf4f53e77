package de.ozgsdk.portal.web;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.tenant.PortalTenant;
import jakarta.servlet.ServletRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * Which tenant a request belongs to and how it was recognised, set as a request attribute by the host (or by a
 * legacy portal's own filter) before the service's servlet runs. The servlet reads it with {@link #of} and never
 * takes a tenant from a request parameter.
 *
 * <pre>{@code
 * PortalTenant tenant = TenantResolution.require(request).tenant();
 * }</pre>
 *
 * @param tenant    the tenant
 * @param by        how the tenant was recognised
 * @param mountPath the path the tenant's service is mounted under ({@code /053150000000}, or empty at the root of a
 *                  tenant's host name); the servlet builds its links below it
 */
public record TenantResolution(PortalTenant tenant, By by, String mountPath) {

    /** The name of the request attribute. */
    public static final String ATTRIBUTE = TenantResolution.class.getName();

    /** How a request's tenant was recognised. */
    public enum By {
        /** By the first path segment: the tenant id or its configured slug. */
        PATH,
        /** By the host name the request was sent to. */
        HOST_NAME,
        /** By the application: a legacy portal of a single municipality. */
        FIXED
    }

    /** Checks the parts. */
    public TenantResolution {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(mountPath, "mountPath");
        if (!mountPath.isEmpty() && !mountPath.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new InvalidInputException(PortalError.WEB_SETTING_INVALID, "mountPath",
                    "\"" + mountPath + "\" is neither empty nor a path such as /053150000000");
        }
    }

    /** The resolution the host set on {@code request}, if any. */
    public static Optional<TenantResolution> of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof TenantResolution resolution ? Optional.of(resolution)
                : Optional.empty();
    }

    /**
     * The resolution the host set on {@code request}.
     *
     * @throws IllegalStateException if none was set: the servlet is mounted without a host or tenant filter
     */
    public static TenantResolution require(ServletRequest request) {
        return of(request).orElseThrow(() -> new IllegalStateException(
                "no TenantResolution on the request: mount the servlet in PortalHost or set the attribute "
                        + ATTRIBUTE));
    }

    /** Sets this resolution on {@code request}. */
    public void applyTo(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }
}

/**
 * The embedded multi-tenant host of the central portal ({@link de.ozgsdk.portal.host.PortalHost}, Jetty 12): it
 * serves many municipalities by path or host name, each through its own servlet instance. Needs
 * {@code org.eclipse.jetty.ee10:jetty-ee10-servlet} on the class path (an optional dependency of ozg-portal).
 */
package de.ozgsdk.portal.host;

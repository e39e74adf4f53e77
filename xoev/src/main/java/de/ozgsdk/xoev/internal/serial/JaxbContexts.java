package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.xoev.XoevError;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.glassfish.jaxb.runtime.v2.JAXBContextFactory;

/**
 * The process-wide cache of JAXB contexts, one per set of classes. Building a context reflects over all classes and
 * takes tens of milliseconds; a context is immutable and thread-safe, so it is built once and shared.
 *
 * <p>The cache holds the classes strongly. Its size is the number of distinct type sets of the application (a handful);
 * if the SDK is deployed in a container's shared library while the JAXB classes come from a web application, the
 * web application's class loader stays reachable after undeployment, as with any JAXB context cache.
 */
public final class JaxbContexts {

    private static final Map<Set<Class<?>>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

    private JaxbContexts() {
    }

    /** The context for exactly these classes, created on first use. */
    public static JAXBContext of(Set<Class<?>> classes) {
        Set<Class<?>> key = Set.copyOf(classes);
        JAXBContext cached = CONTEXTS.get(key);
        if (cached != null) {
            return cached;
        }
        return CONTEXTS.computeIfAbsent(key, JaxbContexts::create);
    }

    private static JAXBContext create(Set<Class<?>> classes) {
        // Sorted, so that the context (and the ns1, ns2 ... prefixes JAXB invents) do not depend on set order.
        Class<?>[] sorted = classes.stream()
                .sorted(Comparator.comparing(Class::getName))
                .toArray(Class<?>[]::new);
        try {
            // The JAXB reference implementation directly, not via service lookup: the serializer relies on its
            // marshaller properties, and an application server's own JAXB must not be picked up instead.
            return new JAXBContextFactory().createContext(sorted, Map.of());
        } catch (JAXBException | RuntimeException e) {
            String names = classes.stream().map(Class::getName).sorted().collect(Collectors.joining(", "));
            throw new ConfigurationException(XoevError.CONTEXT_FAILED, e, names, String.valueOf(e.getMessage()));
        }
    }
}

package de.ozgsdk.xoev.internal.serial;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.xoev.XoevError;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.glassfish.jaxb.runtime.v2.JAXBContextFactory;

/**
 * The process-wide cache of JAXB contexts, one per set of classes. Building a context reflects over all classes and
 * takes tens of milliseconds; a context is immutable and thread-safe, so it is built once and shared.
 *
 * <p>Safe in a container that redeploys web applications: a context is stored with one of its own classes (a
 * {@link ClassValue}), never in a map of the SDK. A context references its classes and so their class loaders; stored
 * in a static map it would keep a redeployed web application's class loader alive when the SDK sits in the
 * container's shared library. Stored with the class, it lives exactly as long as that class: the anchor is a class of
 * the set whose class loader sees all the others' (each other loader is it or one of its parents), so the context
 * keeps nothing alive that the anchor does not keep alive already. A set without such a class (classes from two
 * sibling web applications) is not cached: its context is built on every call.
 */
public final class JaxbContexts {

    private static final ClassValue<ConcurrentMap<Set<Class<?>>, JAXBContext>> BY_ANCHOR = new ClassValue<>() {
        @Override
        protected ConcurrentMap<Set<Class<?>>, JAXBContext> computeValue(Class<?> anchor) {
            return new ConcurrentHashMap<>();
        }
    };

    private JaxbContexts() {
    }

    /** The context for exactly these classes, created on first use. */
    public static JAXBContext of(Set<Class<?>> classes) {
        Set<Class<?>> key = Set.copyOf(classes);
        Optional<Class<?>> anchor = anchor(key);
        if (anchor.isEmpty()) {
            return create(key);
        }
        ConcurrentMap<Set<Class<?>>, JAXBContext> contexts = BY_ANCHOR.get(anchor.get());
        JAXBContext cached = contexts.get(key);
        if (cached != null) {
            return cached;
        }
        return contexts.computeIfAbsent(key, JaxbContexts::create);
    }

    /**
     * The class of the set, first by name, whose loader has every other class's loader as itself or an ancestor; empty
     * if the classes come from loaders of which none sees all the others.
     */
    static Optional<Class<?>> anchor(Set<Class<?>> classes) {
        return classes.stream()
                .sorted(Comparator.comparing(Class::getName))
                .filter(candidate -> classes.stream()
                        .allMatch(other -> isSelfOrAncestor(other.getClassLoader(), candidate.getClassLoader())))
                .findFirst();
    }

    private static boolean isSelfOrAncestor(ClassLoader ancestor, ClassLoader loader) {
        if (ancestor == null) {
            return true; // the bootstrap loader is every loader's ancestor
        }
        for (ClassLoader current = loader; current != null; current = current.getParent()) {
            if (current == ancestor) {
                return true;
            }
        }
        return false;
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

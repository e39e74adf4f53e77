package de.ozgsdk.xoev.internal.serial;

import java.util.Map;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;

/**
 * Tells JAXB which prefix to use for which namespace, which namespaces to declare on the root element (whole
 * documents), and which ones the caller's writer has already declared (fragments).
 */
public final class PrefixMapper extends NamespacePrefixMapper {

    private static final String[] NONE = new String[0];

    private final Map<String, String> prefixByNamespace;
    private final String[] declaredAtRoot;
    private final String[] declaredByCaller;

    /**
     * @param prefixByNamespace the preferred prefixes
     * @param declaredAtRoot    prefix/namespace pairs to declare on the root element
     * @param declaredByCaller  prefix/namespace pairs already in scope at the caller's writer
     */
    public PrefixMapper(Map<String, String> prefixByNamespace, String[] declaredAtRoot, String[] declaredByCaller) {
        this.prefixByNamespace = Map.copyOf(prefixByNamespace);
        this.declaredAtRoot = declaredAtRoot.clone();
        this.declaredByCaller = declaredByCaller.clone();
    }

    @Override
    public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
        return prefixByNamespace.getOrDefault(namespaceUri, suggestion);
    }

    @Override
    public String[] getPreDeclaredNamespaceUris() {
        return NONE;
    }

    @Override
    public String[] getPreDeclaredNamespaceUris2() {
        return declaredAtRoot.clone();
    }

    @Override
    public String[] getContextualNamespaceDecls() {
        return declaredByCaller.clone();
    }
}

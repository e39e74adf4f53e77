package de.ozgsdk.xoev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.xml.XmlError;
import de.ozgsdk.xoev.meldung.Meldung;
import org.junit.jupiter.api.Test;

class XoevSchemaSetTest {

    @Test
    void basisSchemaLoads() {
        XoevSchemaSet basis = XoevSchemaSet.basis();

        assertThat(basis.namespaces()).containsExactly(XoevSchemaSet.BASIS_NAMESPACE);
        assertThat(basis.systemIds()).containsExactly(XoevSchemaSet.BASIS_RESOURCE);
        assertThat(basis.schema()).isNotNull();
    }

    @Test
    void resolvesImportsFromTheSetWhateverTheOrder() {
        XoevSchemaSet importerFirst = XoevSchemaSet.builder()
                .xsd("meldung.xsd", Meldung.XSD)
                .classpathResource(XoevSchemaSet.BASIS_RESOURCE)
                .build();

        assertThat(importerFirst.systemIds()).containsExactly(XoevSchemaSet.BASIS_RESOURCE, "meldung.xsd");
        assertThat(importerFirst.namespaces()).contains(Meldung.NAMESPACE, XoevSchemaSet.BASIS_NAMESPACE);
    }

    @Test
    void equalSetsShareOneCompiledSchema() {
        assertThat(Samples.meldungSchemas().schema()).isSameAs(Samples.meldungSchemas().schema());
    }

    @Test
    void refusesAnImportOfANamespaceNotInTheSet() {
        assertThatThrownBy(() -> XoevSchemaSet.builder().xsd("meldung.xsd", Meldung.XSD).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XoevError.SCHEMA_IMPORT_UNKNOWN);
                    assertThat(e.arguments()).containsExactly("meldung.xsd", XoevSchemaSet.BASIS_NAMESPACE);
                });
    }

    @Test
    void reportsAFaultySchemaWithLine() {
        String faulty = """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x">
                  <xs:element name="a" type="xs:unbekannt"/>
                </xs:schema>
                """;

        assertThatThrownBy(() -> XoevSchemaSet.builder().xsd("faulty.xsd", faulty).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(XoevError.SCHEMA_SET_INVALID);
                    assertThat(e.arguments().get(0)).isEqualTo("faulty.xsd");
                    assertThat(e.arguments().get(1)).isEqualTo("2");
                });
    }

    @Test
    void refusesASchemaWithADoctype() {
        String withDoctype = "<!DOCTYPE xs:schema [<!ENTITY e \"x\">]>"
                + "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>";

        assertThatThrownBy(() -> XoevSchemaSet.builder().xsd("dtd.xsd", withDoctype).build())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(XmlError.DTD_NOT_ALLOWED));
    }

    @Test
    void namesAMissingClasspathResource() {
        assertThatThrownBy(() -> XoevSchemaSet.builder().classpathResource("de/ozgsdk/xoev/schema/fehlt.xsd"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(XoevError.SCHEMA_RESOURCE_MISSING);
                    assertThat(e.getMessage()).contains("fehlt.xsd");
                });
    }
}

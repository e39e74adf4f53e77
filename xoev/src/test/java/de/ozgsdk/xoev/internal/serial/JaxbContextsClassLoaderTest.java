package de.ozgsdk.xoev.internal.serial;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.xoev.XoevSchemaSet;
import de.ozgsdk.xoev.XoevSerializer;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.IOException;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web application's JAXB classes, loaded by a class loader of their own as a servlet container does, must not stay
 * reachable through the SDK once the application is undeployed (its class loader dropped).
 */
class JaxbContextsClassLoaderTest {

    private static final String NAMESPACE = "urn:example:webapp:antrag";
    private static final String ANTRAG_SOURCE = """
            package org.example.webapp;

            import jakarta.xml.bind.annotation.XmlAccessType;
            import jakarta.xml.bind.annotation.XmlAccessorType;
            import jakarta.xml.bind.annotation.XmlElement;
            import jakarta.xml.bind.annotation.XmlRootElement;

            @XmlRootElement(name = "antrag", namespace = "%s")
            @XmlAccessorType(XmlAccessType.FIELD)
            public class Antrag {
                @XmlElement(namespace = "%s", required = true)
                public String aktenzeichen;
                @XmlElement(namespace = "%s")
                public Person antragsteller;
            }
            """.formatted(NAMESPACE, NAMESPACE, NAMESPACE);
    private static final String PERSON_SOURCE = """
            package org.example.webapp;

            import jakarta.xml.bind.annotation.XmlAccessType;
            import jakarta.xml.bind.annotation.XmlAccessorType;
            import jakarta.xml.bind.annotation.XmlElement;

            @XmlAccessorType(XmlAccessType.FIELD)
            public class Person {
                @XmlElement(namespace = "%s", required = true)
                public String familienname;
            }
            """.formatted(NAMESPACE);
    private static final String BESCHEID_SOURCE = """
            package org.example.webapp;

            @jakarta.xml.bind.annotation.XmlRootElement(name = "bescheid", namespace = "%s")
            public class Bescheid {
                public String tenor;
            }
            """.formatted(NAMESPACE);
    private static final String ANTRAG_XSD = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="%s"
                       xmlns:a="%s" elementFormDefault="qualified">
              <xs:element name="antrag">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="aktenzeichen" type="xs:string"/>
                    <xs:element name="antragsteller" minOccurs="0">
                      <xs:complexType>
                        <xs:sequence><xs:element name="familienname" type="xs:string"/></xs:sequence>
                      </xs:complexType>
                    </xs:element>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """.formatted(NAMESPACE, NAMESPACE);

    @TempDir
    static Path classes;

    @BeforeAll
    static void compileTheWebApplicationClasses() throws Exception {
        Path sources = Files.createDirectories(classes.resolve("src/org/example/webapp"));
        Path antrag = Files.writeString(sources.resolve("Antrag.java"), ANTRAG_SOURCE);
        Path person = Files.writeString(sources.resolve("Person.java"), PERSON_SOURCE);
        Path bescheid = Files.writeString(sources.resolve("Bescheid.java"), BESCHEID_SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "-d", classes.resolve("bin").toString(),
                "-cp", jarOf(XmlRootElement.class), antrag.toString(), person.toString(),
                bescheid.toString());
        assertThat(exit).as("javac of the web application's classes").isZero();
        Files.writeString(classes.resolve("bin/org/example/webapp/antrag.xsd"), ANTRAG_XSD);
    }

    @Test
    void serializerOfAThrowAwayLoadersClassesLetsTheLoaderBeCollected() throws Exception {
        ReferenceQueue<ClassLoader> collected = new ReferenceQueue<>();

        WeakReference<ClassLoader> loader = deployUseAndUndeploy(collected);

        assertThat(isCollected(loader, collected)).as("the undeployed web application's class loader is collected")
                .isTrue();
    }

    @Test
    void contextIsBuiltOncePerClassSetOfOneLoader() throws Exception {
        try (URLClassLoader webapp = webappLoader()) {
            Class<?> antrag = webapp.loadClass("org.example.webapp.Antrag");
            Set<Class<?>> set = Set.of(antrag, Nachrichtenkopf.class);

            JAXBContext first = JaxbContexts.of(set);

            assertThat(JaxbContexts.of(Set.of(Nachrichtenkopf.class, antrag))).isSameAs(first);
            assertThat(JaxbContexts.anchor(set)).as("the class whose loader sees the other").contains(antrag);
        }
    }

    @Test
    void classesOfSiblingLoadersAreServedButNotCached() throws Exception {
        try (URLClassLoader one = webappLoader(); URLClassLoader two = webappLoader()) {
            Set<Class<?>> set = Set.of(one.loadClass("org.example.webapp.Antrag"),
                    two.loadClass("org.example.webapp.Bescheid"));

            assertThat(JaxbContexts.anchor(set)).isEmpty();
            assertThat(JaxbContexts.of(set)).isNotSameAs(JaxbContexts.of(set));
        }
    }

    /**
     * Loads, uses with and without validation (with its own XSD, with an SDK class added), and drops a web application;
     * no local of it survives this frame.
     */
    @SuppressWarnings("unchecked")
    private static WeakReference<ClassLoader> deployUseAndUndeploy(ReferenceQueue<ClassLoader> queue)
            throws Exception {
        URLClassLoader webapp = webappLoader();
        Class<Object> antragType = (Class<Object>) webapp.loadClass("org.example.webapp.Antrag");
        Object antrag = antrag(webapp, antragType);
        // The XSD from the web application's own class path, as a WAR ships it: the compiled-schema cache must not
        // keep that loader either.
        XoevSchemaSet schemaSet = XoevSchemaSet.builder().classpathResource(webapp, "org/example/webapp/antrag.xsd")
                .build();

        XoevSerializer<Object> validating = XoevSerializer.builder(antragType).schemaSet(schemaSet).build();
        byte[] xml = validating.toBytes(antrag);
        Object back = validating.read(xml, "antrag.xml");
        XoevSerializer<Object> mixed = XoevSerializer.builder(antragType).additionalClasses(Nachrichtenkopf.class)
                .validation(false).build();
        Object backMixed = mixed.read(mixed.toBytes(antrag), "antrag.xml");

        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<familienname>Mustermann</familienname>");
        // Read by hand: AssertJ's recursive comparison caches the classes it introspects, which would hold the loader.
        assertThat(describe(back)).isEqualTo("AZ-4711/Mustermann");
        assertThat(describe(backMixed)).isEqualTo("AZ-4711/Mustermann");
        webapp.close();
        return new WeakReference<>(webapp, queue);
    }

    private static Object antrag(ClassLoader webapp, Class<?> antragType) throws Exception {
        Class<?> personType = webapp.loadClass("org.example.webapp.Person");
        Object person = personType.getConstructor().newInstance();
        personType.getField("familienname").set(person, "Mustermann");
        Object antrag = antragType.getConstructor().newInstance();
        antragType.getField("aktenzeichen").set(antrag, "AZ-4711");
        antragType.getField("antragsteller").set(antrag, person);
        return antrag;
    }

    private static String describe(Object antrag) throws ReflectiveOperationException {
        Object person = antrag.getClass().getField("antragsteller").get(antrag);
        return antrag.getClass().getField("aktenzeichen").get(antrag) + "/"
                + person.getClass().getField("familienname").get(person);
    }

    /** Collects garbage until the loader is gone, a bounded number of times; no fixed sleep. */
    private static boolean isCollected(WeakReference<ClassLoader> loader, ReferenceQueue<ClassLoader> queue)
            throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            System.gc();
            if (queue.remove(100) != null || loader.get() == null) {
                return true;
            }
        }
        return false;
    }

    private static URLClassLoader webappLoader() throws IOException {
        return new URLClassLoader("webapp", new URL[] {classes.resolve("bin").toUri().toURL()},
                JaxbContextsClassLoaderTest.class.getClassLoader());
    }

    private static String jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

}

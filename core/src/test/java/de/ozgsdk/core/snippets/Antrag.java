package de.ozgsdk.core.snippets;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** The JAXB binding of an application that the {@code SecureXml} samples unmarshal. */
@XmlRootElement(name = "antrag", namespace = Antrag.NAMESPACE)
@XmlAccessorType(XmlAccessType.FIELD)
public class Antrag {

    static final String NAMESPACE = "urn:ozg-sdk:test:antrag";

    @XmlElement(namespace = NAMESPACE)
    String aktenzeichen;
}

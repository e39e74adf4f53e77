/**
 * The reusable XÖV building blocks of the SDK, as JAXB-bound immutable values in the namespace
 * {@code urn:ozgsdk:xoev:basis:1.0} (schema {@code de/ozgsdk/xoev/schema/ozg-xoev-basis-1.0.xsd}, prefix
 * {@code basis}): {@link de.ozgsdk.xoev.types.Code}, {@link de.ozgsdk.xoev.types.Nachrichtenkopf} with
 * {@link de.ozgsdk.xoev.types.Behoerde}, names and addresses, and the {@link de.ozgsdk.xoev.types.Codeliste}s the
 * header codes are checked against. Local elements are unqualified, as in XÖV standards.
 */
@XmlSchema(namespace = "urn:ozgsdk:xoev:basis:1.0",
        elementFormDefault = XmlNsForm.UNQUALIFIED,
        attributeFormDefault = XmlNsForm.UNQUALIFIED,
        xmlns = @XmlNs(prefix = "basis", namespaceURI = "urn:ozgsdk:xoev:basis:1.0"))
@XmlAccessorType(XmlAccessType.FIELD)
package de.ozgsdk.xoev.types;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;

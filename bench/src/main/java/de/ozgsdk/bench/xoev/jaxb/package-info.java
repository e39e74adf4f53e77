/**
 * The application message as one plain JAXB object graph (attachment content as {@code byte[]}), for the baseline of
 * {@code ApplicationMessageBenchmark}: what a hand-made JAXB binding of {@code ozg-antrag-1.0.xsd} would look like.
 * Local elements are unqualified, as in the XSD.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package de.ozgsdk.bench.xoev.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;

/**
 * JMH benchmarks of the application message ({@code de.ozgsdk.xoev.message}) with their baselines: raw JAXB
 * marshalling plus {@code javax.xml.validation}, and a bare base64 copy of the attachment content.
 */
package de.ozgsdk.bench.xoev;

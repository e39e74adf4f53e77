package de.ozgsdk.xoev.internal.xml;

/** One namespace declaration of an element ({@code xmlns:prefix="uri"}; the default namespace has prefix ""). */
public record NamespaceBinding(String prefix, String uri) {
}

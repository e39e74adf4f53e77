/**
 * XÖV serialisation: {@link de.ozgsdk.xoev.XoevSerializer} writes and reads JAXB-bound types as UTF-8 XML with stable
 * prefixes, validated against a {@link de.ozgsdk.xoev.XoevSchemaSet} and read only through core's hardened parser;
 * violations come back as a list ({@link de.ozgsdk.xoev.XoevValidationException}). The reusable XÖV building blocks
 * (code type, Nachrichtenkopf, names, address) are in {@code de.ozgsdk.xoev.types}. See {@code xoev/SERIALISATION.md}.
 */
package de.ozgsdk.xoev;

/**
 * FIM form data as XML and JSON: {@link de.ozgsdk.xoev.fim.FimXsdGenerator} generates an XML Schema for a FIM schema,
 * {@link de.ozgsdk.xoev.fim.FormDataXml} writes and reads form data as XML valid against it,
 * {@link de.ozgsdk.xoev.fim.FachdatenJson} does the same for FIT-Connect style "Fachdaten" JSON validated against
 * the JSON Schema export of forms. See {@code xoev/FIMXML.md}.
 */
package de.ozgsdk.xoev.fim;

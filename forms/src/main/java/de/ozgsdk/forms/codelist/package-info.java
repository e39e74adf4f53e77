/**
 * Codelisten in OASIS genericode 1.0 (as published in the XRepository and exported by FIM): {@link
 * de.ozgsdk.forms.codelist.GenericodeReader} imports them into immutable {@link de.ozgsdk.forms.codelist.CodeList}s,
 * and the {@link de.ozgsdk.forms.codelist.CodeListRegistry} resolves the code list references of form schemas offline,
 * with an optional {@link de.ozgsdk.forms.codelist.CodeListSource} for remote fetching. The same registry serves the
 * importer ({@code FimImporter.builder().codeLists(registry.availability())}, missing lists reported at load) and the
 * validator ({@code CodeValues.of(registry)}); {@link de.ozgsdk.forms.codelist.CodeListQuery#from} turns a schema's
 * code list reference into a query.
 */
package de.ozgsdk.forms.codelist;

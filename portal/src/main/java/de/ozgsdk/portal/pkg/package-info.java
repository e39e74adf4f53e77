/**
 * Service packages: an online service as a directory or an {@code .ozg} zip with a descriptor ({@code service.json},
 * JSON Schema {@code service-package.schema.json}), its FIM form, code lists, rules, translations and templates.
 * {@link de.ozgsdk.portal.pkg.ServicePackage#load} checks everything and reports every problem at once
 * ({@link de.ozgsdk.portal.pkg.ServicePackageException}). See {@code portal/PORTAL.md}, section "Service packages".
 */
package de.ozgsdk.portal.pkg;

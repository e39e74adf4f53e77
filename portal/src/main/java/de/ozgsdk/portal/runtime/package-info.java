/**
 * The service runtime: drives one application of an online service through login, form steps, review, payment,
 * submit and receipt, framework-neutral (no servlet types), with every state in the database so that any node of a
 * portal can answer the next request ({@link de.ozgsdk.portal.runtime.ServiceRuntime}).
 */
package de.ozgsdk.portal.runtime;

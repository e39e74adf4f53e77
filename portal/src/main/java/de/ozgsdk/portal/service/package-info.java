/**
 * The definition of an online service, independent of any portal: {@link de.ozgsdk.portal.service.OnlineService}
 * with its FIM form, steps, trust level, fee rule, back-office target, notifications and prefill rules. Packages and
 * the Java builder both end in this model.
 */
package de.ozgsdk.portal.service;

/**
 * Abuse protection for services without login: rate limits per client address and per tenant with the bucket state
 * in the database ({@link de.ozgsdk.portal.abuse.RateLimits}), a honeypot and a minimum fill time
 * ({@link de.ozgsdk.portal.abuse.BotTrap}), and an ALTCHA proof of work with a waiting fallback without JavaScript
 * ({@link de.ozgsdk.portal.abuse.ProofOfWork}); the servlet adapter wires them in with
 * {@code OzgServlet.Builder.rateLimits}, {@code botTrap} and {@code proofOfWork}.
 */
package de.ozgsdk.portal.abuse;

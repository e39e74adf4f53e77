/**
 * Core of the OZG SDK: value types of the domain (Leistungsschlüssel, Regionalschlüssel, tenant, money, trust level,
 * localized text), the exception hierarchy with stable error codes, and, in sub-packages, hardened XML factories,
 * the HTTP client factory, key and certificate loading and sealing, the RFC 3161 time-stamp client and JDBC
 * persistence (drafts, outbox, audit log). It depends on no other module of the SDK.
 */
package de.ozgsdk.core;

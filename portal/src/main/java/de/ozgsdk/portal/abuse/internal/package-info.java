/** Internals of the abuse protection (JDBC token buckets, client addresses, keys, pages); not promised to stay. */
package de.ozgsdk.portal.abuse.internal;

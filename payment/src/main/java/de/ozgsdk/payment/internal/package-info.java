/** Implementation details of the payment module; not part of the API and not promised to stay. */
package de.ozgsdk.payment.internal;

/**
 * Virus scanning of uploaded documents: the {@link de.ozgsdk.portal.upload.scan.VirusScanner} SPI and its ClamAV
 * clamd client.
 */
package de.ozgsdk.portal.upload.scan;

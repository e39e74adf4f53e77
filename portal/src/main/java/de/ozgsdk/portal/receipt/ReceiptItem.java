package de.ozgsdk.portal.receipt;

/** One entry of a {@link ReceiptSection}: a {@link ReceiptRow} or a nested {@link ReceiptSection}. */
public sealed interface ReceiptItem permits ReceiptRow, ReceiptSection {
}

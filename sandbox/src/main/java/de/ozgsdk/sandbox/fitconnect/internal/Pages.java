package de.ozgsdk.sandbox.fitconnect.internal;

import java.util.List;
import java.util.function.BiConsumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The paging envelope the FIT-Connect APIs share: {@code count}, {@code offset}, {@code totalCount} and a list. */
final class Pages {

    private Pages() {
    }

    /**
     * Writes the page of {@code all} from {@code offset} (at most {@code limit} items) into {@code node}, each item
     * added to the array {@code listName} by {@code writer}; returns {@code node}.
     */
    static <T> ObjectNode write(ObjectNode node, List<T> all, int offset, int limit, String listName,
            BiConsumer<ArrayNode, T> writer) {
        List<T> page = all.stream().skip(offset).limit(limit).toList();
        node.put("count", page.size());
        node.put("offset", offset);
        node.put("totalCount", all.size());
        ArrayNode list = node.putArray(listName);
        page.forEach(item -> writer.accept(list, item));
        return node;
    }
}

package de.ozgsdk.core.snippets;

import java.util.ArrayList;
import java.util.List;

/** Stands for the web page of a portal in the samples: it records what a sample shows to the citizen. */
final class Page {

    final List<String> shown = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    void show(String text) {
        shown.add(text);
    }

    void showError(String message) {
        errors.add(message);
    }
}

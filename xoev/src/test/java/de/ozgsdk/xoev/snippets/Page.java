package de.ozgsdk.xoev.snippets;

import java.util.ArrayList;
import java.util.List;

/** Stands for the page of an online service in the samples: records the errors they show to the applicant. */
final class Page {

    final List<String> errors = new ArrayList<>();

    void showError(String text) {
        errors.add(text);
    }
}

package de.ozgsdk.forms.validation.bean;

import de.ozgsdk.forms.validation.FormValidator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the validator of a schema by the id named in {@link ValidFormData#schema()}. */
@FunctionalInterface
public interface FormSchemaResolver {

    /** The validator of the schema with this id, or empty when the schema is unknown. */
    Optional<FormValidator> validator(String schemaId);

    /** A resolver over these validators, keyed by their schema's id. */
    static FormSchemaResolver of(List<FormValidator> validators) {
        Map<String, FormValidator> byId = new HashMap<>();
        validators.forEach(v -> byId.put(v.schema().id().id(), v));
        return id -> Optional.ofNullable(byId.get(id));
    }
}

package de.ozgsdk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditLogApiTest {

    @Test
    void offersNoWayToChangeOrDeleteEvents() {
        List<String> publicMethods = Arrays.stream(AuditLog.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .map(Method::getName)
                .distinct()
                .sorted()
                .toList();

        assertThat(publicMethods).containsExactly("append", "create", "query");
    }

    @Test
    void eventsAreImmutableValues() {
        assertThat(AuditEvent.class.isRecord()).isTrue();
        assertThat(AuditEntry.class.isRecord()).isTrue();
        assertThat(AuditEvent.class.getRecordComponents()).allSatisfy(component ->
                assertThat(component.getType().isArray()).isFalse());
    }
}

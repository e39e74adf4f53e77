package de.ozgsdk.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.Money;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.forms.data.FormDataJson;
import de.ozgsdk.forms.data.TestSchemas;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Data generated valid by construction for {@link TestSchemas#person()} validates clean and survives JSON. */
class GeneratedDataProperties {

    private static final FormValidator VALIDATOR = FormValidator.of(TestSchemas.person());
    private static final FormDataJson JSON = FormDataJson.of(TestSchemas.person());

    @Property(tries = 200)
    void validDataHasNoViolations(@ForAll("validPersons") FormData data) {
        assertThat(VALIDATOR.validate(data).violations()).isEmpty();
    }

    @Property(tries = 200)
    void jsonRoundTripKeepsTheData(@ForAll("validPersons") FormData data) {
        assertThat(JSON.read(JSON.write(data))).isEqualTo(data);
    }

    @Provide
    Arbitrary<FormData> validPersons() {
        Arbitrary<String> surname = Arbitraries.strings().withCharRange('a', 'z').withChars("äöüß -")
                .ofMinLength(2).ofMaxLength(55).filter(s -> s.strip().length() >= 2);
        Arbitrary<Optional<String>> givenName = Arbitraries.strings().withChars("AaÄäÑñŁłðßÐđëŞə '-")
                .ofMinLength(1).ofMaxLength(30).filter(s -> !s.isBlank()).optional();
        Arbitrary<Optional<String>> birth = Arbitraries.longs().between(0, 47_846)
                .map(d -> LocalDate.of(1900, 1, 1).plusDays(d).toString()).optional();
        Arbitrary<Optional<String>> children = Arbitraries.integers().between(0, 20).map(String::valueOf).optional();
        Arbitrary<Optional<String>> fee = Arbitraries.longs().between(0, 10_000_000)
                .map(c -> Money.ofCents(c).toPlainString()).optional();
        Arbitrary<Optional<String>> consent = Arbitraries.of("true", "false").optional();
        Arbitrary<List<String>> phones = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12)
                .list().ofMaxSize(3);
        Arbitrary<FormData> address = Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(55),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40))
                .as((street, city) -> FormData.builder().value("F20", street).value("F21", city).build());
        Arbitrary<FormData> school = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)
                .map(name -> FormData.builder().value("F31", name).build());
        Arbitrary<FormData> child = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                school.list().ofMaxSize(2))
                .as((name, schools) -> FormData.builder().value("F30", name).groups("G3", schools).build());
        return Combinators.combine(surname, givenName, birth, children, fee, consent, phones, address)
                .as((f1, f2, f3, f4, f5, f7, f14, g1) -> {
                    FormData.Builder b = FormData.builder().value("F1", f1);
                    f2.ifPresent(v -> b.value("F2", v));
                    f3.ifPresent(v -> b.value("F3", v));
                    f4.ifPresent(v -> b.value("F4", v));
                    f5.ifPresent(v -> b.value("F5", v));
                    f7.ifPresent(v -> b.value("F7", v));
                    return b.values("F14", f14).group("G1", g1);
                })
                .flatMap(b -> child.list().ofMaxSize(3).map(kids -> b.groups("G2", kids).build()));
    }
}

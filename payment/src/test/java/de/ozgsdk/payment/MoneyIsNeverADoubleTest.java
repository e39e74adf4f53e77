package de.ozgsdk.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Money is never a {@code double} anywhere in the payment module: no {@code double}/{@code float} field, parameter
 * or return type, and no call that turns an amount into or out of a floating-point number (BigDecimal, Jackson).
 */
class MoneyIsNeverADoubleTest {

    private static final Set<String> FLOATING = Set.of("double", "float", "java.lang.Double", "java.lang.Float");
    private static JavaClasses payment;

    @BeforeAll
    static void importTheModule() {
        payment = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.ozgsdk.payment");
        assertThat(payment.contain("de.ozgsdk.payment.PaymentOrder")).isTrue();
    }

    @Test
    void noFieldIsFloatingPoint() {
        noFields().should().haveRawType(floating()).because("amounts are Money or BigDecimal, never a double")
                .check(payment);
    }

    @Test
    void noMethodTakesOrReturnsFloatingPoint() {
        noCodeUnits().should(takeOrReturnFloatingPoint()).because("amounts are Money or BigDecimal, never a double")
                .check(payment);
    }

    @Test
    void noCallConvertsBetweenAmountsAndFloatingPoint() {
        noClasses().should().callMethodWhere(floatingPointConversion())
                .because("BigDecimal.valueOf(double) and JsonNode.doubleValue() round amounts")
                .check(payment);
    }

    private static DescribedPredicate<JavaClass> floating() {
        return DescribedPredicate.describe("double or float", type -> FLOATING.contains(type.getName()));
    }

    private static ArchCondition<JavaCodeUnit> takeOrReturnFloatingPoint() {
        return new ArchCondition<>("take or return double or float") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                boolean floatingParameter = unit.getRawParameterTypes().stream()
                        .anyMatch(type -> FLOATING.contains(type.getName()));
                boolean floatingReturn = FLOATING.contains(unit.getRawReturnType().getName());
                if (floatingParameter || floatingReturn) {
                    // satisfied means violated: the rule says no code unit should do this
                    events.add(SimpleConditionEvent.satisfied(unit, unit.getFullName() + " uses double or float"));
                }
            }
        };
    }

    private static DescribedPredicate<JavaMethodCall> floatingPointConversion() {
        return DescribedPredicate.describe("converts to or from double/float", call -> {
            String name = call.getTarget().getName();
            boolean floatingArgument = call.getTarget().getRawParameterTypes().stream()
                    .anyMatch(type -> FLOATING.contains(type.getName()));
            boolean floatingResult = FLOATING.contains(call.getTarget().getRawReturnType().getName());
            return floatingArgument || floatingResult || name.equals("asDouble") || name.equals("doubleValue")
                    || name.equals("floatValue");
        });
    }
}

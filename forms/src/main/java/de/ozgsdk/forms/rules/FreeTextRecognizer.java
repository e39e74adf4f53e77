package de.ozgsdk.forms.rules;

import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.forms.internal.rules.FreeTextPatterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the German free text of FIM rules ({@code <xdf:definition>} in XDatenfelder 2, {@code <xdf:freitextRegel>}
 * in XDatenfelder 3) into executable rules where the phrase is one it recognises unambiguously, and says for every
 * other rule why it is not executable. Scripts are never executed. Stateless and thread-safe.
 *
 * <pre>{@code
 * FreeTextRecognizer recognizer = new FreeTextRecognizer();
 * Recognition r = recognizer.recognize("R05000281", "Angaben zur Fahrzeughalterin",
 *         "Wenn bei F05001047 \"02 Das Fahrzeug ist auf einen anderen Halter zugelassen.\" angegeben wird, "
 *                 + "dann wird G05000499 zur Pflichtangabe.",
 *         "function script() { }");
 * r.rule().get().condition().canonical(); // F05001047 == "02"
 * r.rule().get().targets();               // [G05000499]
 *
 * RecognitionReport report = RecognitionReport.of(List.of(r));  // FormRules.recognize(schema) for a schema
 * RuleSet rules = report.toRuleSet().overriddenBy(RuleFiles.read(sideFile));
 * }</pre>
 *
 * <p>Recognised phrases ({@link FreeTextPattern}): conditional requirement ("Wenn bei F… "02 …" angegeben wird,
 * dann wird G… zur Pflichtangabe", "Wenn das Feld F… "…" = 97 "Andere", dann muss das Feld F… befüllt sein", "Wenn im
 * Datenfeld F… der Wert 004 angegeben wurde, dann soll F… zum Pflichtfeld werden"), conditional visibility ("F… ist nur
 * dann zu befüllen, wenn F… bejaht wurde", "Wenn F… {@code <>} 97, dann darf die Feldgruppe G… nicht befüllt sein"), one-of
 * ("Es muss entweder die Feldgruppe G… oder die Feldgruppe G… befüllt werden", "Mindestens eines der Felder F…, F…
 * muss befüllt sein"), date order ("F… muss nach F… liegen") and dates relative to today ("F… darf nicht in der
 * Zukunft liegen"). Ids may stand inside quoted labels ({@code "F00004711 Name der Versicherung"}) and in lists; codes
 * are compared with {@code =}/{@code <>} or named with their label; quotes of every style, line breaks (also as
 * {@code &#13;}) and doubled words are tolerated. Each sentence of a text becomes one rule
 * ({@link Recognition#rules()}); a text with a sentence that is not understood is not executable at all
 * ({@link RuleError#TEXT_PARTLY_RECOGNISED}), so a rule is never applied by halves.
 */
public final class FreeTextRecognizer {

    private static final Logger LOG = LoggerFactory.getLogger(FreeTextRecognizer.class);
    private static final int MAX_RULE_ID = 100;

    /**
     * Recognises one FIM rule.
     *
     * @param fimRuleId the rule's id, e.g. {@code R05000281}; becomes the id of the derived rule
     * @param name the rule's name (may be empty)
     * @param freeText {@code definition} (XDF2) or {@code freitextRegel} (XDF3), may be empty
     * @param script {@code script} (XDF2) or {@code skript} (XDF3), may be empty; it is never executed
     * @return the derived rules (one per sentence of the text; the first has the FIM rule's id, the others add
     *     {@code .2}, {@code .3} …) or the reason why there are none; never throws for odd texts
     */
    public Recognition recognize(String fimRuleId, String name, String freeText, String script) {
        Objects.requireNonNull(fimRuleId, "fimRuleId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(freeText, "freeText");
        Objects.requireNonNull(script, "script");
        boolean scriptPresent = !FreeTextPatterns.isTrivialScript(script);
        String ruleId = ruleId(fimRuleId);
        if (freeText.isBlank()) {
            return scriptPresent
                    ? notExecutable(fimRuleId, name, RuleError.TEXT_SCRIPT_NOT_EXECUTED,
                            List.of(Integer.toString(script.length())), true)
                    : notExecutable(fimRuleId, name, RuleError.TEXT_EMPTY, List.of(), false);
        }
        if (freeText.length() > FreeTextPatterns.MAX_TEXT) {
            return notExecutable(fimRuleId, name, RuleError.TEXT_TOO_LONG,
                    List.of(Integer.toString(FreeTextPatterns.MAX_TEXT)), scriptPresent);
        }
        FreeTextPatterns.Result result = FreeTextPatterns.recognise(freeText);
        if (result instanceof FreeTextPatterns.NotFound notFound) {
            boolean nothingFound = notFound.reason() == RuleError.TEXT_NO_PATTERN
                    || notFound.reason() == RuleError.TEXT_NO_ELEMENT_ID;
            if (nothingFound && scriptPresent) {
                return notExecutable(fimRuleId, name, RuleError.TEXT_SCRIPT_NOT_EXECUTED,
                        List.of(Integer.toString(script.length())), true);
            }
            return notExecutable(fimRuleId, name, notFound.reason(), notFound.details(), scriptPresent);
        }
        FreeTextPatterns.Found found = (FreeTextPatterns.Found) result;
        List<ExecutableRule> rules = new ArrayList<>();
        for (FreeTextPatterns.Reading reading : found.readings()) {
            String suffix = "." + (rules.size() + 1);
            String id = rules.isEmpty() ? ruleId
                    : ruleId.substring(0, Math.min(ruleId.length(), MAX_RULE_ID - suffix.length())) + suffix;
            rules.add(rule(id, fimRuleId, name, freeText, reading));
        }
        LOG.debug("FIM rule {} recognised as {}", ruleId,
                found.readings().stream().map(FreeTextPatterns.Reading::pattern).toList());
        return Recognition.executable(fimRuleId, name, rules, scriptPresent);
    }

    private static ExecutableRule rule(String id, String fimRuleId, String name, String freeText,
            FreeTextPatterns.Reading reading) {
        ExecutableRule.Builder rule = ExecutableRule.builder(id, reading.kind(),
                        RuleExpression.parse(reading.expression(), "\"" + id + "\" (FIM)"))
                .targets(reading.targets())
                .origin(RuleOrigin.fimFreeText(fimRuleId, reading.pattern()));
        if (!name.isBlank()) {
            rule.description(name);
        }
        reading.english().ifPresent(english -> rule.message(LocalizedText.builder(normalise(freeText))
                .put(Locale.ENGLISH, english)
                .build()));
        return rule.build();
    }

    private static Recognition notExecutable(String fimRuleId, String name, RuleError reason, List<String> details,
            boolean scriptPresent) {
        return Recognition.notExecutable(fimRuleId, name, RuleFinding.of(fimRuleId, reason, details), scriptPresent);
    }

    /**
     * The FIM rule id if it is a valid rule id, else a cleaned form of it, so that odd ids never fail the import.
     */
    private static String ruleId(String fimRuleId) {
        String cleaned = fimRuleId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (cleaned.length() > MAX_RULE_ID) {
            cleaned = cleaned.substring(0, MAX_RULE_ID);
        }
        return cleaned.isEmpty() ? "fim-rule" : cleaned;
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}

package de.ozgsdk.portal.service;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FimForm;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.render.StepPlan;
import de.ozgsdk.portal.PortalApi;
import de.ozgsdk.portal.PortalError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One online service, defined once and run unchanged on any portal whose profile offers what it needs: id and
 * version, Leika keys, multilingual title and description, the FIM form with its code lists and rules, the steps,
 * the trust level a login must reach (none: no login), the fee rule, where the application goes, what the citizen
 * receives, and which fields are prefilled from the Servicekonto. A service package and the Java builder both
 * produce this object.
 *
 * <pre>{@code
 * OnlineService service = OnlineService.builder("anwohnerparkausweis", "1.0.0")
 *         .leikaKey(LeikaKey.parse("99050012104000"))
 *         .title(LocalizedText.builder("Anwohnerparkausweis beantragen")
 *                 .put(Locale.ENGLISH, "Apply for a residents' parking permit").build())
 *         .form(FimForm.load(fimFile))
 *         .step(LocalizedText.of("Antragsteller"), "G99100000001", "G99100000002")
 *         .step(LocalizedText.of("Fahrzeug"), "G99100000003")
 *         .trustLevel(TrustLevel.SUBSTANTIAL)
 *         .fee(FeeRule.perInstance("G99100000003", Money.ZERO, Money.parse("30.60")))
 *         .backOffice(BackOfficeTarget.applicationMessage(ChannelKind.FIT_CONNECT))
 *         .prefill(PrefillRule.of("G99100000001.F99100000002", PersonAttribute.SURNAME))
 *         .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} checks the whole definition against the form: every top-level element in exactly one
 * step, prefill targets and fee rule references are fields and groups of the form. Immutable and thread-safe.
 */
public final class OnlineService {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
            + "(-[0-9A-Za-z.-]{1,40})?");

    private final String id;
    private final String version;
    private final List<LeikaKey> leikaKeys;
    private final LocalizedText title;
    private final Optional<LocalizedText> description;
    private final FimForm form;
    private final StepPlan steps;
    private final Optional<TrustLevel> trustLevel;
    private final Optional<FeeRule> fee;
    private final BackOfficeTarget backOffice;
    private final Notifications notifications;
    private final List<PrefillRule> prefill;
    private final List<Locale> languages;
    private final int minApiLevel;

    private OnlineService(Builder b, StepPlan steps) {
        this.id = b.id;
        this.version = b.version;
        this.leikaKeys = List.copyOf(b.leikaKeys);
        this.title = b.title;
        this.description = Optional.ofNullable(b.description);
        this.form = b.form;
        this.steps = steps;
        this.trustLevel = Optional.ofNullable(b.trustLevel);
        this.fee = Optional.ofNullable(b.fee);
        this.backOffice = b.backOffice;
        this.notifications = b.notifications;
        this.prefill = List.copyOf(b.prefill);
        this.languages = List.copyOf(b.languages);
        this.minApiLevel = b.minApiLevel;
    }

    /**
     * Starts the definition of a service.
     *
     * @param id      the service id: 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit;
     *                stable across versions, it keys drafts and URLs
     * @param version the version, {@code MAJOR.MINOR.PATCH} with an optional pre-release suffix
     */
    public static Builder builder(String id, String version) {
        return new Builder(id, version);
    }

    /** The service id, stable across versions. */
    public String id() {
        return id;
    }

    /** The version ({@code MAJOR.MINOR.PATCH}). */
    public String version() {
        return version;
    }

    /** The Leika keys of the services this online service implements, at least one, the main one first. */
    public List<LeikaKey> leikaKeys() {
        return leikaKeys;
    }

    /** The title shown to the citizen. */
    public LocalizedText title() {
        return title;
    }

    /** A short description for service lists and search engines. */
    public Optional<LocalizedText> description() {
        return description;
    }

    /** The FIM form with its code lists and rules. */
    public FimForm form() {
        return form;
    }

    /** The steps (pages) of the form, checked against it. */
    public StepPlan steps() {
        return steps;
    }

    /** The trust level a login must reach; empty when the service needs no login. */
    public Optional<TrustLevel> trustLevel() {
        return trustLevel;
    }

    /** The fee rule; empty when the service is free. */
    public Optional<FeeRule> fee() {
        return fee;
    }

    /** Where the finished application goes. */
    public BackOfficeTarget backOffice() {
        return backOffice;
    }

    /** What the citizen receives after submitting. */
    public Notifications notifications() {
        return notifications;
    }

    /** The fields filled from the Servicekonto after login. */
    public List<PrefillRule> prefill() {
        return prefill;
    }

    /** The languages the service is offered in, German first. */
    public List<Locale> languages() {
        return languages;
    }

    /** The lowest runtime API level ({@link PortalApi#LEVEL}) the service needs. */
    public int minApiLevel() {
        return minApiLevel;
    }

    /** Id and version, e.g. {@code anwohnerparkausweis 1.0.0}. */
    @Override
    public String toString() {
        return id + " " + version;
    }

    /** Collects the parts of an {@link OnlineService}; {@link #build()} checks them together. */
    public static final class Builder {
        private final String id;
        private final String version;
        private final List<LeikaKey> leikaKeys = new ArrayList<>();
        private LocalizedText title;
        private LocalizedText description;
        private FimForm form;
        private final List<LocalizedText> stepTitles = new ArrayList<>();
        private final List<String[]> stepElements = new ArrayList<>();
        private TrustLevel trustLevel;
        private FeeRule fee;
        private BackOfficeTarget backOffice;
        private Notifications notifications = Notifications.defaults();
        private final List<PrefillRule> prefill = new ArrayList<>();
        private final Set<Locale> languages = new LinkedHashSet<>(List.of(Locale.GERMAN));
        private int minApiLevel = PortalApi.LEVEL;

        private Builder(String id, String version) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(version, "version");
            if (!ID.matcher(id).matches()) {
                throw invalid(id, "the id is not 1 to 64 lower-case letters, digits and hyphens");
            }
            if (!VERSION.matcher(version).matches()) {
                throw invalid(id, "the version \"" + version + "\" is not MAJOR.MINOR.PATCH (e.g. 1.0.0)");
            }
            this.id = id;
            this.version = version;
        }

        /** Adds a Leika key; the first one added is the main one. */
        public Builder leikaKey(LeikaKey key) {
            leikaKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** Sets the title shown to the citizen (required). */
        public Builder title(LocalizedText title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /** Sets the short description. */
        public Builder description(LocalizedText description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** Sets the FIM form (required). */
        public Builder form(FimForm form) {
            this.form = Objects.requireNonNull(form, "form");
            return this;
        }

        /**
         * Adds a step with these top-level elements of the form (FIM ids). Without any step, each top-level group is
         * one step ({@link StepPlan#byTopLevelGroups}).
         */
        public Builder step(LocalizedText title, String... elementIds) {
            stepTitles.add(Objects.requireNonNull(title, "title"));
            stepElements.add(elementIds.clone());
            return this;
        }

        /** Requires a login at this trust level or higher; without it the service needs no login. */
        public Builder trustLevel(TrustLevel level) {
            this.trustLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /** Sets the fee rule; without it the service is free. */
        public Builder fee(FeeRule fee) {
            this.fee = Objects.requireNonNull(fee, "fee");
            return this;
        }

        /** Sets where the finished application goes (required). */
        public Builder backOffice(BackOfficeTarget target) {
            this.backOffice = Objects.requireNonNull(target, "target");
            return this;
        }

        /** Replaces the default texts of the postbox message and the receipt. */
        public Builder notifications(Notifications notifications) {
            this.notifications = Objects.requireNonNull(notifications, "notifications");
            return this;
        }

        /** Adds a prefill rule. */
        public Builder prefill(PrefillRule rule) {
            prefill.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Adds a language besides German, in which the service is offered. */
        public Builder language(Locale language) {
            languages.add(Locale.forLanguageTag(Objects.requireNonNull(language, "language").getLanguage()));
            return this;
        }

        /** Sets the lowest runtime API level the service needs (default: the level of this SDK). */
        public Builder minApiLevel(int level) {
            if (level < 1) {
                throw invalid(id, "the minimum API level must be 1 or more, is " + level);
            }
            this.minApiLevel = level;
            return this;
        }

        /**
         * The service.
         *
         * @throws InvalidInputException ({@link PortalError}) naming the first missing or inconsistent part
         */
        public OnlineService build() {
            if (leikaKeys.isEmpty()) {
                throw invalid(id, "no Leika key is given");
            }
            if (title == null) {
                throw invalid(id, "no title is given");
            }
            if (form == null) {
                throw invalid(id, "no FIM form is given");
            }
            if (backOffice == null) {
                throw invalid(id, "no back-office target is given");
            }
            StepPlan plan = stepPlan();
            for (PrefillRule rule : prefill) {
                Optional<ElementRef> target = resolve(form, rule.target());
                if (target.isEmpty() || !(target.get().element() instanceof Field)) {
                    throw new InvalidInputException(PortalError.SERVICE_PREFILL_INVALID, id, rule.target(),
                            "the form " + form.schema().id().id() + " has no field at this path");
                }
            }
            if (fee != null) {
                for (DataPath path : fee.references()) {
                    Optional<ElementRef> ref = resolve(form, path);
                    boolean groupNeeded = fee instanceof FeeRule.PerInstance;
                    if (ref.isEmpty() || (ref.get().element() instanceof FieldGroup) != groupNeeded) {
                        throw new InvalidInputException(PortalError.SERVICE_FEE_RULE_INVALID, id, "the form "
                                + form.schema().id().id() + " has no " + (groupNeeded ? "group" : "field")
                                + " at " + path);
                    }
                }
            }
            return new OnlineService(this, plan);
        }

        private StepPlan stepPlan() {
            try {
                if (stepTitles.isEmpty()) {
                    return StepPlan.byTopLevelGroups(form.schema());
                }
                StepPlan.Builder plan = StepPlan.builder(form.schema());
                for (int i = 0; i < stepTitles.size(); i++) {
                    plan.step(stepTitles.get(i), stepElements.get(i));
                }
                return plan.build();
            } catch (OzgException e) {
                throw new InvalidInputException(PortalError.SERVICE_STEP_INVALID, e, id, e.getMessage());
            }
        }
    }

    /** The element at {@code path} (indexes ignored), walking down from the form's top-level elements. */
    static Optional<ElementRef> resolve(FimForm form, DataPath path) {
        List<ElementRef> level = form.schema().children();
        ElementRef found = null;
        for (DataPath.Segment segment : path.segments()) {
            if (found != null) {
                if (!(found.element() instanceof FieldGroup group)) {
                    return Optional.empty();
                }
                level = group.children();
            }
            found = level.stream().filter(ref -> ref.id().id().equals(segment.id())).findFirst().orElse(null);
            if (found == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(found);
    }

    private static InvalidInputException invalid(String id, String what) {
        return new InvalidInputException(PortalError.SERVICE_DEFINITION_INVALID, id, what);
    }
}

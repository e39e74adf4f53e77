package de.ozgsdk.portal.profile;

import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.XdfVersion;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.FeeRule;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.service.PrefillRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks whether an online service runs on a portal, before it is deployed there: the service is built once and
 * runs unchanged on the central portal and on legacy portals, as far as each portal's {@link PortalProfile} offers
 * what it needs.
 *
 * <pre>{@code
 * CompatibilityReport report = CompatibilityCheck.check(pkg.service(), PortalProfile.legacy());
 * report.blockers().forEach(b -> System.out.println(b.concerns() + ": " + b.message(Locale.GERMAN)));
 * report.degradations().forEach(d -> System.out.println(d.concerns() + ": " + d.message(Locale.GERMAN)));
 * report.requireRunnable(); // the runtime does this before it starts the service: OZG-PORTAL-240
 * }</pre>
 *
 * <p><b>Blockers</b> (the service cannot run): a trust level above every login of the portal (210), a fee without a
 * payment provider (211), no back-office channel kind in common (212), an XDatenfelder version the portal does not
 * import (213), a minimum API level above the portal's (214), a portal without German (215).
 *
 * <p><b>Degradations</b> (it runs, differently): no postbox, so the receipt is only a download (230); languages of the
 * service the portal does not offer (231); a prefill attribute that no login reaching the service's trust level
 * delivers, so the citizen types it in (232); logins of the portal that do not reach the trust level (233);
 * back-office channel kinds of the service the portal lacks (234).
 */
public final class CompatibilityCheck {

    private CompatibilityCheck() {
    }

    /** Compares the service with the portal's profile. */
    public static CompatibilityReport check(OnlineService service, PortalProfile profile) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(profile, "profile");
        List<CompatibilityItem> blockers = new ArrayList<>();
        List<CompatibilityItem> degradations = new ArrayList<>();
        String id = service.toString();
        String portal = profile.name();

        service.trustLevel().ifPresent(needed -> trust(needed, profile, id, blockers, degradations));
        if (charges(service) && profile.paymentProviders().isEmpty()) {
            blockers.add(item(PortalError.COMPAT_PAYMENT, "fee", id, portal));
        }
        channels(service, profile, id, blockers, degradations);
        XdfVersion xdf = service.form().schema().xdfVersion();
        if (!profile.xdfVersions().contains(xdf)) {
            blockers.add(item(PortalError.COMPAT_XDF_VERSION, "form", id, xdfName(xdf),
                    profile.xdfVersions().stream().sorted().map(CompatibilityCheck::xdfName)
                            .collect(Collectors.joining(", ")), portal));
        }
        if (service.minApiLevel() > profile.apiLevel()) {
            blockers.add(item(PortalError.COMPAT_API_LEVEL, "minApiLevel", id, service.minApiLevel(),
                    profile.apiLevel(), portal));
        }
        if (!profile.languages().contains(Locale.GERMAN)) {
            blockers.add(item(PortalError.COMPAT_GERMAN, "languages", portal));
        }
        if (profile.postboxes().isEmpty()) {
            degradations.add(item(PortalError.COMPAT_NO_POSTBOX, "notifications", portal));
        }
        List<String> missingLanguages = service.languages().stream().filter(l -> !profile.languages().contains(l))
                .map(Locale::getLanguage).toList();
        if (!missingLanguages.isEmpty()) {
            degradations.add(item(PortalError.COMPAT_LANGUAGES, "languages", String.join(", ", missingLanguages),
                    portal));
        }
        prefill(service, profile, degradations);
        return new CompatibilityReport(id, portal, blockers, degradations);
    }

    private static void trust(TrustLevel needed, PortalProfile profile, String id, List<CompatibilityItem> blockers,
                              List<CompatibilityItem> degradations) {
        Optional<TrustLevel> reached = profile.maxTrustLevel();
        if (reached.isEmpty() || !reached.get().isAtLeast(needed)) {
            blockers.add(item(PortalError.COMPAT_TRUST_LEVEL, "trustLevel", id, needed,
                    reached.map(TrustLevel::name).orElse("-"), profile.name()));
            return;
        }
        String weak = profile.loginProviders().stream().filter(p -> !p.maxTrustLevel().isAtLeast(needed))
                .map(LoginProvider::name).collect(Collectors.joining(", "));
        if (!weak.isEmpty()) {
            degradations.add(item(PortalError.COMPAT_WEAK_LOGINS, "trustLevel", weak, needed));
        }
    }

    /** Whether the service may charge anything: a fixed fee of zero needs no payment provider. */
    private static boolean charges(OnlineService service) {
        return service.fee().filter(fee -> !(fee instanceof FeeRule.Fixed fixed && fixed.fee().isZero())).isPresent();
    }

    private static void channels(OnlineService service, PortalProfile profile, String id,
                                 List<CompatibilityItem> blockers, List<CompatibilityItem> degradations) {
        Set<ChannelKind> wanted = service.backOffice().channels();
        Set<ChannelKind> missing = EnumSet.noneOf(ChannelKind.class);
        wanted.stream().filter(c -> !profile.channels().contains(c)).forEach(missing::add);
        if (missing.size() == wanted.size()) {
            blockers.add(item(PortalError.COMPAT_CHANNEL, "backOffice.channels", id, PortalProfile.names(wanted),
                    PortalProfile.names(profile.channels()), profile.name()));
        } else if (!missing.isEmpty()) {
            degradations.add(item(PortalError.COMPAT_CHANNELS_PARTIAL, "backOffice.channels",
                    PortalProfile.names(missing), profile.name()));
        }
    }

    /**
     * A prefill works when a login that reaches the service's trust level delivers the attribute: a citizen who logs
     * in with a weaker one cannot use the service anyway.
     */
    private static void prefill(OnlineService service, PortalProfile profile, List<CompatibilityItem> degradations) {
        Set<PersonAttribute> delivered = EnumSet.noneOf(PersonAttribute.class);
        profile.loginProviders().stream()
                .filter(p -> service.trustLevel().map(p.maxTrustLevel()::isAtLeast).orElse(true))
                .forEach(p -> delivered.addAll(p.attributes()));
        for (PrefillRule rule : service.prefill()) {
            if (!delivered.contains(rule.source())) {
                degradations.add(item(PortalError.COMPAT_PREFILL_ATTRIBUTE, "prefill/" + rule.target(),
                        rule.target(), rule.source(), profile.name()));
            }
        }
    }

    private static String xdfName(XdfVersion version) {
        return version == XdfVersion.XDF2 ? "2.0" : "3.0.0";
    }

    private static CompatibilityItem item(PortalError code, String concerns, Object... arguments) {
        List<String> texts = new ArrayList<>();
        for (Object argument : arguments) {
            texts.add(String.valueOf(argument));
        }
        return new CompatibilityItem(code, concerns, texts);
    }
}

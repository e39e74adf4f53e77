package de.ozgsdk.sandbox.epaybl;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.sandbox.Answer;
import de.ozgsdk.sandbox.Fault;
import de.ozgsdk.sandbox.MockRequest;
import de.ozgsdk.sandbox.MockServer;
import de.ozgsdk.sandbox.SandboxError;
import de.ozgsdk.sandbox.epaybl.internal.SoapXml;
import de.ozgsdk.sandbox.epaybl.internal.SoapXml.Call;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A classic ePayBL server: the SOAP 1.1 web service ({@code POST /soap/servlet/rpcrouter}, namespace
 * {@code http://www.bff.bund.de/ePayment}) with {@code isAlive}, {@code anlegenKunde}, {@code loeschenKunde},
 * {@code anlegenKassenzeichenMitZahlverfahrenlisteMitBLP}, {@code lesenTransaktion} and
 * {@code lesenKassenzeichenInfo}, and the Paypage ({@code GET /paypage/login.do}) where a citizen pays or cancels and
 * is sent to the backlinks. Each answer carries {@code ergebnis{istOk, code, kurzText, langText}}; refusals use the
 * codes of {@link Code}.
 *
 * <pre>{@code
 * EpayblMock epaybl = EpayblMock.builder().mandant("1610000000", "42").start(); // mutual TLS, its own PKI
 * URI service = epaybl.serviceUrl();        // the SOAP endpoint
 * URI paypage = epaybl.paypageUrl();        // …/paypage/login.do
 * epaybl.faultOn("anlegenKassenzeichenMitZahlverfahrenlisteMitBLP",
 *         Fault.systemError(EpayblMock.Error.ANSWER_LOST).once()); // creates it, the answer is lost
 * epaybl.refuseNext("anlegenKunde", EpayblMock.Code.BEWIRTSCHAFTER_UNBEKANNT); // istOk=false once
 * epaybl.slowInaktiv(3);                    // after paying, three reads still answer AKTIV
 * }</pre>
 *
 * <p>All SOAP operations share one path, so the shape's {@code faults()} hit whatever call comes next;
 * {@link #faultOn(String, Fault)} scopes a fault to one operation. Own errors ({@link Error}): a SOAP fault, a
 * maintenance window answering istOk=false, an answer lost after the work was done, a non-SOAP page, and a Paypage
 * that sends the browser to a tampered backlink.
 */
public final class EpayblMock extends MockServer {

    /** The path of the SOAP endpoint. */
    public static final String SERVICE_PATH = "/soap/servlet/rpcrouter";
    /** The path of the Paypage's login. */
    public static final String PAYPAGE_PATH = "/paypage/login.do";
    /** The Paypage status while the Kassenzeichen is open. */
    public static final String AKTIV = "AKTIV";
    /** The Paypage status once the citizen finished paying. */
    public static final String INAKTIV = "INAKTIV";
    /** The operations the mock serves. */
    public static final Set<String> OPERATIONS = Set.of("isAlive", "anlegenKunde", "loeschenKunde",
            "anlegenKassenzeichenMitZahlverfahrenlisteMitBLP", "lesenTransaktion", "lesenKassenzeichenInfo");

    /** The mock's own errors, for {@link Fault#systemError(Enum)} and {@link #faultOn(String, Fault)}. */
    public enum Error {
        /** A SOAP fault ({@code soapenv:Server}) with HTTP 500. */
        SOAP_FAULT,
        /** A maintenance window: every operation answers istOk=false with {@link Code#WARTUNG}. */
        WARTUNG,
        /** The operation is carried out, then the connection is dropped: the client never learns the result. */
        ANSWER_LOST,
        /** HTTP 200 with an HTML page, as a misconfigured proxy answers. */
        NOT_SOAP,
        /** The Paypage sends the browser to the success backlink with another Kassenzeichen in it. */
        BACKLINK_TAMPERED
    }

    /** The {@code ergebnis} codes the mock answers with istOk=false (values of the mock, see SANDBOX.md). */
    public enum Code {
        /** The {@code mandantNr} is not known. */
        MANDANT_UNBEKANNT("-100", "Mandant unbekannt"),
        /** The {@code bewirtschafterNr} does not belong to the Mandant. */
        BEWIRTSCHAFTER_UNBEKANNT("-110", "Bewirtschafter unbekannt"),
        /** A customer with this {@code EShopKundenNr} exists already. */
        KUNDE_EXISTIERT("-198", "Kunde existiert bereits"),
        /** No customer has this {@code EShopKundenNr} (the code production clients check for). */
        KUNDE_UNBEKANNT("-199", "Kunde unbekannt"),
        /** A part of the request is missing or malformed. */
        PARAMETER_FEHLT("-200", "Parameter fehlt"),
        /** {@code betrag} is not the sum of the {@code buchungen}, or not positive. */
        BETRAG_FALSCH("-300", "Betrag falsch"),
        /** The currency is not EUR. */
        WAEHRUNG_FALSCH("-310", "Waehrung falsch"),
        /** Kassenzeichen + "/" + Buchungstext has more than 27 characters. */
        VERWENDUNGSZWECK_ZU_LANG("-330", "Verwendungszweck zu lang"),
        /** The Kassenzeichen is not known for the Mandant. */
        KASSENZEICHEN_UNBEKANNT("-400", "Kassenzeichen unbekannt"),
        /** No Kassenzeichen was created with this {@code EShopTransaktionsNr}. */
        TRANSAKTION_UNBEKANNT("-410", "Transaktion unbekannt"),
        /** The service is in maintenance. */
        WARTUNG("-900", "Wartungsarbeiten");

        private final String code;
        private final String kurzText;

        Code(String code, String kurzText) {
            this.code = code;
            this.kurzText = kurzText;
        }

        /** The value of {@code ergebnis/code}. */
        public String code() {
            return code;
        }

        /** The value of {@code ergebnis/kurzText}. */
        public String kurzText() {
            return kurzText;
        }
    }

    private static final Pattern KASSENZEICHEN_OR_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final int MAX_VERWENDUNGSZWECK = 27;

    private final Map<String, String> mandanten;
    private final int kassenzeichenLength;
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, String> customers = new LinkedHashMap<>();
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final List<Scoped> scoped = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private int slowInaktivReads;

    private EpayblMock(Builder builder) {
        super(builder, "epaybl", Arrays.stream(Error.values()).map(Enum::name).toList());
        this.mandanten = builder.mandanten.isEmpty() ? Map.of("1610000000", "42") : Map.copyOf(builder.mandanten);
        this.kassenzeichenLength = builder.kassenzeichenLength;
    }

    /** A builder: https with mutual TLS (clients of the mock's own PKI), Mandant 1610000000 / Bewirtschafter 42. */
    public static Builder builder() {
        return new Builder().requireClientCertificate();
    }

    /** The SOAP endpoint. */
    public URI serviceUrl() {
        return uri(SERVICE_PATH);
    }

    /** The Paypage's {@code login.do}. */
    public URI paypageUrl() {
        return uri(PAYPAGE_PATH);
    }

    /**
     * Applies {@code fault} (latency, status, hang, drop or one of {@link Error}) to calls of {@code operation} only,
     * as many times as the fault says.
     *
     * @throws InvalidInputException for an operation the mock does not serve or a system error it does not know
     */
    public void faultOn(String operation, Fault fault) {
        requireOperation(operation);
        Objects.requireNonNull(fault, "fault");
        if (fault.kind() == Fault.Kind.SYSTEM_ERROR && faults().systemErrors().stream()
                .noneMatch(fault.systemError()::equals)) {
            throw new InvalidInputException(SandboxError.SYSTEM_ERROR_UNKNOWN, name(), fault.systemError(),
                    faults().systemErrors());
        }
        synchronized (this) {
            scoped.add(new Scoped(operation, fault, fault.times().orElse(Integer.MAX_VALUE)));
        }
    }

    /** The next call of {@code operation} answers istOk=false with {@code code}. */
    public void refuseNext(String operation, Code code) {
        requireOperation(operation);
        synchronized (this) {
            refusals.add(new Refusal(operation, Objects.requireNonNull(code, "code")));
        }
    }

    /**
     * A slow INAKTIV transition: after the citizen paid, the next {@code reads} calls of {@code lesenKassenzeichenInfo}
     * for that Kassenzeichen still answer {@code AKTIV}. Applies to payments made from now on; 0 (the default) ends it.
     */
    public synchronized void slowInaktiv(int reads) {
        if (reads < 0) {
            throw new InvalidInputException(SandboxError.SETTING_OUT_OF_RANGE, "slowInaktiv", reads, ">= 0");
        }
        slowInaktivReads = reads;
    }

    /** Every Kassenzeichen the mock issued, oldest first. */
    public synchronized List<EpayblKassenzeichen> kassenzeichen() {
        return held.values().stream().map(Held::view).toList();
    }

    /** The Kassenzeichen issued with {@code eShopTransaktionsNr} (more than one means a payment was created twice). */
    public synchronized List<EpayblKassenzeichen> kassenzeichenOf(String eShopTransaktionsNr) {
        return held.values().stream().filter(h -> eShopTransaktionsNr.equals(h.transaktionsNr)).map(Held::view)
                .toList();
    }

    /** The pseudo customers that exist now (a client deletes each after creating its Kassenzeichen). */
    public synchronized List<String> customers() {
        return List.copyOf(customers.keySet());
    }

    @Override
    protected Answer handle(MockRequest request) {
        if (request.path().equals(SERVICE_PATH)) {
            if (!request.method().equals("POST")) {
                return Answer.status(405).header("Allow", "POST");
            }
            Call call;
            try {
                call = SoapXml.read(request.body());
            } catch (RuntimeException e) {
                return soapFault("soapenv:Client", "unreadable request: " + e.getMessage());
            }
            return scopedFault(call.operation()).map(fault -> applyScoped(fault, request, call))
                    .orElseGet(() -> operation(call));
        }
        if (request.path().equals(PAYPAGE_PATH) && request.method().equals("GET")) {
            return loginPage(request);
        }
        if (request.path().equals("/paypage/pay") && request.method().equals("POST")) {
            return pay(form(request), false);
        }
        if (request.path().equals("/paypage/abort") && request.method().equals("POST")) {
            return abort(form(request));
        }
        return Answer.status(404);
    }

    @Override
    protected Answer systemError(String error, MockRequest request) {
        if (request.path().startsWith("/paypage/")) {
            if (Error.valueOf(error) == Error.BACKLINK_TAMPERED && request.path().equals("/paypage/pay")) {
                return pay(form(request), true);
            }
            return handle(request);
        }
        Call call;
        try {
            call = SoapXml.read(request.body());
        } catch (RuntimeException e) {
            return soapFault("soapenv:Client", "unreadable request: " + e.getMessage());
        }
        return soapError(Error.valueOf(error), call);
    }

    @Override
    protected String summariseBody(MockRequest request) {
        if (request.path().equals(SERVICE_PATH)) {
            String operation;
            try {
                operation = SoapXml.read(request.body()).operation();
            } catch (RuntimeException e) {
                operation = "?";
            }
            return "operation " + operation + ", " + summarise(request.body());
        }
        return summarise(request.body());
    }

    @Override
    protected Set<String> recordedHeaders() {
        return Set.of("content-type", "content-length", "soapaction");
    }

    @Override
    protected Optional<Answer> admin(MockRequest request) {
        String resource = request.path().substring(ADMIN_PREFIX.length());
        return Optional.ofNullable(switch (request.method() + " " + resource) {
            case "POST epaybl/slow-inaktiv" -> {
                slowInaktiv(reads(request.queryParameter("reads").orElse("")));
                yield Answer.status(204);
            }
            case "POST epaybl/refuse" -> {
                refuseNext(request.queryParameter("operation").orElse(""),
                        code(request.queryParameter("code").orElse("")));
                yield Answer.status(204);
            }
            case "GET epaybl/kassenzeichen" -> Answer.json(200, kassenzeichenJson());
            default -> null;
        });
    }

    private static int reads(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(SandboxError.SETTING_OUT_OF_RANGE, "reads", text, "a number >= 0");
        }
    }

    private static Code code(String name) {
        return Arrays.stream(Code.values()).filter(code -> code.name().equals(name)).findFirst().orElseThrow(
                () -> new InvalidInputException(SandboxError.EPAYBL_CODE_UNKNOWN, name, Arrays.toString(Code.values())));
    }

    // ---- SOAP operations ------------------------------------------------------------------------------------------

    private Answer operation(Call call) {
        Optional<Code> refused = takeRefusal(call.operation());
        if (refused.isPresent()) {
            return refusal(call.operation(), refused.get(), "vom Test vorgegeben");
        }
        return switch (call.operation()) {
            case "isAlive" -> isAlive(call);
            case "anlegenKunde" -> anlegenKunde(call);
            case "loeschenKunde" -> loeschenKunde(call);
            case "anlegenKassenzeichenMitZahlverfahrenlisteMitBLP" -> anlegenKassenzeichen(call);
            case "lesenTransaktion" -> lesenTransaktion(call);
            case "lesenKassenzeichenInfo" -> lesenKassenzeichenInfo(call);
            default -> soapFault("soapenv:Client", "unknown operation " + call.operation());
        };
    }

    private Answer isAlive(Call call) {
        Optional<Answer> mandant = checkMandant(call, false);
        if (mandant.isPresent()) {
            return mandant.get();
        }
        // isAlive answers the Ergebnis itself, without the ergebnis wrapper
        Map<String, Object> result = ergebnis(true, "0", "OK", "ePayment ist verfügbar");
        return soap(call.operation(), result);
    }

    private synchronized Answer anlegenKunde(Call call) {
        Optional<Answer> mandant = checkMandant(call, true);
        if (mandant.isPresent()) {
            return mandant.get();
        }
        String kunde = call.text("kunde", "EShopKundenNr").orElse("");
        if (kunde.isEmpty() || kunde.length() > 100) {
            return refusal(call.operation(), Code.PARAMETER_FEHLT, "kunde/EShopKundenNr fehlt oder ist zu lang");
        }
        if (customers.containsKey(kunde)) {
            return refusal(call.operation(), Code.KUNDE_EXISTIERT, "EShopKundenNr ist schon vergeben");
        }
        customers.put(kunde, call.text("mandantNr").orElseThrow());
        return ok(call.operation(), SoapXml.tree());
    }

    private synchronized Answer loeschenKunde(Call call) {
        Optional<Answer> mandant = checkMandant(call, true);
        if (mandant.isPresent()) {
            return mandant.get();
        }
        String kunde = call.text("EShopKundenNr").orElse("");
        if (customers.remove(kunde) == null) {
            return refusal(call.operation(), Code.KUNDE_UNBEKANNT, "kein Kunde mit dieser EShopKundenNr");
        }
        return ok(call.operation(), SoapXml.tree());
    }

    private synchronized Answer anlegenKassenzeichen(Call call) {
        Optional<Answer> mandant = checkMandant(call, false);
        if (mandant.isPresent()) {
            return mandant.get();
        }
        String mandantNr = call.text("mandantNr").orElseThrow();
        String kunde = call.text("eShopKundenNr").orElse("");
        if (!mandantNr.equals(customers.get(kunde))) {
            return refusal(call.operation(), Code.KUNDE_UNBEKANNT, "eShopKundenNr ist kein Kunde des Mandanten");
        }
        if (!mandanten.get(mandantNr).equals(call.text("buchungsListe", "bewirtschafterNr").orElse(""))) {
            return refusal(call.operation(), Code.BEWIRTSCHAFTER_UNBEKANNT, "buchungsListe/bewirtschafterNr");
        }
        if (!"EUR".equals(call.text("buchungsListe", "waehrungskennzeichen").orElse(""))) {
            return refusal(call.operation(), Code.WAEHRUNG_FALSCH, "nur EUR ist vorgesehen");
        }
        Optional<BigDecimal> betrag = decimal(call.text("buchungsListe", "betrag"));
        List<Call> buchungen = call.list("buchungsListe", "buchungen");
        BigDecimal sum = BigDecimal.ZERO;
        List<String> texte = new ArrayList<>();
        for (Call buchung : buchungen) {
            Optional<BigDecimal> einzel = decimal(buchung.text("betrag"));
            String text = buchung.text("buchungstext").orElse("");
            if (einzel.isEmpty() || text.isEmpty() || buchung.text("haushaltsstelle").orElse("").isEmpty()) {
                return refusal(call.operation(), Code.PARAMETER_FEHLT,
                        "jede Buchung braucht betrag, buchungstext und haushaltsstelle");
            }
            sum = sum.add(einzel.get());
            texte.add(text);
        }
        if (buchungen.isEmpty() || betrag.isEmpty() || betrag.get().signum() <= 0
                || betrag.get().compareTo(sum) != 0) {
            return refusal(call.operation(), Code.BETRAG_FALSCH, "betrag muss die Summe der Buchungen sein");
        }
        String kassenzeichen = nextKassenzeichen();
        for (String text : texte) {
            if (kassenzeichen.length() + 1 + text.length() > MAX_VERWENDUNGSZWECK) {
                counter.decrementAndGet();
                return refusal(call.operation(), Code.VERWENDUNGSZWECK_ZU_LANG,
                        "Kassenzeichen/Buchungstext hat mehr als 27 Zeichen");
            }
        }
        Optional<String> transaktionsNr = call.text("buchungsListe", "EShopTransaktionsNr").filter(s -> !s.isEmpty());
        held.put(kassenzeichen, new Held(kassenzeichen, mandantNr, kunde, transaktionsNr.orElse(null), betrag.get(),
                texte));
        Map<String, Object> liste = SoapXml.tree();
        liste.put("betrag", betrag.get().toPlainString());
        liste.put("bewirtschafterNr", mandanten.get(mandantNr));
        transaktionsNr.ifPresent(nr -> liste.put("EShopTransaktionsNr", nr));
        liste.put("kassenzeichen", kassenzeichen);
        liste.put("waehrungskennzeichen", "EUR");
        Map<String, Object> result = SoapXml.tree();
        result.put("buchungsListe", liste);
        return ok(call.operation(), result);
    }

    private synchronized Answer lesenTransaktion(Call call) {
        Optional<Answer> mandant = checkMandant(call, false);
        if (mandant.isPresent()) {
            return mandant.get();
        }
        String mandantNr = call.text("mandantNr").orElseThrow();
        String nr = call.text("eShopTransaktionsNr").orElse("");
        Optional<Held> found = held.values().stream()
                .filter(h -> h.mandantNr.equals(mandantNr) && nr.equals(h.transaktionsNr)).findFirst();
        if (found.isEmpty()) {
            return refusal(call.operation(), Code.TRANSAKTION_UNBEKANNT, "keine Transaktion mit dieser Nummer");
        }
        Map<String, Object> liste = SoapXml.tree();
        liste.put("betrag", found.get().betrag.toPlainString());
        liste.put("EShopTransaktionsNr", nr);
        liste.put("kassenzeichen", found.get().kassenzeichen);
        liste.put("waehrungskennzeichen", "EUR");
        Map<String, Object> result = SoapXml.tree();
        result.put("buchungsListe", liste);
        return ok(call.operation(), result);
    }

    private synchronized Answer lesenKassenzeichenInfo(Call call) {
        Optional<Answer> mandant = checkMandant(call, false);
        if (mandant.isPresent()) {
            return mandant.get();
        }
        String mandantNr = call.text("mandantNr").orElseThrow();
        Held kz = held.get(call.text("kassenzeichen").orElse(""));
        if (kz == null || !kz.mandantNr.equals(mandantNr)) {
            return refusal(call.operation(), Code.KASSENZEICHEN_UNBEKANNT, "Kassenzeichen nicht gefunden");
        }
        String status = AKTIV;
        if (kz.bezahlt) {
            if (kz.readsUntilInaktiv > 0) {
                kz.readsUntilInaktiv--;
            } else {
                status = INAKTIV;
            }
        }
        Map<String, Object> result = SoapXml.tree();
        result.put("kassenzeichen", kz.kassenzeichen);
        result.put("EShopKundennummer", kz.kunde);
        result.put("betragHauptforderungen", kz.betrag.toPlainString());
        result.put("betragZahlungseingaenge", INAKTIV.equals(status) ? kz.betrag.toPlainString() : "0.00");
        if (INAKTIV.equals(status)) {
            result.put("zahlverfahren", kz.zahlverfahren);
        }
        Map<String, Object> paypageStatus = SoapXml.tree();
        paypageStatus.put("code", status);
        result.put("paypageStatus", paypageStatus);
        return ok(call.operation(), result);
    }

    private Optional<Answer> checkMandant(Call call, boolean withBewirtschafter) {
        String mandantNr = call.text("mandantNr").orElse("");
        if (!mandanten.containsKey(mandantNr)) {
            return Optional.of(refusal(call.operation(), Code.MANDANT_UNBEKANNT, "mandantNr ist nicht eingerichtet"));
        }
        if (withBewirtschafter && !mandanten.get(mandantNr).equals(call.text("bewirtschafterNr").orElse(""))) {
            return Optional.of(refusal(call.operation(), Code.BEWIRTSCHAFTER_UNBEKANNT,
                    "bewirtschafterNr gehört nicht zum Mandanten"));
        }
        return Optional.empty();
    }

    private String nextKassenzeichen() {
        String number = Long.toString(counter.incrementAndGet());
        return "4" + "0".repeat(Math.max(0, kassenzeichenLength - 1 - number.length())) + number;
    }

    // ---- answers --------------------------------------------------------------------------------------------------

    private static Map<String, Object> ergebnis(boolean ok, String code, String kurzText, String langText) {
        Map<String, Object> ergebnis = SoapXml.tree();
        ergebnis.put("istOk", Boolean.toString(ok));
        ergebnis.put("code", code);
        ergebnis.put("kurzText", kurzText);
        ergebnis.put("langText", langText);
        return ergebnis;
    }

    private static Answer ok(String operation, Map<String, Object> rest) {
        Map<String, Object> result = SoapXml.tree();
        result.put("ergebnis", ergebnis(true, "0", "OK", "Verarbeitung erfolgreich"));
        result.putAll(rest);
        return soap(operation, result);
    }

    private static Answer refusal(String operation, Code code, String langText) {
        Map<String, Object> result = SoapXml.tree();
        Map<String, Object> ergebnis = ergebnis(false, code.code(), code.kurzText(), langText);
        if (operation.equals("isAlive")) {
            result = ergebnis;
        } else {
            result.put("ergebnis", ergebnis);
        }
        return soap(operation, result);
    }

    private static Answer soap(String operation, Map<String, Object> result) {
        return Answer.of(200, "text/xml; charset=utf-8", SoapXml.response(operation, result));
    }

    private static Answer soapFault(String faultCode, String faultString) {
        return Answer.of(500, "text/xml; charset=utf-8", SoapXml.fault(faultCode, faultString));
    }

    private Answer soapError(Error error, Call call) {
        return switch (error) {
            case SOAP_FAULT -> soapFault("soapenv:Server", "interner Fehler im ePayment-System");
            case WARTUNG -> refusal(call.operation(), Code.WARTUNG, "Das ePayment-System wird gewartet");
            case ANSWER_LOST -> {
                operation(call);
                yield Answer.drop();
            }
            case NOT_SOAP -> Answer.text(200, "text/html; charset=utf-8",
                    "<html><body><h1>Proxy</h1><p>Bitte melden Sie sich an.</p></body></html>");
            case BACKLINK_TAMPERED -> operation(call);
        };
    }

    private Answer applyScoped(Fault fault, MockRequest request, Call call) {
        pause(fault.delay());
        return switch (fault.kind()) {
            case LATENCY -> operation(call);
            case STATUS -> Answer.text(fault.status(), fault.body().isEmpty() ? "" : fault.contentType(), fault.body());
            case HANG -> Answer.hang();
            case DROP -> Answer.drop();
            case SYSTEM_ERROR -> soapError(Error.valueOf(fault.systemError()), call);
        };
    }

    private synchronized Optional<Fault> scopedFault(String operation) {
        for (int i = 0; i < scoped.size(); i++) {
            Scoped entry = scoped.get(i);
            if (entry.operation.equals(operation)) {
                if (entry.remaining <= 1) {
                    scoped.remove(i);
                } else if (entry.remaining != Integer.MAX_VALUE) {
                    scoped.set(i, new Scoped(operation, entry.fault, entry.remaining - 1));
                }
                return Optional.of(entry.fault);
            }
        }
        return Optional.empty();
    }

    private synchronized Optional<Code> takeRefusal(String operation) {
        for (int i = 0; i < refusals.size(); i++) {
            if (refusals.get(i).operation.equals(operation)) {
                return Optional.of(refusals.remove(i).code);
            }
        }
        return Optional.empty();
    }

    private void requireOperation(String operation) {
        if (!OPERATIONS.contains(Objects.requireNonNull(operation, "operation"))) {
            throw new InvalidInputException(SandboxError.EPAYBL_OPERATION_UNKNOWN, operation, OPERATIONS);
        }
    }

    // ---- Paypage --------------------------------------------------------------------------------------------------

    private synchronized Answer loginPage(MockRequest request) {
        Optional<String> mandant = request.queryParameter("mandant");
        Optional<String> kunde = request.queryParameter("EShopKundenNr");
        Held kz = request.queryParameter("kassenzeichen").map(held::get).orElse(null);
        Optional<String> success = request.queryParameter("backlinkSuccess");
        Optional<String> abort = request.queryParameter("backlinkAbort");
        if (kz == null || !mandant.equals(Optional.of(kz.mandantNr)) || !kunde.equals(Optional.of(kz.kunde))
                || success.isEmpty() || abort.isEmpty() || !isHttpUrl(success.get()) || !isHttpUrl(abort.get())) {
            return page(400, "Ungültiger Aufruf", "<p>Mandant, Kunde, Kassenzeichen oder Rücksprung-Links passen "
                    + "nicht zusammen.</p>");
        }
        if (kz.bezahlt) {
            return page(409, "Bereits bezahlt", "<p>Das Kassenzeichen ist bereits bezahlt.</p>");
        }
        kz.backlinkSuccess = success.get();
        kz.backlinkAbort = abort.get();
        String hidden = "<input type=\"hidden\" name=\"kassenzeichen\" value=\"" + escape(kz.kassenzeichen) + "\">";
        return page(200, "ePayBL Paypage (Sandbox)",
                "<p>Kassenzeichen " + escape(kz.kassenzeichen) + ", Betrag " + kz.betrag.toPlainString() + " EUR</p>"
                        + "<form method=\"post\" action=\"/paypage/pay\">" + hidden
                        + "<label for=\"zv\">Zahlverfahren</label><select id=\"zv\" name=\"zahlverfahren\">"
                        + "<option>GIROPAY</option><option>KREDITKARTE</option><option>PAYPAL</option>"
                        + "<option>PAYDIRECT</option></select><button>Bezahlen</button></form>"
                        + "<form method=\"post\" action=\"/paypage/abort\">" + hidden
                        + "<button>Abbrechen</button></form>");
    }

    private synchronized Answer pay(Map<String, String> form, boolean tampered) {
        Held kz = held.get(form.getOrDefault("kassenzeichen", ""));
        if (kz == null || kz.backlinkSuccess == null) {
            return page(400, "Ungültiger Aufruf", "<p>Kein Bezahlvorgang zu diesem Kassenzeichen.</p>");
        }
        if (!kz.bezahlt) {
            kz.bezahlt = true;
            kz.zahlverfahren = form.getOrDefault("zahlverfahren", "GIROPAY");
            kz.readsUntilInaktiv = slowInaktivReads;
        }
        String backlink = kz.backlinkSuccess;
        if (tampered) {
            String kassenzeichen = kz.kassenzeichen;
            int last = kassenzeichen.length() - 1;
            String other = kassenzeichen.substring(0, last) + (char) ('0' + (kassenzeichen.charAt(last) - '0' + 1) % 10);
            backlink = backlink.replace("kassenzeichen=" + kassenzeichen, "kassenzeichen=" + other);
        }
        return Answer.status(303).header("Location", backlink);
    }

    private synchronized Answer abort(Map<String, String> form) {
        Held kz = held.get(form.getOrDefault("kassenzeichen", ""));
        if (kz == null || kz.backlinkAbort == null) {
            return page(400, "Ungültiger Aufruf", "<p>Kein Bezahlvorgang zu diesem Kassenzeichen.</p>");
        }
        return Answer.status(303).header("Location", kz.backlinkAbort);
    }

    private static Map<String, String> form(MockRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.bodyText().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Answer page(int status, String title, String content) {
        return Answer.text(status, "text/html; charset=utf-8", "<!DOCTYPE html><html lang=\"de\"><head>"
                + "<meta charset=\"utf-8\"><title>" + escape(title) + "</title></head><body><main><h1>"
                + escape(title) + "</h1>" + content + "</main></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Optional<BigDecimal> decimal(Optional<String> text) {
        try {
            return text.map(BigDecimal::new);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private synchronized String kassenzeichenJson() {
        StringBuilder json = new StringBuilder("[");
        for (Held kz : held.values()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"kassenzeichen\":\"").append(kz.kassenzeichen).append("\",\"mandantNr\":\"")
                    .append(kz.mandantNr).append("\",\"betrag\":\"").append(kz.betrag.toPlainString())
                    .append("\",\"bezahlt\":").append(kz.bezahlt).append('}');
        }
        return json.append(']').toString();
    }

    /** One Kassenzeichen with its mutable Paypage state; guarded by the mock. */
    private static final class Held {
        final String kassenzeichen;
        final String mandantNr;
        final String kunde;
        final String transaktionsNr;
        final BigDecimal betrag;
        final List<String> texte;
        boolean bezahlt;
        String zahlverfahren;
        int readsUntilInaktiv;
        String backlinkSuccess;
        String backlinkAbort;

        Held(String kassenzeichen, String mandantNr, String kunde, String transaktionsNr, BigDecimal betrag,
                List<String> texte) {
            this.kassenzeichen = kassenzeichen;
            this.mandantNr = mandantNr;
            this.kunde = kunde;
            this.transaktionsNr = transaktionsNr;
            this.betrag = betrag;
            this.texte = List.copyOf(texte);
        }

        EpayblKassenzeichen view() {
            return new EpayblKassenzeichen(kassenzeichen, mandantNr, kunde, Optional.ofNullable(transaktionsNr),
                    betrag, texte, bezahlt, Optional.ofNullable(zahlverfahren));
        }
    }

    private record Scoped(String operation, Fault fault, int remaining) {
    }

    private record Refusal(String operation, Code code) {
    }

    /** Builds an {@link EpayblMock}. */
    public static final class Builder extends MockServer.Builder<Builder, EpayblMock> {
        private final Map<String, String> mandanten = new LinkedHashMap<>();
        private int kassenzeichenLength = 12;

        private Builder() {
        }

        /**
         * A Mandant the mock serves, with its Bewirtschafter (several may be given; none: 1610000000 with 42).
         *
         * @throws ConfigurationException ({@code OZG-SANDBOX-160}) if a number is empty or not letters and digits
         */
        public Builder mandant(String mandantNr, String bewirtschafterNr) {
            if (!KASSENZEICHEN_OR_ID.matcher(Objects.requireNonNull(mandantNr, "mandantNr")).matches()
                    || !KASSENZEICHEN_OR_ID.matcher(Objects.requireNonNull(bewirtschafterNr, "bewirtschafterNr"))
                            .matches()) {
                throw new ConfigurationException(SandboxError.EPAYBL_MANDANT_INVALID, mandantNr, bewirtschafterNr);
            }
            mandanten.put(mandantNr, bewirtschafterNr);
            return this;
        }

        /** The length of the Kassenzeichen the mock issues, 2 to 30 (default 12, ePayBL's standard). */
        public Builder kassenzeichenLength(int length) {
            if (length < 2 || length > 30) {
                throw new ConfigurationException(SandboxError.SETTING_OUT_OF_RANGE, "kassenzeichenLength", length,
                        "2..30");
            }
            kassenzeichenLength = length;
            return this;
        }

        @Override
        protected EpayblMock build() {
            return new EpayblMock(this);
        }
    }
}

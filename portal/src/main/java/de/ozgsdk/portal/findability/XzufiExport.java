package de.ozgsdk.portal.findability;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.portal.PortalApi;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.tenant.PortalTenant;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the service descriptions of one tenant as an XZuFi 2.2.0 transfer message, so that the portal can feed the
 * Portalverbund (PVOG, Portalverbund.NRW) and the Verwaltungssuchmaschine: per service a {@code xzufi:leistung} with
 * its Leika key ({@code referenzLeiKa}) and its name and description as text modules in every language, the
 * municipality as {@code xzufi:organisationseinheit} with one {@code zustaendigkeit} per service for the area of its
 * Amtlicher Regionalschlüssel ({@code gebietID}), and per service a {@code xzufi:onlinedienst} with its link.
 *
 * <p><b>Not checked against the official schema.</b> The XZuFi XSDs are published on XRepository, which this project
 * could not reach; the structure follows the element names and paths that published readers of XZuFi 2.2.0 files
 * from the PVOG use (see portal/PORTAL.md, section "Findability"). Validate a first export with the official XSD
 * before feeding a Sammlerdienst.
 *
 * <pre>{@code
 * XzufiExport export = XzufiExport.builder("ozg-portal-nrw").build();
 * export.write(koeln, List.of(service),
 *         s -> URI.create("https://portal.example/053150000000/" + s.id()), out);
 * }</pre>
 */
public final class XzufiExport {

    /** The namespace of XZuFi 2.2.0. */
    public static final String NAMESPACE = "http://xoev.de/schemata/xzufi/2_2_0";
    /** The value of the {@code xzufiVersion} attribute. */
    public static final String VERSION = "2.2.0";
    /** The root element (a transfer message with write operations), unverified against the XSD. */
    public static final String ROOT = "transfer.operation.040102";
    /** Code list of the text modules of a Leistung; code 02 is the Leistungsbezeichnung, 06 the Volltext. */
    public static final String TEXT_MODULE_LIST = "urn:de:xzufi:codeliste:leistungstextmodulleika";
    /** Code list of the link types of an online service; code 01 is the link that starts it. */
    public static final String LINK_TYPE_LIST = "urn:xoev-de:fim:codeliste:onlinedienstlinktyp";
    /** The scheme of a {@code gebietID} that is an Amtlicher Regionalschlüssel. */
    public static final String REGIONAL_KEY_SCHEME = "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs";

    private static final String PREFIX = "xzufi";
    private static final String NAME_MODULE = "02";
    private static final String FULL_TEXT_MODULE = "06";
    private static final String START_LINK = "01";

    private final String redaktionId;
    private final Clock clock;
    private final Supplier<UUID> uuids;

    private XzufiExport(Builder builder) {
        this.redaktionId = builder.redaktionId;
        this.clock = builder.clock;
        this.uuids = builder.uuids;
    }

    /**
     * Starts a configuration.
     *
     * @param redaktionId the id of the editorial office (Redaktion) that publishes the descriptions, used as
     *                    {@code schemeAgencyID} of every id in the export
     */
    public static Builder builder(String redaktionId) {
        return new Builder(redaktionId);
    }

    /**
     * Writes the descriptions of every service {@code tenant} offers, in service id order, to {@code out} (UTF-8;
     * flushed, not closed).
     *
     * @param services          the services of the portal; those the tenant does not offer are left out
     * @param onlineServiceLink the absolute http(s) address where a citizen of this tenant starts a service
     * @throws InvalidInputException {@code OZG-PORTAL-412} if the tenant offers a service missing from
     *                               {@code services}, {@code OZG-PORTAL-411} if a link is not an absolute http(s)
     *                               URL
     * @throws ProcessingException   {@code OZG-PORTAL-413} if writing fails
     */
    public void write(PortalTenant tenant, Collection<OnlineService> services,
            Function<OnlineService, URI> onlineServiceLink, OutputStream out) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(onlineServiceLink, "onlineServiceLink");
        Objects.requireNonNull(out, "out");
        List<Entry> entries = entries(tenant, services, onlineServiceLink);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix(PREFIX, NAMESPACE);
            xml.writeStartElement(PREFIX, ROOT, NAMESPACE);
            xml.writeNamespace(PREFIX, NAMESPACE);
            xml.writeAttribute("xzufiVersion", VERSION);
            xml.writeAttribute("produktbezeichnung", "OZG SDK portal");
            xml.writeAttribute("produkthersteller", "OZG SDK");
            xml.writeAttribute("produktversion", "API " + PortalApi.LEVEL);
            header(xml);
            text(xml, "transaktionID", uuids.get().toString());
            xml.writeStartElement(NAMESPACE, "schreibe");
            for (Entry entry : entries) {
                leistung(xml, entry.service());
            }
            organisationseinheit(xml, tenant, entries);
            for (Entry entry : entries) {
                onlinedienst(xml, entry);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            out.flush();
        } catch (XMLStreamException | IOException e) {
            throw new ProcessingException(PortalError.XZUFI_WRITE_FAILED, e, tenant.tenant().id().value(),
                    e.getMessage());
        }
    }

    private record Entry(OnlineService service, URI link) {
    }

    private static List<Entry> entries(PortalTenant tenant, Collection<OnlineService> services,
            Function<OnlineService, URI> onlineServiceLink) {
        Map<String, OnlineService> byId = new TreeMap<>();
        for (OnlineService service : services) {
            if (tenant.offers(service.id())) {
                byId.put(service.id(), service);
            }
        }
        for (String offered : tenant.services()) {
            if (!byId.containsKey(offered)) {
                throw new InvalidInputException(PortalError.XZUFI_SERVICE_MISSING, offered,
                        tenant.tenant().id().value());
            }
        }
        List<Entry> entries = new ArrayList<>();
        byId.values().forEach(service -> entries.add(new Entry(service,
                OnlineServiceLink.check(Objects.requireNonNull(onlineServiceLink.apply(service), "link"),
                        service.id()))));
        return entries;
    }

    private void header(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "nachrichtenkopf");
        text(xml, "nachrichtUUID", uuids.get().toString());
        text(xml, "erstellungszeitpunkt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        xml.writeEndElement();
    }

    private void leistung(XMLStreamWriter xml, OnlineService service) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "leistung");
        identifier(xml, "id", leistungId(service));
        for (LeikaKey key : service.leikaKeys()) {
            xml.writeStartElement(NAMESPACE, "referenzLeiKa");
            code(xml, key.value());
            xml.writeEndElement();
        }
        modulText(xml, NAME_MODULE, service.title());
        if (service.description().isPresent()) {
            modulText(xml, FULL_TEXT_MODULE, service.description().get());
        }
        xml.writeEndElement();
    }

    private void organisationseinheit(XMLStreamWriter xml, PortalTenant tenant, List<Entry> entries)
            throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "organisationseinheit");
        identifier(xml, "id", tenant.tenant().regionalKey().value());
        xml.writeStartElement(NAMESPACE, "name");
        multilingual(xml, "name", tenant.tenant().name());
        xml.writeEndElement();
        for (Entry entry : entries) {
            xml.writeStartElement(NAMESPACE, "zustaendigkeit");
            identifier(xml, "leistungID", leistungId(entry.service()));
            xml.writeStartElement(NAMESPACE, "gebietID");
            xml.writeAttribute("schemeID", REGIONAL_KEY_SCHEME);
            xml.writeCharacters(tenant.tenant().regionalKey().value());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void onlinedienst(XMLStreamWriter xml, Entry entry) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "onlinedienst");
        identifier(xml, "id", "onlinedienst-" + entry.service().id());
        multilingual(xml, "bezeichnung", entry.service().title());
        identifier(xml, "leistungID", leistungId(entry.service()));
        xml.writeStartElement(NAMESPACE, "link");
        xml.writeStartElement(NAMESPACE, "typ");
        xml.writeAttribute("listURI", LINK_TYPE_LIST);
        code(xml, START_LINK);
        xml.writeEndElement();
        text(xml, "link", entry.link().toString());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String leistungId(OnlineService service) {
        return service.id();
    }

    private void identifier(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, element);
        xml.writeAttribute("schemeAgencyID", redaktionId);
        xml.writeCharacters(XmlText.clean(value));
        xml.writeEndElement();
    }

    private static void modulText(XMLStreamWriter xml, String module, LocalizedText text) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "modulText");
        multilingual(xml, "inhalt", text);
        xml.writeStartElement(NAMESPACE, "leikaTextmodul");
        xml.writeAttribute("listURI", TEXT_MODULE_LIST);
        code(xml, module);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** One element per language, German first, each with its {@code languageCode}. */
    private static void multilingual(XMLStreamWriter xml, String element, LocalizedText text)
            throws XMLStreamException {
        for (Locale locale : text.locales()) {
            xml.writeStartElement(NAMESPACE, element);
            xml.writeAttribute("languageCode", locale.toLanguageTag());
            xml.writeCharacters(XmlText.clean(text.find(locale).orElseThrow()));
            xml.writeEndElement();
        }
    }

    /** An XÖV code: the {@code code} child is unqualified, as in every XÖV code type. */
    private static void code(XMLStreamWriter xml, String value) throws XMLStreamException {
        xml.writeStartElement("code");
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, element);
        xml.writeCharacters(XmlText.clean(value));
        xml.writeEndElement();
    }

    /** Configures an {@link XzufiExport}. */
    public static final class Builder {
        private final String redaktionId;
        private Clock clock = Clock.systemUTC();
        private Supplier<UUID> uuids = UUID::randomUUID;

        private Builder(String redaktionId) {
            Objects.requireNonNull(redaktionId, "redaktionId");
            if (redaktionId.isBlank()) {
                throw new InvalidInputException(PortalError.XZUFI_CONFIG_INVALID, "redaktionId", "it is blank");
            }
            this.redaktionId = redaktionId;
        }

        /** The clock of the message's creation time; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of message and transaction UUIDs; random by default (fixed ones make exports comparable). */
        public Builder uuids(Supplier<UUID> uuids) {
            this.uuids = Objects.requireNonNull(uuids, "uuids");
            return this;
        }

        public XzufiExport build() {
            return new XzufiExport(this);
        }
    }
}

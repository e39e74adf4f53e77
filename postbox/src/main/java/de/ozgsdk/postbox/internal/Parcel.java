package de.ozgsdk.postbox.internal;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.postbox.PostboxError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the postbox keeps in an outbox entry until it is delivered: the message or status JSON (unsigned: the
 * envelope is signed at sending, so its author token is fresh on every attempt) and the attachments' bytes, as a ZIP
 * ({@code manifest.json}, {@code data.json}, {@code attachment-<n>}).
 *
 * @param kind {@code message} or {@code status}
 * @param json the message or status JSON, exactly as it becomes the envelope's {@code content}
 * @param attachments the attachments, in the message's order
 */
public record Parcel(String kind, String json, List<Part> attachments) {

    /** One attachment in the parcel. */
    public record Part(String filename, String mediaType, byte[] content) {
    }

    /** Copies the list. */
    public Parcel {
        attachments = List.copyOf(attachments);
    }

    /** The ZIP bytes. */
    public byte[] write() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ObjectNode manifest = Json.MAPPER.createObjectNode().put("kind", kind);
            ArrayNode parts = manifest.putArray("attachments");
            for (Part part : attachments) {
                parts.addObject().put("filename", part.filename()).put("mediaType", part.mediaType());
            }
            entry(zip, "manifest.json", Json.MAPPER.writeValueAsBytes(manifest));
            entry(zip, "data.json", json.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < attachments.size(); i++) {
                entry(zip, "attachment-" + i, attachments.get(i).content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a parcel back.
     *
     * @throws InvalidInputException ({@code OZG-POSTBOX-122}) if the bytes are no parcel
     */
    public static Parcel read(String id, byte[] zipBytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            JsonNode manifest = null;
            String json = null;
            List<byte[]> contents = new ArrayList<>();
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content = zip.readAllBytes();
                switch (entry.getName()) {
                    case "manifest.json" -> manifest = Json.MAPPER.readTree(content);
                    case "data.json" -> json = new String(content, StandardCharsets.UTF_8);
                    default -> contents.add(content);
                }
            }
            if (manifest == null || json == null || manifest.path("attachments").size() != contents.size()) {
                throw new InvalidInputException(PostboxError.PAYLOAD_UNREADABLE, id, "incomplete");
            }
            List<Part> parts = new ArrayList<>();
            for (int i = 0; i < contents.size(); i++) {
                JsonNode part = manifest.path("attachments").get(i);
                parts.add(new Part(part.path("filename").asString(""), part.path("mediaType").asString(""),
                        contents.get(i)));
            }
            return new Parcel(manifest.path("kind").asString(""), json, parts);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(PostboxError.PAYLOAD_UNREADABLE, e, id, e.getClass().getSimpleName());
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}

package de.ozgsdk.portal.web;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementRef;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldGroup;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.runtime.ApplicationRef;
import de.ozgsdk.portal.upload.MultipartReader;
import de.ozgsdk.portal.upload.StoredDocument;
import de.ozgsdk.portal.upload.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@code multipart/form-data} post read by {@link MultipartReader}: its text parts as parameters, each file part
 * streamed into {@link Uploads#receive} (only once the CSRF token, which the form carries before its inputs, has
 * been checked), the accepted document's name as the file field's value, and the refusals by field.
 */
final class UploadedRequest extends HttpServletRequestWrapper {

    /** The most characters of all text parts of one post together (a form step sends far less). */
    private static final long MAX_TEXT_CHARS = 1024 * 1024;

    private final Map<String, String[]> parameters;
    private final Map<String, OzgException> refusals;

    private UploadedRequest(HttpServletRequest request, Map<String, String[]> parameters,
            Map<String, OzgException> refusals) {
        super(request);
        this.parameters = Collections.unmodifiableMap(parameters);
        this.refusals = Collections.unmodifiableMap(refusals);
    }

    /** Where the documents of a step post go; empty when the post is no form step of an application. */
    record Target(Uploads uploads, ApplicationRef ref, FormSchema schema) {
    }

    /**
     * Reads the body of {@code request}; file parts are received only with a {@code target} and when
     * {@code csrfAccepts} accepts the parameters read so far, else skipped unread.
     */
    static UploadedRequest read(HttpServletRequest request, Optional<Target> target,
            Predicate<HttpServletRequest> csrfAccepts) throws IOException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, OzgException> refusals = new LinkedHashMap<>();
        MultipartReader reader = MultipartReader.of(request.getContentType(), request.getInputStream());
        Boolean csrfChecked = null;
        long textChars = 0;
        for (Optional<MultipartReader.Part> next = reader.next(); next.isPresent(); next = reader.next()) {
            MultipartReader.Part part = next.get();
            if (part.fileName().isEmpty()) {
                String text = part.text();
                textChars += text.length();
                if (textChars > MAX_TEXT_CHARS) {
                    throw new InvalidInputException(PortalError.UPLOAD_MULTIPART_MALFORMED,
                            "the text parts exceed " + MAX_TEXT_CHARS + " characters");
                }
                values.computeIfAbsent(part.name(), n -> new ArrayList<>()).add(text);
                continue;
            }
            if (part.fileName().get().isEmpty() || target.isEmpty()) {
                continue; // no file chosen, or nowhere to put it: the reader skips the content
            }
            if (csrfChecked == null) {
                csrfChecked = csrfAccepts.test(new UploadedRequest(request, arrays(values), Map.of()));
            }
            if (csrfChecked) {
                receive(target.get(), part, values, refusals);
            }
        }
        return new UploadedRequest(request, arrays(values), refusals);
    }

    /** The refusals of this post, by the file field's data path (as the renderer names the input). */
    Map<String, OzgException> refusals() {
        return refusals;
    }

    private static void receive(Target target, MultipartReader.Part part, Map<String, List<String>> values,
            Map<String, OzgException> refusals) {
        DataPath path;
        try {
            path = DataPath.parse(part.name());
        } catch (RuntimeException e) {
            return;
        }
        Optional<ElementRef> element = element(target.schema(), path);
        if (element.isEmpty() || !(element.get().element() instanceof Field field)
                || field.dataType() != DataType.FILE && field.dataType() != DataType.OBJ) {
            return;
        }
        boolean repeatable = element.get().multiplicity().isRepeatable();
        try (InputStream content = part.content()) {
            StoredDocument document = target.uploads().receive(target.ref(), part.name(), field, repeatable,
                    part.fileName().orElseThrow(), content);
            List<String> list = values.computeIfAbsent(part.name(), n -> new ArrayList<>());
            if (!repeatable) {
                list.clear();
            }
            list.add(document.name());
        } catch (OzgException e) {
            refusals.put(part.name(), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The element a data path names, walking the schema's groups. */
    static Optional<ElementRef> element(FormSchema schema, DataPath path) {
        List<ElementRef> children = schema.children();
        ElementRef found = null;
        for (DataPath.Segment segment : path.segments()) {
            if (found != null) {
                if (!(found.element() instanceof FieldGroup group)) {
                    return Optional.empty();
                }
                children = group.children();
            }
            found = children.stream().filter(c -> c.id().id().equals(segment.id())).findFirst().orElse(null);
            if (found == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(found);
    }

    private static Map<String, String[]> arrays(Map<String, List<String>> values) {
        Map<String, String[]> arrays = new LinkedHashMap<>();
        values.forEach((name, list) -> arrays.put(name, list.toArray(String[]::new)));
        return arrays;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }
}

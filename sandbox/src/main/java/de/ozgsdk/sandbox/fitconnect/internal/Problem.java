package de.ozgsdk.sandbox.fitconnect.internal;

/**
 * An RFC 7807 problem the delivery service mock answers with ({@code Error} of the Submission API description),
 * thrown by the state logic and written by the HTTP layer.
 */
public final class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Problem types of the sandbox; the API description fixes only the shape of an error, not its type URIs. */
    private static final String TYPE_PREFIX = "urn:ozgsdk:sandbox:fit-connect:problem:";

    private final int status;
    private final String type;
    private final String title;

    private Problem(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = TYPE_PREFIX + type;
        this.title = title;
    }

    /** A problem with HTTP status, a short type name (made into a URN), a title and a detail for this occurrence. */
    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, type, title, detail);
    }

    public static Problem badRequest(String type, String detail) {
        return of(400, type, "Bad Request", detail);
    }

    public static Problem unauthorized(String detail) {
        return of(401, "unauthorized", "Unauthorized", detail);
    }

    public static Problem forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    public static Problem notFound(String type, String detail) {
        return of(404, type, "Not Found", detail);
    }

    public static Problem unprocessable(String type, String detail) {
        return of(422, type, "Unprocessable Entity", detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}

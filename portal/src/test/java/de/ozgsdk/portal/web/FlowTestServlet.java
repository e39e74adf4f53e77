package de.ozgsdk.portal.web;

import de.ozgsdk.core.SecurityCheckException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A small service servlet as the runtime's will be: GET /form opens the flow session and shows the CSRF token,
 * POST /put stores a value, POST /update puts and drops several at once, POST /login rotates the session, GET /read shows the values, POST /logout ends it.
 */
final class FlowTestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient FlowSessions sessions;
    private final transient CsrfProtection csrf;
    private final transient Clock clock;

    FlowTestServlet(FlowSessions sessions, CsrfProtection csrf, Clock clock) {
        this.sessions = sessions;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (request.getMethod().equals("GET")) {
            if (path.equals("/form")) {
                FlowSession session = sessions.open(request, response);
                write(response, "token=" + csrf.token(session) + "\nvalues=" + new TreeMap<>(session.values()));
            } else {
                Optional<FlowSession> session = sessions.find(request);
                write(response, session.map(s -> "values=" + new TreeMap<>(s.values())).orElse("none"));
            }
            return;
        }
        Optional<FlowSession> found = sessions.find(request);
        if (found.isEmpty()) {
            response.sendError(409);
            return;
        }
        FlowSession session = found.get();
        try {
            csrf.check(request, session);
        } catch (SecurityCheckException e) {
            response.setHeader("X-Test-Refusal", e.arguments().get(0));
            CsrfProtection.reject(request, response);
            return;
        }
        switch (path) {
            case "/put" -> {
                session.put(request.getParameter("key"), request.getParameter("value"));
                write(response, "ok");
            }
            case "/update" -> {
                // put=key:value (repeatable), drop=key (repeatable), all in one FlowSession.update
                Map<String, String> put = new LinkedHashMap<>();
                for (String pair : Optional.ofNullable(request.getParameterValues("put")).orElse(new String[0])) {
                    put.put(pair.substring(0, pair.indexOf(':')), pair.substring(pair.indexOf(':') + 1));
                }
                session.update(put, List.of(Optional.ofNullable(request.getParameterValues("drop"))
                        .orElse(new String[0])));
                write(response, "ok");
            }
            case "/login" -> {
                FlowSession rotated = sessions.rotate(request, response, clock.instant().plus(Duration.ofHours(2)),
                        Duration.ofMinutes(30));
                write(response, "token=" + csrf.token(rotated));
            }
            case "/logout" -> {
                sessions.end(request, response);
                write(response, "ended");
            }
            default -> response.sendError(404);
        }
    }

    private static void write(HttpServletResponse response, String text) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
}

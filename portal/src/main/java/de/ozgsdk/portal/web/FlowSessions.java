package de.ozgsdk.portal.web;

import de.ozgsdk.auth.Citizen;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the flow sessions of the web adapter live: in the SDK's database, so that any portal node serves any request
 * ({@link JdbcFlowSessions}, the default of the central portal), or in the host's {@code HttpSession} when a legacy
 * portal already manages sessions ({@link HttpSessionFlowSessions}). Both end a session after its idle timeout and at
 * its absolute deadline, and give it a new id at login (against session fixation).
 *
 * <pre>{@code
 * session = sessions.open(request, response);                  // the citizen's session, new if none
 * // ... after the Servicekonto login:
 * session = sessions.rotate(request, response, citizen);       // new id, same values, the login's limits
 * }</pre>
 */
public interface FlowSessions {

    /** The valid session of this request, if it has one; using it counts as activity. */
    Optional<FlowSession> find(HttpServletRequest request);

    /** The valid session of this request, or a new one (whose cookie, if any, is set on {@code response}). */
    FlowSession open(HttpServletRequest request, HttpServletResponse response);

    /**
     * Gives the request's session a new id and the limits of a login, keeping its values (or opens one): call it
     * right after a successful login, so an id planted before the login is worthless after it.
     *
     * @param deadline    the absolute end, e.g. {@link Citizen#sessionDeadline()}
     * @param idleTimeout the longest the session may stay unused, e.g. {@link Citizen#idleTimeout()}
     */
    FlowSession rotate(HttpServletRequest request, HttpServletResponse response, Instant deadline,
            Duration idleTimeout);

    /** {@link #rotate(HttpServletRequest, HttpServletResponse, Instant, Duration)} with the limits of a login. */
    default FlowSession rotate(HttpServletRequest request, HttpServletResponse response, Citizen citizen) {
        return rotate(request, response, citizen.sessionDeadline(), citizen.idleTimeout());
    }

    /** Ends the request's session (logout, or after the receipt): its values are gone. */
    void end(HttpServletRequest request, HttpServletResponse response);

    /**
     * The valid session of this request without counting the request as activity (an automatic save of a page's
     * input must not keep an unattended session alive); stores that cannot tell, such as the host's
     * {@code HttpSession}, count it.
     */
    default Optional<FlowSession> peek(HttpServletRequest request) {
        return find(request);
    }

    /**
     * The valid session of this request with its idle end moved as far as its deadline allows: the citizen asked
     * for more time.
     */
    default Optional<FlowSession> extend(HttpServletRequest request) {
        return find(request);
    }

    /**
     * The ids the request's cookie may name when it names no valid session (ended or unknown), so that a form posted
     * after the end can be checked against the session it was rendered for; empty when the request names none.
     */
    default List<String> endedIds(HttpServletRequest request) {
        return List.of();
    }
}

package de.ozgsdk.portal.abuse.internal;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the client address of a request: the socket's peer, unless that peer is a trusted proxy, in which case the
 * {@code X-Forwarded-For} chain is read from the right up to the first address that is not a trusted proxy (anyone
 * can send that header; only what our own proxies appended is believed). IPv6 clients count per /64 network, since
 * one connection usually holds a whole /64 and could rotate through it.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    // a literal with ':' is never looked up in DNS by InetAddress.getByName; anything else is refused before
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Network> trusted;

    private ClientAddress(List<Network> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** With {@code trustedProxies} as CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}) or single addresses. */
    public static ClientAddress trusting(List<String> trustedProxies) {
        List<Network> networks = new ArrayList<>();
        for (String proxy : trustedProxies) {
            networks.add(Network.parse(proxy));
        }
        return new ClientAddress(networks);
    }

    /** The client's address, normalised ({@code 192.0.2.1}, or {@code 2001:db8:0:1::/64} for IPv6). */
    public String of(HttpServletRequest request) {
        InetAddress client = literal(request.getRemoteAddr()).orElse(null);
        if (client == null) {
            // a container that reports no numeric address (a Unix socket): all such clients share one bucket
            return "unknown";
        }
        List<String> forwarded = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String part : header.split(",")) {
                forwarded.add(part.strip());
            }
        }
        for (int i = forwarded.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> hop = literal(forwarded.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
        }
        return normalise(client);
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(n -> n.contains(address));
    }

    private static String normalise(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
    }

    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(t).matches() && !(t.indexOf(':') >= 0 && IPV6.matcher(t).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** A CIDR range. */
    private record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            String text = cidr == null ? "" : cidr.strip();
            int slash = text.indexOf('/');
            Optional<InetAddress> address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address.isEmpty()) {
                throw invalid(cidr, "not an IP address or CIDR range such as 10.0.0.0/8");
            }
            byte[] bytes = address.get().getAddress();
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw invalid(cidr, "the prefix length is not a number");
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    throw invalid(cidr, "the prefix length is outside 0.." + bytes.length * 8);
                }
            }
            return new Network(bytes, bits);
        }

        boolean contains(InetAddress address) {
            byte[] other = address.getAddress();
            if (other.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((prefix[bit / 8] & mask) != (other[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static InvalidInputException invalid(String cidr, String why) {
            return new InvalidInputException(PortalError.ABUSE_SETTING_INVALID, "trustedProxy",
                    "\"" + cidr + "\": " + why);
        }
    }
}

package org.nnlab.raster.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The checks every request to a live server passes before it reaches a page, as pure functions of what the
 * request says: the secret token in the path, a {@code Host} that names this loopback server (a page on
 * another site that rebinds its DNS name to 127.0.0.1 sends its own name), an {@code Origin} of this server
 * on every state-changing request, and caps on the sizes of the address and the body.
 *
 * <p>The server listens on 127.0.0.1 only; the token (128 random bits, in the path so that every relative
 * address of the page carries it) keeps other local users' and other sites' requests out.
 */
final class Guard {
    /** The longest request address accepted, in characters. */
    static final int MAX_URI = 8192;
    /** The largest request body accepted (a control: one action and at most a Playground hash), in bytes. */
    static final int MAX_BODY = 16 * 1024;

    /** What a refused request gets: an HTTP status and one line saying why. */
    record Refusal(int status, String reason) {
    }

    private final String token;
    private final Set<String> hosts;
    private final Set<String> origins;

    /**
     * @param token the secret path segment
     * @param port  the port the server listens on
     */
    Guard(String token, int port) {
        this.token = token;
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
        this.origins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port);
    }

    /** A new token: 128 bits from a {@link SecureRandom}, as 32 hexadecimal digits. */
    static String newToken(SecureRandom random) {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }

    String token() {
        return token;
    }

    /**
     * Checks one request; returns null if it may proceed.
     *
     * @param method        GET, POST, ...
     * @param rawPath       the request's path as sent (not decoded)
     * @param uriLength     the length of the whole request address
     * @param host          the {@code Host} header, or null
     * @param origin        the {@code Origin} header, or null
     * @param contentLength the {@code Content-Length} header, or null
     */
    Refusal check(String method, String rawPath, int uriLength, String host, String origin, String contentLength) {
        if (uriLength > MAX_URI) {
            return new Refusal(414, "the address is longer than " + MAX_URI + " characters");
        }
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return new Refusal(403, "Host '" + host + "' is not this server (" + String.join(" or ", hosts) + ")");
        }
        if (!tokenMatches(rawPath)) {
            return new Refusal(403, "missing or wrong token in the address");
        }
        boolean changes = !method.equals("GET") && !method.equals("HEAD");
        if (changes && (origin == null || !origins.contains(origin.toLowerCase(Locale.ROOT)))) {
            return new Refusal(403, "Origin '" + origin + "' may not change this session");
        }
        if (contentLength != null) {
            long length;
            try {
                length = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException e) {
                return new Refusal(400, "Content-Length '" + contentLength + "' is not a number");
            }
            if (length > MAX_BODY) {
                return new Refusal(413, "the body has " + length + " bytes, more than " + MAX_BODY);
            }
        }
        return null;
    }

    /** Whether the path is {@code /<token>} or starts with {@code /<token>/}, compared in constant time. */
    private boolean tokenMatches(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return false;
        }
        int end = rawPath.indexOf('/', 1);
        String given = end < 0 ? rawPath.substring(1) : rawPath.substring(1, end);
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}

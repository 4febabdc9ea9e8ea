package io.rapport.platform.web;

import io.rapport.platform.CurrentActor;
import io.rapport.platform.TenantId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes API POSTs safe to retry. With an {@code Idempotency-Key} header, the first request
 * runs and its response is kept; the same key with the same body replays that response and
 * runs nothing; the same key with another body, or while the first is still running,
 * answers 409. A request that failed on the server (5xx) releases its key so it can be retried.
 *
 * <p>Applies to JSON bodies (at most 1 MiB). Multipart uploads are not buffered here: imports
 * are idempotent by their rows' references instead.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_BODY = 1 << 20;

    private final IdempotentRequests requests;

    IdempotencyFilter(IdempotentRequests requests) {
        this.requests = requests;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || (contentType != null && contentType.toLowerCase().startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 200) {
            problem(response, 400, "Idempotency-Key must be 1 to 200 characters");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(response, 413, "the request body is larger than 1 MiB");
            return;
        }
        TenantId tenant = CurrentActor.tenantId();
        String fingerprint = fingerprint(request, body);

        IdempotentRequests.Claim claim = requests.claim(tenant, key, fingerprint);
        switch (claim.outcome()) {
            case REPLAY -> {
                response.setStatus(claim.stored().status());
                response.setContentType(claim.stored().contentType());
                response.setHeader("Idempotent-Replayed", "true");
                response.getOutputStream().write(claim.stored().body().getBytes(StandardCharsets.UTF_8));
                return;
            }
            case DIFFERENT_REQUEST -> {
                problem(response, 409, "Idempotency-Key '" + key + "' was already used with a different request");
                return;
            }
            case IN_PROGRESS -> {
                problem(response, 409, "a request with Idempotency-Key '" + key + "' is still being processed; retry shortly");
                return;
            }
            case FIRST -> {
                // handled below
            }
        }

        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new ReplayedBody(request, body), captured);
        } catch (IOException | ServletException | RuntimeException e) {
            requests.release(tenant, key);
            throw e;
        }
        int status = captured.getStatus();
        if (status >= 500) {
            requests.release(tenant, key);
        } else {
            requests.complete(tenant, key, status,
                    captured.getContentType() == null ? MediaType.APPLICATION_JSON_VALUE : captured.getContentType(),
                    new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
        }
        captured.copyBodyToResponse();
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"Idempotency-Key\",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "'") + "\"}");
    }

    /** The request with its already-read body available again to the controller. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}

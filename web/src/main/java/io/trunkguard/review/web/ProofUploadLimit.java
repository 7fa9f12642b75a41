package io.trunkguard.review.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A proof upload larger than the server's multipart limit would be cut off by the servlet container with a bare 413
 * (the security filters read the form before any controller runs). This filter sees such a request first, by its
 * declared length, and sends the browser back to the remediation page with a clear message instead; nothing is read
 * or saved. Smaller files reach the review module, which refuses anything over 5 MB with the typed note kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ProofUploadLimit extends OncePerRequestFilter {

    static final String TOO_LARGE = "too-large";
    private static final Pattern CONFIRM = Pattern.compile("^/reviews/remediations/[^/]+/confirm$");

    private final long maxRequestBytes;

    /** Without multipart support (e.g. a web slice in tests) there is no limit to guard. */
    ProofUploadLimit(ObjectProvider<MultipartProperties> multipart) {
        MultipartProperties properties = multipart.getIfAvailable();
        this.maxRequestBytes = properties == null || properties.getMaxRequestSize() == null ? -1
                : properties.getMaxRequestSize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !CONFIRM.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (maxRequestBytes > 0 && request.getContentLengthLong() > maxRequestBytes) {
            response.setHeader("Connection", "close");
            response.sendRedirect(request.getContextPath() + "/reviews/remediations?refused=" + TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}

package io.trunkguard.web;

import java.io.IOException;
import java.util.List;

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
 * An upload larger than the server's multipart limit would be cut off by the servlet
 * container with a bare 413 or Spring's error page (the security filters read the form
 * before any controller runs). This filter sees such a request first, by its declared
 * length, and sends the browser back to the form's page ({@link LimitedUpload}) with
 * {@code ?refused=too-large} for a clear message instead; nothing is read or saved.
 * Smaller files reach the controllers, which apply their own, lower limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class UploadSizeLimit extends OncePerRequestFilter {

	/**
	 * The value of the {@code refused} parameter on the page the browser is sent back to.
	 */
	public static final String TOO_LARGE = "too-large";

	private final long maxRequestBytes;

	private final List<LimitedUpload> uploads;

	/**
	 * Without multipart support (e.g. a web slice in tests) there is no limit to guard.
	 */
	UploadSizeLimit(ObjectProvider<MultipartProperties> multipart, ObjectProvider<LimitedUpload> uploads) {
		MultipartProperties properties = multipart.getIfAvailable();
		this.maxRequestBytes = properties == null || properties.getMaxRequestSize() == null ? -1
				: properties.getMaxRequestSize().toBytes();
		this.uploads = uploads.orderedStream().toList();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return maxRequestBytes <= 0 || !"POST".equals(request.getMethod())
				|| request.getContentLengthLong() <= maxRequestBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (LimitedUpload upload : uploads) {
			if (upload.path().matcher(path).matches()) {
				response.setHeader("Connection", "close");
				response.sendRedirect(request.getContextPath() + upload.refusedPage() + "?refused=" + TOO_LARGE);
				return;
			}
		}
		chain.doFilter(request, response);
	}

}

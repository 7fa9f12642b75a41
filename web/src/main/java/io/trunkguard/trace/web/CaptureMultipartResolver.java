package io.trunkguard.trace.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Spring's multipart resolution, except for the streamed capture upload
 * ({@code POST /api/captures}), which {@link StreamedCaptureUpload} reads part by part:
 * resolving it would make the servlet container write the whole body to a temporary file
 * first, under the server-wide limit meant for small forms. The bean's name replaces
 * Spring Boot's default resolver.
 */
@Component("multipartResolver")
class CaptureMultipartResolver extends StandardServletMultipartResolver {

	static final String STREAMED_PATH = "/api/captures";

	@Override
	public boolean isMultipart(HttpServletRequest request) {
		return !isStreamedUpload(request) && super.isMultipart(request);
	}

	static boolean isStreamedUpload(HttpServletRequest request) {
		return "POST".equals(request.getMethod())
				&& STREAMED_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

}

package io.trunkguard.web;

import java.util.regex.Pattern;

/**
 * A form upload that {@link UploadSizeLimit} guards: a POST to a path matching
 * {@code path} (without the context path) that declares more bytes than the server's
 * multipart limit is sent back to {@code refusedPage} with {@code ?refused=too-large},
 * which that page turns into a clear message. Declare one as a bean per upload form.
 */
public record LimitedUpload(Pattern path, String refusedPage) {

	public LimitedUpload {
		if (path == null || refusedPage == null || !refusedPage.startsWith("/")) {
			throw new IllegalArgumentException("a path pattern and an absolute page path are required");
		}
	}

	public static LimitedUpload of(String pathRegex, String refusedPage) {
		return new LimitedUpload(Pattern.compile(pathRegex), refusedPage);
	}
}

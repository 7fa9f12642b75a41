package io.trunkguard.deprovisioning.hr;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body up to a limit: a larger one is refused before it is read in full.
 */
final class BoundedBody {

	private BoundedBody() {
	}

	/**
	 * The body, or null if it is longer than {@code max} bytes (by its Content-Length or
	 * by what arrives).
	 */
	static byte[] read(HttpServletRequest request, int max) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > max) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] buffer = in.readNBytes(max + 1);
			return buffer.length > max ? null : Arrays.copyOf(buffer, buffer.length);
		}
	}

}

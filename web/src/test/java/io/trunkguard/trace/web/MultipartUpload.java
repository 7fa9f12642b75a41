package io.trunkguard.trace.web;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} request body as curl builds it, with files streamed from
 * disk: the way an SBC script pushes a capture.
 */
public final class MultipartUpload {

	private final String boundary = "----trunkguard-test-" + UUID.randomUUID();

	private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

	public MultipartUpload field(String name, String value) {
		parts.add(HttpRequest.BodyPublishers.ofString(
				"--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n",
				StandardCharsets.UTF_8));
		return this;
	}

	public MultipartUpload file(String name, Path file) throws java.io.FileNotFoundException {
		parts.add(HttpRequest.BodyPublishers.ofString(
				"--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
						+ file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n",
				StandardCharsets.UTF_8));
		parts.add(HttpRequest.BodyPublishers.ofFile(file));
		parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
		return this;
	}

	public String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	public HttpRequest.BodyPublisher body() {
		List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
		all.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
		return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
	}

}

package io.trunkguard.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP client of one node: its own cookie jar (so its own session on that
 * node), the form login of the embedded default's local accounts, and the CSRF token of
 * the session for the API calls it makes.
 */
final class NodeClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final AppNode node;

	private final HttpClient http;

	private String csrf;

	NodeClient(AppNode node) {
		this.node = node;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** Signs in through the login form; fails unless it lands on the home page. */
	NodeClient login(String username, String password) {
		String location = attemptLogin(username, password);
		if (location.contains("/login")) {
			throw new IllegalStateException(username + " could not sign in on " + node + ": " + location);
		}
		csrf = csrfOf(get("/").body());
		return this;
	}

	/** Posts the login form; where the node sends the browser next. */
	String attemptLogin(String username, String password) {
		String token = csrfOf(get("/login").body());
		HttpResponse<String> response = send(HttpRequest.newBuilder(node.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token))));
		if (response.statusCode() != 302) {
			throw new IllegalStateException("the login form answered " + response.statusCode() + " on " + node);
		}
		return response.headers().firstValue("Location").orElse("");
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(node.uri(path)).GET());
	}

	/** A JSON POST of the signed-in session, with its CSRF token. */
	HttpResponse<String> postJson(String path, String json) {
		return send(HttpRequest.newBuilder(node.uri(path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * A form POST of the signed-in session, with its CSRF token, as a browser sends it;
	 * the answer is not followed (a redirect carries its {@code Location}).
	 */
	HttpResponse<String> postForm(String path, Map<String, String> fields) {
		StringBuilder body = new StringBuilder("_csrf=").append(encode(csrf));
		fields.forEach((name, value) -> body.append('&').append(encode(name)).append('=').append(encode(value)));
		return send(HttpRequest.newBuilder(node.uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	/** A POST without session or token: the HR system's signed webhook. */
	HttpResponse<String> post(String path, byte[] body, String... headers) {
		return send(HttpRequest.newBuilder(node.uri(path))
			.headers(headers)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new NodeUnreachableException(node, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String csrfOf(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token in the page");
		}
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The node did not answer (it was killed, or is not listening). */
	static final class NodeUnreachableException extends RuntimeException {

		NodeUnreachableException(AppNode node, IOException cause) {
			super(node + " did not answer: " + cause, cause);
		}

	}

}

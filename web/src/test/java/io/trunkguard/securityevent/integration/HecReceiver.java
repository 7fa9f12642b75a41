package io.trunkguard.securityevent.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Splunk HTTP Event Collector stand-in on 127.0.0.1 over HTTPS: checks the path, the
 * {@code Authorization: Splunk <token>} header and that the body is a sequence of event
 * objects each with {@code time} (a number), {@code host}, {@code source},
 * {@code sourcetype} and an {@code event} object, answering as Splunk does (code 0, or
 * 401/403/400 with Splunk's codes). Can be stopped and started again on the same port.
 */
final class HecReceiver implements AutoCloseable {

	static final String PATH = "/services/collector/event";

	private static final ObjectMapper JSON = new ObjectMapper();

	final List<JsonNode> events = new CopyOnWriteArrayList<>();

	final List<String> refusals = new CopyOnWriteArrayList<>();

	private final SSLContext tls;

	private final String token;

	private int port;

	private HttpsServer server;

	HecReceiver(SSLContext tls, String token) {
		this.tls = tls;
		this.token = token;
	}

	int port() {
		return port;
	}

	synchronized HecReceiver start() throws IOException {
		HttpsServer started = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		started.setHttpsConfigurator(new HttpsConfigurator(tls));
		started.createContext("/", this::handle);
		started.start();
		port = started.getAddress().getPort();
		server = started;
		return this;
	}

	synchronized void stop() {
		if (server != null) {
			server.stop(0);
			server = null;
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			if (!exchange.getRequestURI().getPath().equals(PATH) || !"POST".equals(exchange.getRequestMethod())) {
				answer(exchange, 404, "{\"text\":\"The requested URL was not found on this server.\",\"code\":404}");
				return;
			}
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			if (authorization == null) {
				refusals.add("no Authorization header");
				answer(exchange, 401, "{\"text\":\"Token is required\",\"code\":2}");
				return;
			}
			if (!authorization.equals("Splunk " + token)) {
				refusals.add("wrong token: " + authorization);
				answer(exchange, 403, "{\"text\":\"Invalid token\",\"code\":4}");
				return;
			}
			List<JsonNode> batch = new ArrayList<>();
			try (MappingIterator<JsonNode> objects = JSON.readerFor(JsonNode.class)
				.readValues(new String(body, StandardCharsets.UTF_8))) {
				while (objects.hasNext()) {
					JsonNode event = objects.next();
					if (!event.path("time").isNumber() || !event.path("host").isTextual()
							|| !event.path("source").isTextual() || !event.path("sourcetype").isTextual()
							|| !event.path("event").isObject()) {
						throw new IOException("not an HEC event: " + event);
					}
					batch.add(event);
				}
			}
			catch (IOException | RuntimeException malformed) {
				refusals.add("malformed: " + malformed.getMessage());
				answer(exchange, 400, "{\"text\":\"Invalid data format\",\"code\":6}");
				return;
			}
			events.addAll(batch);
			answer(exchange, 200, "{\"text\":\"Success\",\"code\":0}");
		}
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		stop();
	}

}

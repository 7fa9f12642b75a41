package io.trunkguard.securityevent.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trunkguard.securityevent.SecurityEvent;
import io.trunkguard.securityevent.SiemDestination;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends security events to Splunk's HTTP Event Collector: one POST per batch, the events
 * concatenated as HEC event objects ({@code time}, {@code host}, {@code source},
 * {@code sourcetype}, {@code event}), authorised with {@code Authorization: Splunk
 * <token>}. Delivered when the collector answers 200 with code 0; anything else fails the
 * batch, which the outbox sends again later.
 */
public class SplunkHecDestination implements SiemDestination {

	static final String NAME = "splunk-hec";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HecProperties properties;

	private final String host;

	private final HttpClient client;

	SplunkHecDestination(HecProperties properties, String localHostname) {
		if (properties.token() == null || properties.token().isBlank()) {
			throw new IllegalArgumentException(
					"trunkguard.siem.hec.url is set but the HEC token is not: set TRUNKGUARD_SIEM_HEC_TOKEN in the environment");
		}
		if (!"https".equalsIgnoreCase(properties.url().getScheme())) {
			throw new IllegalArgumentException("trunkguard.siem.hec.url must be an https:// address, not "
					+ properties.url() + ": the token and the events would cross the network in the clear");
		}
		this.properties = properties;
		this.host = properties.host() != null && !properties.host().isBlank() ? properties.host() : localHostname;
		this.client = HttpClient.newBuilder()
			.sslContext(PemTrust.context(properties.caCertificate()))
			.connectTimeout(properties.timeout())
			.build();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void send(List<SecurityEvent> events) throws IOException {
		StringBuilder body = new StringBuilder();
		for (SecurityEvent event : events) {
			body.append(JSON.writeValueAsString(envelope(event))).append('\n');
		}
		HttpRequest request = HttpRequest.newBuilder(properties.url())
			.timeout(properties.timeout())
			.header("Authorization", "Splunk " + properties.token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response;
		try {
			response = client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while sending to the HTTP Event Collector", e);
		}
		if (response.statusCode() != 200 || !accepted(response.body())) {
			String answer = response.body() == null ? "" : response.body();
			throw new IOException("the HTTP Event Collector answered " + response.statusCode() + ": "
					+ (answer.length() > 300 ? answer.substring(0, 300) : answer));
		}
	}

	private static boolean accepted(String body) {
		try {
			JsonNode answer = JSON.readTree(body);
			return answer != null && answer.path("code").asInt(-1) == 0;
		}
		catch (IOException notJson) {
			return false;
		}
	}

	ObjectNode envelope(SecurityEvent event) {
		ObjectNode envelope = JSON.createObjectNode();
		envelope.put("time", BigDecimal.valueOf(event.getOccurredAt().toEpochMilli()).movePointLeft(3));
		envelope.put("host", host);
		envelope.put("source", properties.source());
		envelope.put("sourcetype", properties.sourcetype());
		if (properties.index() != null && !properties.index().isBlank()) {
			envelope.put("index", properties.index());
		}
		ObjectNode fields = JSON.createObjectNode();
		event.getFields().forEach(fields::put);
		ObjectNode body = envelope.putObject("event");
		body.put("id", event.getId());
		body.put("occurredAt", event.getOccurredAt().toString());
		body.put("type", event.getType().name());
		body.put("typeLabel", event.getType().label());
		body.put("severity", event.getSeverity().name());
		body.put("source", event.getSource().name());
		body.put("sourceLabel", event.getSource().label());
		body.put("actor", event.getActor());
		body.put("subject", event.getSubject());
		body.put("message", event.getMessage());
		body.set("fields", fields);
		return envelope;
	}

}

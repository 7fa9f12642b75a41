package io.trunkguard.securityevent.integration;

import com.cloudbees.syslog.Facility;
import com.cloudbees.syslog.SDElement;
import com.cloudbees.syslog.SDParam;
import com.cloudbees.syslog.Severity;
import com.cloudbees.syslog.SyslogMessage;
import io.trunkguard.securityevent.SecurityEvent;
import io.trunkguard.securityevent.SiemDestination;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Sends security events as RFC 5424 syslog messages over TCP with octet-counting framing
 * (RFC 6587 section 3.4.1), optionally over TLS (RFC 5425, which frames the same way).
 * The message itself (header, structured data with escaping, MSG) is written by
 * syslog-java-client; the transport is ours, because a syslog receiver acknowledges
 * nothing and a plain write to a connection whose peer has gone "succeeds" into the
 * kernel's buffer and is lost. So each batch gets a connection of its own: the messages
 * are written, our side is closed for writing (a TCP FIN, or TLS close_notify), and the
 * batch counts as delivered only when the receiver, having read everything up to that
 * end, closes its side too. A receiver that is down, resets, or does not close within the
 * read timeout fails the batch, which the outbox sends again later.
 */
public class SyslogDestination implements SiemDestination {

	static final String NAME = "syslog";

	private final SyslogProperties properties;

	private final SSLContext tls;

	private final String hostname;

	private final String sdId;

	SyslogDestination(SyslogProperties properties, String localHostname) {
		this.properties = properties;
		this.tls = properties.tls() ? PemTrust.context(properties.caCertificate()) : null;
		this.hostname = printable(properties.hostname() != null && !properties.hostname().isBlank()
				? properties.hostname() : localHostname, 255);
		this.sdId = "trunkguard@" + properties.enterpriseNumber();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void send(List<SecurityEvent> events) throws IOException {
		try (Socket socket = connect()) {
			OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
			for (SecurityEvent event : events) {
				byte[] message = format(event).getBytes(StandardCharsets.UTF_8);
				out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
				out.write(message);
			}
			out.flush();
			socket.shutdownOutput();
			awaitReceiverClose(socket.getInputStream());
		}
	}

	private Socket connect() throws IOException {
		Socket socket = tls != null ? tls.getSocketFactory().createSocket() : new Socket();
		try {
			socket.connect(new InetSocketAddress(properties.host(), properties.port()),
					(int) properties.connectTimeout().toMillis());
			socket.setSoTimeout((int) properties.readTimeout().toMillis());
			if (socket instanceof SSLSocket ssl) {
				SSLParameters parameters = ssl.getSSLParameters();
				parameters.setProtocols(new String[] { "TLSv1.3", "TLSv1.2" });
				if (properties.verifyHostname()) {
					parameters.setEndpointIdentificationAlgorithm("HTTPS");
				}
				ssl.setSSLParameters(parameters);
				ssl.startHandshake();
			}
			return socket;
		}
		catch (IOException | RuntimeException e) {
			socket.close();
			throw e;
		}
	}

	private static void awaitReceiverClose(InputStream in) throws IOException {
		byte[] ignored = new byte[512];
		try {
			while (in.read(ignored) >= 0) {
				// a syslog receiver says nothing; drain whatever it might
			}
		}
		catch (SocketTimeoutException e) {
			throw new IOException("the syslog receiver did not confirm the batch by closing the connection", e);
		}
	}

	/** The RFC 5424 message of one event (without the octet count). */
	String format(SecurityEvent event) {
		SDElement data = new SDElement(sdId);
		List<SDParam> params = new ArrayList<>();
		params.add(new SDParam("eventId", String.valueOf(event.getId())));
		params.add(new SDParam("type", event.getType().name()));
		params.add(new SDParam("severity", event.getSeverity().name()));
		params.add(new SDParam("source", event.getSource().name()));
		params.add(new SDParam("actor", event.getActor()));
		if (event.getSubject() != null) {
			params.add(new SDParam("subject", event.getSubject()));
		}
		params.add(new SDParam("occurredAt", event.getOccurredAt().toString()));
		for (Map.Entry<String, String> field : event.getFields().entrySet()) {
			params.add(new SDParam(paramName(field.getKey()), field.getValue()));
		}
		params.forEach(data::addSDParam);
		return new SyslogMessage().withFacility(Facility.fromNumericalCode(properties.facility()))
			.withSeverity(Severity.fromNumericalCode(event.getSeverity().syslogSeverity()))
			.withTimestamp(Date.from(event.getOccurredAt()))
			.withHostname(hostname)
			.withAppName(printable(properties.appName(), 48))
			.withMsgId(event.getType().name().length() <= 32 ? event.getType().name()
					: event.getType().name().substring(0, 32))
			.withSDElement(data)
			.withMsg(event.getMessage())
			.toRfc5424SyslogMessage();
	}

	/**
	 * An SD-PARAM name: 1 to 32 printable US-ASCII characters other than '=', ' ', ']'
	 * and '"' (RFC 5424 section 6.3.3).
	 */
	static String paramName(String name) {
		StringBuilder out = new StringBuilder();
		for (char c : name.toCharArray()) {
			if (out.length() == 32) {
				break;
			}
			out.append(c > 32 && c < 127 && c != '=' && c != ']' && c != '"' ? c : '_');
		}
		return out.isEmpty() ? "_" : out.toString();
	}

	/** A header field: printable US-ASCII without spaces, at most {@code max} long. */
	static String printable(String value, int max) {
		StringBuilder out = new StringBuilder();
		for (char c : value.toCharArray()) {
			if (out.length() == max) {
				break;
			}
			out.append(c > 32 && c < 127 ? c : '-');
		}
		return out.isEmpty() ? "-" : out.toString();
	}

}

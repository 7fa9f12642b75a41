package io.trunkguard.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address links in mail start with: {@code trunkguard.notification.base-url} when it
 * is set (the address people open Trunkguard at, e.g. behind a proxy), otherwise the
 * server's own scheme, address, port and context path, read when a message is written (so
 * a server on port 8092, or on a port chosen at start, links to itself and not to
 * 127.0.0.1:8080).
 */
@Component
class MailLinkBase implements Supplier<String> {

	private final NotificationProperties properties;

	private final Environment environment;

	MailLinkBase(NotificationProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public String get() {
		if (properties.baseUrl() != null) {
			return properties.baseUrl();
		}
		return fromServer(environment);
	}

	/** The server's own address as a URL without a trailing slash. */
	static String fromServer(Environment environment) {
		String scheme = environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		String host = host(environment.getProperty("server.address", "127.0.0.1"));
		String contextPath = environment.getProperty("server.servlet.context-path", "");
		if (contextPath.endsWith("/")) {
			contextPath = contextPath.substring(0, contextPath.length() - 1);
		}
		return scheme + "://" + host + ":" + port + contextPath;
	}

	private static String host(String address) {
		String host = address.trim();
		if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
			try {
				// listening on every interface: the machine's name reaches it from
				// elsewhere
				host = InetAddress.getLocalHost().getCanonicalHostName();
			}
			catch (UnknownHostException e) {
				host = "localhost";
			}
		}
		return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
	}

}

package io.trunkguard.securityevent.integration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A syslog receiver on 127.0.0.1 for the tests: TCP or TLS (RFC 5425), octet-counted
 * frames (RFC 6587 3.4.1) read exactly, each parsed strictly as RFC 5424; a connection is
 * closed when the sender has ended it (EOF), as rsyslog does. Malformed frames are kept
 * as errors, never silently dropped. Can be stopped and started again on the same port.
 */
final class SyslogReceiver implements AutoCloseable {

	final List<Rfc5424.Message> messages = new CopyOnWriteArrayList<>();

	final List<String> errors = new CopyOnWriteArrayList<>();

	private final SSLContext tls;

	private int port;

	private volatile ServerSocket server;

	SyslogReceiver(SSLContext tls) {
		this.tls = tls;
	}

	int port() {
		return port;
	}

	synchronized SyslogReceiver start() throws IOException {
		ServerSocket socket = tls != null ? tls.getServerSocketFactory().createServerSocket() : new ServerSocket();
		if (socket instanceof SSLServerSocket ssl) {
			ssl.setEnabledProtocols(new String[] { "TLSv1.3", "TLSv1.2" });
		}
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		port = socket.getLocalPort();
		server = socket;
		Thread acceptor = new Thread(() -> accept(socket), "test-syslog-receiver");
		acceptor.setDaemon(true);
		acceptor.start();
		return this;
	}

	synchronized void stop() throws IOException {
		if (server != null) {
			server.close();
			server = null;
		}
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket connection = socket.accept();
				Thread reader = new Thread(() -> read(connection), "test-syslog-connection");
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void read(Socket connection) {
		try (connection; InputStream in = new BufferedInputStream(connection.getInputStream())) {
			while (true) {
				int first = in.read();
				if (first < 0) {
					return;
				}
				if (first < '1' || first > '9') {
					errors.add("frame does not start with a non-zero digit: " + first);
					return;
				}
				long length = first - '0';
				int c;
				while ((c = in.read()) != ' ') {
					if (c < '0' || c > '9' || length > 1_000_000) {
						errors.add("bad octet count");
						return;
					}
					length = length * 10 + (c - '0');
				}
				byte[] frame = in.readNBytes((int) length);
				if (frame.length != length) {
					errors.add("frame cut short: " + frame.length + " of " + length + " octets");
					return;
				}
				try {
					messages.add(Rfc5424.parse(frame));
				}
				catch (IllegalArgumentException malformed) {
					errors.add(malformed.getMessage());
				}
			}
		}
		catch (IOException e) {
			errors.add("connection failed: " + e);
		}
	}

	@Override
	public void close() throws IOException {
		stop();
	}

}

package io.trunkguard.analyzer.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * Handshakes made in memory by the JDK's own SSLEngine (a different TLS stack than
 * openssl), the bytes of each direction handed to TlsConnection exactly as the engines
 * produced them.
 */
class SslEngineHandshakeTest {

	record Outcome(TlsFacts facts, String protocol, String cipherSuite, Certificate peerLeaf) {
	}

	static Outcome handshake(String protocol, String certName, String keyName) throws Exception {
		SSLContext ctx = context(certName, keyName);
		SSLEngine client = ctx.createSSLEngine("sip.example.test", 5061);
		client.setUseClientMode(true);
		SSLParameters cp = client.getSSLParameters();
		cp.setProtocols(new String[] { protocol });
		cp.setServerNames(List.of(new SNIHostName("sip.example.test")));
		cp.setApplicationProtocols(new String[] { "sip", "h2" });
		client.setSSLParameters(cp);
		SSLEngine server = ctx.createSSLEngine();
		server.setUseClientMode(false);
		SSLParameters sp = server.getSSLParameters();
		sp.setProtocols(new String[] { protocol });
		sp.setApplicationProtocols(new String[] { "sip" });
		server.setSSLParameters(sp);

		TlsConnection conn = TlsConnection.stream(null);
		ByteBuffer toServer = ByteBuffer.allocate(1 << 17);
		ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
		ByteBuffer clientApp = ByteBuffer.allocate(1 << 16);
		ByteBuffer serverApp = ByteBuffer.allocate(1 << 16);
		ByteBuffer clientData = ByteBuffer
			.wrap("OPTIONS sip:probe SIP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		ByteBuffer serverData = ByteBuffer.wrap("SIP/2.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		client.beginHandshake();
		server.beginHandshake();
		long frame = 0;
		for (int round = 0; round < 200 && (clientData.hasRemaining() || serverData.hasRemaining()); round++) {
			int mark = toServer.position();
			wrap(client, clientData, toServer);
			frame = emit(conn, Side.A, toServer, mark, frame);
			mark = toClient.position();
			wrap(server, serverData, toClient);
			frame = emit(conn, Side.B, toClient, mark, frame);
			toServer.flip();
			unwrap(server, toServer, serverApp);
			toServer.compact();
			toClient.flip();
			unwrap(client, toClient, clientApp);
			toClient.compact();
		}
		assertThat(clientData.hasRemaining()).isFalse();
		assertThat(serverData.hasRemaining()).isFalse();
		return new Outcome(conn.facts(), client.getSession().getProtocol(), client.getSession().getCipherSuite(),
				client.getSession().getPeerCertificates()[0]);
	}

	private static long emit(TlsConnection conn, Side side, ByteBuffer out, int from, long frame) {
		int len = out.position() - from;
		if (len > 0) {
			conn.onStreamData(side, out.array(), from, len, ++frame);
		}
		return frame;
	}

	private static void wrap(SSLEngine engine, ByteBuffer app, ByteBuffer net) throws Exception {
		for (int i = 0; i < 10; i++) {
			SSLEngineResult r = engine.wrap(app, net);
			runTasks(engine);
			if (r.bytesProduced() == 0) {
				return;
			}
		}
	}

	private static void unwrap(SSLEngine engine, ByteBuffer net, ByteBuffer app) throws Exception {
		while (net.hasRemaining()) {
			SSLEngineResult r = engine.unwrap(net, app);
			runTasks(engine);
			if (r.getStatus() != SSLEngineResult.Status.OK || r.bytesConsumed() == 0) {
				return;
			}
		}
	}

	private static void runTasks(SSLEngine engine) {
		Runnable task;
		while ((task = engine.getDelegatedTask()) != null) {
			task.run();
		}
	}

	static SSLContext context(String certName, String keyName) throws Exception {
		Certificate cert = CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(CertificateFactsTest.der(certName)));
		String pem = new String(TestPcap.resource("certs/" + keyName), StandardCharsets.US_ASCII);
		String body = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
				pem.indexOf("-----END PRIVATE KEY-----"));
		PrivateKey key = KeyFactory.getInstance(cert.getPublicKey().getAlgorithm())
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
		KeyStore ks = KeyStore.getInstance("PKCS12");
		ks.load(null, null);
		ks.setKeyEntry("server", key, "pw".toCharArray(), new Certificate[] { cert });
		KeyStore ts = KeyStore.getInstance("PKCS12");
		ts.load(null, null);
		ts.setCertificateEntry("trusted", cert);
		KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
		kmf.init(ks, "pw".toCharArray());
		TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
		tmf.init(ts);
		SSLContext ctx = SSLContext.getInstance("TLS");
		ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
		return ctx;
	}

	@Test
	void readsAJdkTls12Handshake() throws Exception {
		Outcome o = handshake("TLSv1.2", "rsa2048.pem", "rsa2048.key");
		TlsFacts f = o.facts();

		assertThat(o.protocol()).isEqualTo("TLSv1.2");
		assertThat(f.version()).isEqualTo("TLS 1.2");
		assertThat(f.cipherSuiteName()).isEqualTo(o.cipherSuite()); // the JDK names
																	// suites the IANA way
		assertThat(f.cipherStrength()).isEqualTo(CipherSuites.Strength.STRONG);
		assertThat(f.serverName()).isEqualTo("sip.example.test");
		assertThat(f.alpn()).containsExactly("sip"); // the server's answer
		assertThat(f.serverCertificates()).singleElement().satisfies(c -> {
			assertThat(c.sha256Fingerprint()).isEqualTo(CertificateFactsTest.opensslFingerprint("rsa2048.pem"));
			assertThat(c.selfSigned()).isTrue();
		});
		assertThat(f.certificatesEncrypted()).isFalse();
		assertThat(f.handshakeComplete()).isTrue();
		assertThat(f.decrypted()).isFalse();
		assertThat(f.damage()).isNull();
	}

	@Test
	void readsAJdkTls13HandshakeAsTls13WithTheCertificateHidden() throws Exception {
		Outcome o = handshake("TLSv1.3", "ec-leaf.pem", "ec-leaf.key");
		TlsFacts f = o.facts();

		assertThat(o.protocol()).isEqualTo("TLSv1.3");
		assertThat(f.version()).isEqualTo("TLS 1.3");
		assertThat(f.offeredVersions()).containsExactly(0x0304);
		assertThat(f.cipherSuiteName()).isEqualTo(o.cipherSuite());
		assertThat(f.serverName()).isEqualTo("sip.example.test");
		assertThat(f.alpn()).containsExactly("sip", "h2"); // the answer is encrypted:
															// what was offered
		assertThat(f.serverCertificates()).isEmpty();
		assertThat(f.certificatesEncrypted()).isTrue();
		assertThat(f.handshakeComplete()).isTrue();
		assertThat(f.damage()).isNull();
	}

	@Test
	void readsTheWeakCertificateOfAJdkHandshake() throws Exception {
		Outcome o = handshake("TLSv1.2", "rsa1024.pem", "rsa1024.key");
		assertThat(o.facts().serverCertificates()).singleElement().satisfies(c -> {
			assertThat(c.keyBits()).isEqualTo(1024);
			assertThat(c.weakKey()).isTrue();
		});
	}

}

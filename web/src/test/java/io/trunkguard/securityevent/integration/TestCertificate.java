package io.trunkguard.securityevent.integration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1, made by the JDK's keytool when the test runs:
 * the receivers' TLS identity, and the PEM file the destinations are told to trust.
 */
final class TestCertificate {

	private static final char[] PASSWORD = "test-receiver-pw".toCharArray();

	final Path pem;

	final SSLContext serverContext;

	private TestCertificate(Path pem, SSLContext serverContext) {
		this.pem = pem;
		this.serverContext = serverContext;
	}

	static TestCertificate create(Path directory) throws Exception {
		Path store = directory.resolve("receiver.p12");
		Path pem = directory.resolve("receiver.pem");
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		run(List.of(keytool, "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg",
				"SHA256withECDSA", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype",
				"PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD)));
		run(List.of(keytool, "-exportcert", "-rfc", "-alias", "receiver", "-keystore", store.toString(), "-storepass",
				new String(PASSWORD), "-file", pem.toString()));
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			keys.load(in, PASSWORD);
		}
		KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		managers.init(keys, PASSWORD);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(managers.getKeyManagers(), null, null);
		return new TestCertificate(pem, context);
	}

	private static void run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("keytool failed: " + output);
		}
	}

}

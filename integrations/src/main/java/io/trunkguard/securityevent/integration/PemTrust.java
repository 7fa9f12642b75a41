package io.trunkguard.securityevent.integration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * The TLS context a SIEM destination connects with: the JVM's trusted authorities, or
 * only the certificates of a PEM file (a private CA, or a receiver's self-signed
 * certificate).
 */
final class PemTrust {

	private PemTrust() {
	}

	static SSLContext context(Path pemFile) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			if (pemFile == null) {
				context.init(null, null, null);
				return context;
			}
			Collection<? extends Certificate> certificates;
			try (InputStream in = Files.newInputStream(pemFile)) {
				certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
			}
			if (certificates.isEmpty()) {
				throw new IllegalArgumentException("No certificate in " + pemFile);
			}
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int i = 0;
			for (Certificate certificate : certificates) {
				store.setCertificateEntry("trusted-" + i++, certificate);
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException | GeneralSecurityException e) {
			throw new IllegalArgumentException(
					"Cannot read the trusted certificates in " + pemFile + ": " + e.getMessage(), e);
		}
	}

}

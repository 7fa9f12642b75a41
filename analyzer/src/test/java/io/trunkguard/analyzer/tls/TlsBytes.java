package io.trunkguard.analyzer.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds TLS handshake messages and records byte by byte, for tests of the record layer
 * and parsers.
 */
final class TlsBytes {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	static TlsBytes bytes() {
		return new TlsBytes();
	}

	TlsBytes u8(int v) {
		out.write(v);
		return this;
	}

	TlsBytes u16(int v) {
		out.write(v >> 8);
		out.write(v);
		return this;
	}

	TlsBytes u24(int v) {
		out.write(v >> 16);
		out.write(v >> 8);
		out.write(v);
		return this;
	}

	TlsBytes raw(byte[] b) {
		out.writeBytes(b);
		return this;
	}

	TlsBytes vec8(byte[] b) {
		return u8(b.length).raw(b);
	}

	TlsBytes vec16(byte[] b) {
		return u16(b.length).raw(b);
	}

	TlsBytes vec24(byte[] b) {
		return u24(b.length).raw(b);
	}

	TlsBytes zeros(int n) {
		return raw(new byte[n]);
	}

	byte[] done() {
		return out.toByteArray();
	}

	static byte[] record(int type, int version, byte[] body) {
		return bytes().u8(type).u16(version).vec16(body).done();
	}

	static byte[] handshake(int type, byte[] body) {
		return bytes().u8(type).vec24(body).done();
	}

	static byte[] extension(int type, byte[] body) {
		return bytes().u16(type).vec16(body).done();
	}

	static byte[] sni(String host) {
		byte[] name = bytes().u8(0).vec16(host.getBytes(StandardCharsets.US_ASCII)).done();
		return extension(0, bytes().vec16(name).done());
	}

	static byte[] alpn(List<String> protocols) {
		TlsBytes list = bytes();
		for (String p : protocols) {
			list.vec8(p.getBytes(StandardCharsets.US_ASCII));
		}
		return extension(16, bytes().vec16(list.done()).done());
	}

	static byte[] clientVersions(int... versions) {
		TlsBytes list = bytes();
		for (int v : versions) {
			list.u16(v);
		}
		return extension(43, bytes().vec8(list.done()).done());
	}

	static byte[] useSrtp(int... profiles) {
		TlsBytes list = bytes();
		for (int p : profiles) {
			list.u16(p);
		}
		return extension(14, bytes().vec16(list.done()).u8(0).done());
	}

	/**
	 * A ClientHello handshake message (with header) offering two suites and the given
	 * extensions.
	 */
	static byte[] clientHello(byte[]... extensions) {
		TlsBytes ext = bytes();
		for (byte[] e : extensions) {
			ext.raw(e);
		}
		byte[] body = bytes().u16(0x0303)
			.raw(random(0x11))
			.vec8(new byte[32])
			.vec16(bytes().u16(0x1301).u16(0xC02F).done())
			.vec8(new byte[] { 0 })
			.vec16(ext.done())
			.done();
		return handshake(1, body);
	}

	/**
	 * A ServerHello handshake message choosing the suite; selectedVersion 0 means no
	 * supported_versions.
	 */
	static byte[] serverHello(int suite, int selectedVersion, byte[]... extensions) {
		TlsBytes ext = bytes();
		if (selectedVersion != 0) {
			ext.raw(extension(43, bytes().u16(selectedVersion).done()));
		}
		for (byte[] e : extensions) {
			ext.raw(e);
		}
		byte[] body = bytes().u16(0x0303)
			.raw(random(0x22))
			.vec8(new byte[32])
			.u16(suite)
			.u8(0)
			.vec16(ext.done())
			.done();
		return handshake(2, body);
	}

	/** A TLS 1.2 Certificate message with the given DER certificates. */
	static byte[] certificate(byte[]... ders) {
		TlsBytes list = bytes();
		for (byte[] d : ders) {
			list.vec24(d);
		}
		return handshake(11, bytes().vec24(list.done()).done());
	}

	static byte[] random(int fill) {
		byte[] r = new byte[32];
		java.util.Arrays.fill(r, (byte) fill);
		return r;
	}

	static byte[] concat(byte[]... parts) {
		TlsBytes b = bytes();
		for (byte[] p : parts) {
			b.raw(p);
		}
		return b.done();
	}

	static byte[] slice(byte[] b, int from, int to) {
		return java.util.Arrays.copyOfRange(b, from, to);
	}

}

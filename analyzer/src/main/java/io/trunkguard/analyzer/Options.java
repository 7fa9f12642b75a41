package io.trunkguard.analyzer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Settings of one analysis: the optional TLS key log, rule thresholds, the "today" clock
 * used for certificate expiry, and the caps that keep memory bounded. Immutable; change
 * with the withers.
 */
public final class Options {

	private Path keyLog;

	private Clock clock = Clock.systemUTC();

	private int certExpiringDays = 30;

	private int bruteForceThreshold = 10;

	private Duration bruteForceWindow = Duration.ofSeconds(60);

	private int tollFraudThreshold = 5;

	private Duration tollFraudWindow = Duration.ofSeconds(60);

	private List<String> internationalPrefixes = List.of("00", "011", "+");

	private List<String> premiumPrefixes = List.of("+882", "+883", "+881", "+979", "+870", "00882", "00883", "00881",
			"00979", "0900", "1900", "+1900", "09", "+4470", "+4487", "+4490", "+4491");

	private int optionsSweepThreshold = 10;

	private Duration optionsSweepWindow = Duration.ofSeconds(60);

	private List<String> scannerUserAgents = List.of("friendly-scanner", "sipvicious", "sipcli", "sip-scan", "sipsak",
			"sundayddr", "iwar", "smap", "vaxsipuseragent", "pplsip", "voip-scan", "sipptk", "siparmyknife", "gulp",
			"nmap", "cisco-sipgateway/ios-12.x", "fpbx-scan", "sipscan");

	private List<String> internalNetworks = List.of();

	private int maxDialogs = 20_000;

	private int maxLegs = 10_000;

	private int maxSources = 10_000;

	private int maxUdpFlows = 200_000;

	private int maxTcpConnections = 50_000;

	private int tcpBufferBytes = 256 * 1024;

	private boolean readOnly;

	private boolean hashing = true;

	private boolean failFast;

	private ProgressListener progress;

	public static Options defaults() {
		return new Options();
	}

	private Options copy() {
		Options o = new Options();
		o.keyLog = keyLog;
		o.clock = clock;
		o.certExpiringDays = certExpiringDays;
		o.bruteForceThreshold = bruteForceThreshold;
		o.bruteForceWindow = bruteForceWindow;
		o.tollFraudThreshold = tollFraudThreshold;
		o.tollFraudWindow = tollFraudWindow;
		o.internationalPrefixes = internationalPrefixes;
		o.premiumPrefixes = premiumPrefixes;
		o.optionsSweepThreshold = optionsSweepThreshold;
		o.optionsSweepWindow = optionsSweepWindow;
		o.scannerUserAgents = scannerUserAgents;
		o.internalNetworks = internalNetworks;
		o.maxDialogs = maxDialogs;
		o.maxLegs = maxLegs;
		o.maxSources = maxSources;
		o.maxUdpFlows = maxUdpFlows;
		o.maxTcpConnections = maxTcpConnections;
		o.tcpBufferBytes = tcpBufferBytes;
		o.readOnly = readOnly;
		o.hashing = hashing;
		o.failFast = failFast;
		o.progress = progress;
		return o;
	}

	/** NSS key log (SSLKEYLOGFILE format) used to decrypt TLS signalling. */
	public Options withKeyLog(Path file) {
		Options o = copy();
		o.keyLog = file;
		return o;
	}

	/** The clock that says what "today" is for certificate expiry. */
	public Options withClock(Clock c) {
		Options o = copy();
		o.clock = c;
		return o;
	}

	public Options withCertExpiringDays(int days) {
		Options o = copy();
		o.certExpiringDays = days;
		return o;
	}

	/**
	 * REGISTER failures from one source within {@code window} that make a brute force.
	 */
	public Options withBruteForce(int threshold, Duration window) {
		Options o = copy();
		o.bruteForceThreshold = threshold;
		o.bruteForceWindow = window;
		return o;
	}

	/**
	 * INVITEs to international or premium numbers from one source within {@code window}.
	 */
	public Options withTollFraud(int threshold, Duration window) {
		Options o = copy();
		o.tollFraudThreshold = threshold;
		o.tollFraudWindow = window;
		return o;
	}

	public Options withInternationalPrefixes(List<String> prefixes) {
		Options o = copy();
		o.internationalPrefixes = List.copyOf(prefixes);
		return o;
	}

	public Options withPremiumPrefixes(List<String> prefixes) {
		Options o = copy();
		o.premiumPrefixes = List.copyOf(prefixes);
		return o;
	}

	/**
	 * Distinct OPTIONS targets from one source within {@code window} that make a sweep.
	 */
	public Options withOptionsSweep(int threshold, Duration window) {
		Options o = copy();
		o.optionsSweepThreshold = threshold;
		o.optionsSweepWindow = window;
		return o;
	}

	public Options withScannerUserAgents(List<String> agents) {
		Options o = copy();
		o.scannerUserAgents = List.copyOf(agents);
		return o;
	}

	/**
	 * Networks (CIDR) whose INVITEs are internal; calls from elsewhere must be
	 * challenged. Empty: all are outside.
	 */
	public Options withInternalNetworks(List<String> cidrs) {
		Options o = copy();
		o.internalNetworks = List.copyOf(cidrs);
		return o;
	}

	public Options withLimits(int maxDialogs, int maxLegs, int maxUdpFlows, int maxTcpConnections, int tcpBufferBytes) {
		Options o = copy();
		o.maxDialogs = maxDialogs;
		o.maxLegs = maxLegs;
		o.maxUdpFlows = maxUdpFlows;
		o.maxTcpConnections = maxTcpConnections;
		o.tcpBufferBytes = tcpBufferBytes;
		return o;
	}

	/** Frame records and decode nothing: the I/O floor, for benchmarks. */
	public Options withReadOnly(boolean value) {
		Options o = copy();
		o.readOnly = value;
		return o;
	}

	/**
	 * Whether the analysis computes the SHA-256 of the bytes it reads (the default). Off
	 * for a caller that hashes the same bytes itself (the app hashes an upload as it
	 * stores it): the report's {@code capture.sha256} is then null for the caller to fill
	 * in, and the reading thread does a third of its work.
	 */
	public Options withHashing(boolean value) {
		Options o = copy();
		o.hashing = value;
		return o;
	}

	/** Rethrow internal errors instead of counting them: for tests and fuzzing only. */
	public Options withFailFast(boolean value) {
		Options o = copy();
		o.failFast = value;
		return o;
	}

	public Options withProgress(ProgressListener listener) {
		Options o = copy();
		o.progress = listener;
		return o;
	}

	public Path keyLog() {
		return keyLog;
	}

	public Clock clock() {
		return clock;
	}

	public int certExpiringDays() {
		return certExpiringDays;
	}

	public int bruteForceThreshold() {
		return bruteForceThreshold;
	}

	public Duration bruteForceWindow() {
		return bruteForceWindow;
	}

	public int tollFraudThreshold() {
		return tollFraudThreshold;
	}

	public Duration tollFraudWindow() {
		return tollFraudWindow;
	}

	public List<String> internationalPrefixes() {
		return internationalPrefixes;
	}

	public List<String> premiumPrefixes() {
		return premiumPrefixes;
	}

	public int optionsSweepThreshold() {
		return optionsSweepThreshold;
	}

	public Duration optionsSweepWindow() {
		return optionsSweepWindow;
	}

	public List<String> scannerUserAgents() {
		return scannerUserAgents;
	}

	public List<String> internalNetworks() {
		return internalNetworks;
	}

	public int maxDialogs() {
		return maxDialogs;
	}

	public int maxLegs() {
		return maxLegs;
	}

	public int maxSources() {
		return maxSources;
	}

	public int maxUdpFlows() {
		return maxUdpFlows;
	}

	public int maxTcpConnections() {
		return maxTcpConnections;
	}

	public int tcpBufferBytes() {
		return tcpBufferBytes;
	}

	public boolean readOnly() {
		return readOnly;
	}

	public boolean hashing() {
		return hashing;
	}

	public boolean failFast() {
		return failFast;
	}

	public ProgressListener progress() {
		return progress;
	}

}

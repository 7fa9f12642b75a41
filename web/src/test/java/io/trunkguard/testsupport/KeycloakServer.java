package io.trunkguard.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak server for tests: the distribution
 * {@code org.keycloak:keycloak-quarkus-dist}, unpacked by the web pom into
 * {@code target/keycloak}, started once per JVM on 127.0.0.1 with a free port and the
 * realm export {@code keycloak/trunkguard-realm.json} imported. Stopped (with its whole
 * process tree) when the JVM exits.
 *
 * <p>
 * Every start gets a fresh data directory, so runs do not depend on each other. Its log
 * is written to {@code target/keycloak-logs/}.
 */
public final class KeycloakServer {

	public static final String REALM = "trunkguard";

	public static final String APP_CLIENT_ID = "trunkguard-app";

	/** The demo secret from the realm export; used only by docker-compose and tests. */
	public static final String APP_CLIENT_SECRET = "trunkguard-app-demo-secret";

	public static final String ADMIN_CLIENT_ID = "trunkguard-admin";

	/** The demo secret of the service-account client from the realm export. */
	public static final String ADMIN_CLIENT_SECRET = "trunkguard-admin-demo-secret";

	private static final Duration STARTUP_TIMEOUT = Duration
		.ofSeconds(Long.getLong("trunkguard.keycloak.startup-timeout-seconds", 300));

	private static final ObjectMapper JSON = new ObjectMapper();

	private static KeycloakServer instance;

	private final Map<String, String> serviceAccountSecrets = new java.util.HashMap<>();

	private volatile Process process;

	private final int port;

	private volatile Path logFile;

	private final String bootstrapAdminUser;

	private final String bootstrapAdminPassword;

	private final Duration startupTime;

	private RSAKey testSigningKey;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/**
	 * The running server, started on first use. Fails with the reason (and the log's
	 * tail) if it cannot start.
	 */
	public static synchronized KeycloakServer get() {
		if (instance == null) {
			instance = startFresh();
		}
		return instance;
	}

	private final Path home;

	private KeycloakServer(Process process, Path home, int port, Path logFile, String adminUser, String adminPassword,
			Duration startupTime) {
		this.home = home;
		this.process = process;
		this.port = port;
		this.logFile = logFile;
		this.bootstrapAdminUser = adminUser;
		this.bootstrapAdminPassword = adminPassword;
		this.startupTime = startupTime;
	}

	/** {@code http://127.0.0.1:PORT}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	/**
	 * The issuer of the realm's tokens, exactly as it appears in their {@code iss} claim.
	 */
	public String issuerUri() {
		return baseUrl() + "/realms/" + REALM;
	}

	public String tokenEndpoint() {
		return issuerUri() + "/protocol/openid-connect/token";
	}

	public String jwkSetUri() {
		return issuerUri() + "/protocol/openid-connect/certs";
	}

	public int port() {
		return port;
	}

	/**
	 * How long the server took from process start until the realm's discovery document
	 * answered.
	 */
	public Duration startupTime() {
		return startupTime;
	}

	public Path logFile() {
		return logFile;
	}

	/**
	 * The CPU time the server's processes (the start script and the JVM it runs) have
	 * used so far; for benches that share the machine with it.
	 */
	public Duration cpuTime() {
		ProcessHandle root = process.toHandle();
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants())
			.map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
			.reduce(Duration.ZERO, Duration::plus);
	}

	/**
	 * A resource-owner password grant with the {@code trunkguard-app} client.
	 * @return the access token
	 * @throws IllegalStateException with Keycloak's answer if the grant is refused
	 */
	public String passwordGrant(String username, String password) {
		return tokenResponse(tokenEndpoint(), username, password).get("access_token").asText();
	}

	/**
	 * A password grant sent to another URL of this server, e.g. with host
	 * {@code localhost} instead of {@code 127.0.0.1}: Keycloak then issues a correctly
	 * signed token whose issuer is that URL.
	 */
	public String passwordGrantAt(String tokenEndpoint, String username, String password) {
		return tokenResponse(tokenEndpoint, username, password).get("access_token").asText();
	}

	/** The full token response (access, refresh and ID token) of a password grant. */
	public JsonNode tokenResponse(String username, String password) {
		return tokenResponse(tokenEndpoint(), username, password);
	}

	private JsonNode tokenResponse(String tokenEndpoint, String username, String password) {
		HttpResponse<String> response = postForm(tokenEndpoint,
				Map.of("grant_type", "password", "client_id", APP_CLIENT_ID, "client_secret", APP_CLIENT_SECRET,
						"username", username, "password", password, "scope", "openid"));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Password grant for '" + username + "' refused by Keycloak: HTTP "
					+ response.statusCode() + " " + response.body());
		}
		return readJson(response.body());
	}

	/**
	 * An access token of the {@code trunkguard-admin} service account (client credentials
	 * grant).
	 */
	public String adminServiceAccountToken() {
		HttpResponse<String> response = postForm(tokenEndpoint(), Map.of("grant_type", "client_credentials",
				"client_id", ADMIN_CLIENT_ID, "client_secret", ADMIN_CLIENT_SECRET));
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"Client credentials grant refused: HTTP " + response.statusCode() + " " + response.body());
		}
		return readJson(response.body()).get("access_token").asText();
	}

	/**
	 * A client-credentials access token of the confidential client {@code clientId}, a
	 * service account holding the realm roles {@code realmRoles} (none: Keycloak's
	 * default roles only). The client is added to the test realm on first use (through
	 * the admin REST API) with a random secret; the same client id keeps its roles.
	 */
	public synchronized String serviceAccountToken(String clientId, String... realmRoles) {
		String secret = serviceAccountSecrets.get(clientId);
		if (secret == null) {
			secret = randomSecret();
			String adminToken = masterAdminToken();
			String realmUrl = baseUrl() + "/admin/realms/" + REALM;
			ObjectNode client = JSON.createObjectNode()
				.put("clientId", clientId)
				.put("name", "Automation client " + clientId)
				.put("enabled", true)
				.put("publicClient", false)
				.put("clientAuthenticatorType", "client-secret")
				.put("secret", secret)
				.put("serviceAccountsEnabled", true)
				.put("standardFlowEnabled", false)
				.put("directAccessGrantsEnabled", false);
			send(HttpRequest.newBuilder(URI.create(realmUrl + "/clients"))
				.header("Authorization", "Bearer " + adminToken)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(client.toString())), 201);
			String id = readJson(send(HttpRequest.newBuilder(URI.create(realmUrl + "/clients?clientId=" + clientId))
				.header("Authorization", "Bearer " + adminToken)
				.GET(), 200).body()).get(0).get("id").asText();
			String userId = readJson(
					send(HttpRequest.newBuilder(URI.create(realmUrl + "/clients/" + id + "/service-account-user"))
						.header("Authorization", "Bearer " + adminToken)
						.GET(), 200).body())
				.get("id")
				.asText();
			if (realmRoles.length > 0) {
				ArrayNode roles = JSON.createArrayNode();
				for (String role : realmRoles) {
					roles.add(readJson(send(HttpRequest.newBuilder(URI.create(realmUrl + "/roles/" + role))
						.header("Authorization", "Bearer " + adminToken)
						.GET(), 200).body()));
				}
				send(HttpRequest.newBuilder(URI.create(realmUrl + "/users/" + userId + "/role-mappings/realm"))
					.header("Authorization", "Bearer " + adminToken)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(roles.toString())), 204);
			}
			serviceAccountSecrets.put(clientId, secret);
		}
		HttpResponse<String> response = postForm(tokenEndpoint(),
				Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"Client credentials grant refused: HTTP " + response.statusCode() + " " + response.body());
		}
		return readJson(response.body()).get("access_token").asText();
	}

	/**
	 * Lets {@code trunkguard-app} redirect to (and log out to) {@code uriPattern}, e.g.
	 * {@code http://127.0.0.1:54321/*} for an app started on a random port. Uses the
	 * admin REST API with the server's bootstrap admin.
	 */
	public synchronized void allowRedirectUri(String uriPattern) {
		String adminToken = masterAdminToken();
		String clientsUrl = baseUrl() + "/admin/realms/" + REALM + "/clients";
		JsonNode clients = readJson(send(HttpRequest.newBuilder(URI.create(clientsUrl + "?clientId=" + APP_CLIENT_ID))
			.header("Authorization", "Bearer " + adminToken)
			.GET(), 200).body());
		ObjectNode client = (ObjectNode) clients.get(0);
		ArrayNode redirectUris = (ArrayNode) client.get("redirectUris");
		for (JsonNode existing : redirectUris) {
			if (existing.asText().equals(uriPattern)) {
				return;
			}
		}
		redirectUris.add(uriPattern);
		ObjectNode attributes = (ObjectNode) client.get("attributes");
		String logoutUris = attributes.path("post.logout.redirect.uris").asText("");
		attributes.put("post.logout.redirect.uris", logoutUris.isEmpty() ? uriPattern : logoutUris + "##" + uriPattern);
		send(HttpRequest.newBuilder(URI.create(clientsUrl + "/" + client.get("id").asText()))
			.header("Authorization", "Bearer " + adminToken)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(client.toString())), 204);
	}

	/**
	 * Points the back-channel logout of {@code trunkguard-app} at {@code url} (the realm
	 * export names port 8080; an app under test runs on a random port). The server is
	 * shared: the last caller wins.
	 */
	public synchronized void useBackChannelLogoutUrl(String url) {
		String adminToken = masterAdminToken();
		String clientsUrl = baseUrl() + "/admin/realms/" + REALM + "/clients";
		JsonNode clients = readJson(send(HttpRequest.newBuilder(URI.create(clientsUrl + "?clientId=" + APP_CLIENT_ID))
			.header("Authorization", "Bearer " + adminToken)
			.GET(), 200).body());
		ObjectNode client = (ObjectNode) clients.get(0);
		((ObjectNode) client.get("attributes")).put("backchannel.logout.url", url);
		send(HttpRequest.newBuilder(URI.create(clientsUrl + "/" + client.get("id").asText()))
			.header("Authorization", "Bearer " + adminToken)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(client.toString())), 204);
	}

	/**
	 * The realm's client settings of {@code trunkguard-app} as Keycloak holds them (read
	 * through the admin API with the bootstrap admin).
	 */
	public synchronized JsonNode appClient() {
		String adminToken = masterAdminToken();
		String clientsUrl = baseUrl() + "/admin/realms/" + REALM + "/clients";
		return readJson(send(HttpRequest.newBuilder(URI.create(clientsUrl + "?clientId=" + APP_CLIENT_ID))
			.header("Authorization", "Bearer " + adminToken)
			.GET(), 200).body()).get(0);
	}

	/**
	 * An RSA key pair registered in the realm for tests that need tokens Keycloak would
	 * not issue (expired ones, for example) but whose signature the realm vouches for.
	 * The public key is published in the realm's JWKS; with priority 1 (Keycloak's
	 * generated key has 100) Keycloak never signs with it itself. Register it before the
	 * application under test first reads the JWKS.
	 */
	public synchronized RSAKey testSigningKey() {
		if (testSigningKey == null) {
			testSigningKey = registerTestSigningKey();
		}
		return testSigningKey;
	}

	private RSAKey registerTestSigningKey() {
		KeyPair pair;
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			pair = generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		String adminToken = masterAdminToken();
		String realmUrl = baseUrl() + "/admin/realms/" + REALM;
		String realmId = readJson(
				send(HttpRequest.newBuilder(URI.create(realmUrl)).header("Authorization", "Bearer " + adminToken).GET(),
						200)
					.body())
			.get("id")
			.asText();

		ObjectNode component = JSON.createObjectNode()
			.put("name", "test-signing-key")
			.put("providerId", "rsa")
			.put("providerType", "org.keycloak.keys.KeyProvider")
			.put("parentId", realmId);
		ObjectNode config = component.putObject("config");
		config.putArray("priority").add("1");
		config.putArray("enabled").add("true");
		config.putArray("active").add("true");
		config.putArray("algorithm").add("RS256");
		config.putArray("privateKey").add(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(realmUrl + "/components"))
			.header("Authorization", "Bearer " + adminToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(component.toString())), 201);
		String location = created.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException("Keycloak created the key without a Location"));
		String componentId = location.substring(location.lastIndexOf('/') + 1);

		JsonNode keys = readJson(send(HttpRequest.newBuilder(URI.create(realmUrl + "/keys"))
			.header("Authorization", "Bearer " + adminToken)
			.GET(), 200).body()).get("keys");
		for (JsonNode key : keys) {
			if (componentId.equals(key.path("providerId").asText())) {
				return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
					.keyID(key.get("kid").asText())
					.build();
			}
		}
		throw new IllegalStateException("Keycloak does not list the registered test key: " + keys);
	}

	/**
	 * An admin client of the server's bootstrap admin (master realm), for tests that
	 * change what the service account may not: login flows, required actions, realm
	 * roles. Close it after use.
	 */
	public org.keycloak.admin.client.Keycloak masterAdminClient() {
		return org.keycloak.admin.client.KeycloakBuilder.builder()
			.serverUrl(baseUrl())
			.realm("master")
			.clientId("admin-cli")
			.grantType(org.keycloak.OAuth2Constants.PASSWORD)
			.username(bootstrapAdminUser)
			.password(bootstrapAdminPassword)
			.build();
	}

	private String masterAdminToken() {
		HttpResponse<String> response = postForm(baseUrl() + "/realms/master/protocol/openid-connect/token",
				Map.of("grant_type", "password", "client_id", "admin-cli", "username", bootstrapAdminUser, "password",
						bootstrapAdminPassword));
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"Bootstrap admin login refused: HTTP " + response.statusCode() + " " + response.body());
		}
		return readJson(response.body()).get("access_token").asText();
	}

	private HttpResponse<String> postForm(String url, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return send(request, -1);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, int expectedStatus) {
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (expectedStatus > 0 && response.statusCode() != expectedStatus) {
				throw new IllegalStateException("Keycloak answered HTTP " + response.statusCode() + " (expected "
						+ expectedStatus + "): " + response.body());
			}
			return response;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static JsonNode readJson(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Not JSON: " + body, e);
		}
	}

	// ----------------------------------------------------------------------------------------------
	// start

	private static KeycloakServer startFresh() {
		Path moduleDir = Paths.get("").toAbsolutePath();
		Path home = distribution(moduleDir);
		Path realmExport = realmExport(moduleDir);
		Path target = moduleDir.resolve("target");
		Path logDir = target.resolve("keycloak-logs");
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		Path logFile = logDir.resolve("keycloak-" + stamp + ".log");
		int port = freePort();
		String adminUser = "test-admin";
		String adminPassword = randomSecret();
		try {
			Files.createDirectories(logDir);
			// A fresh data directory per start (database, caches, import): runs are
			// independent.
			Path data = home.resolve("data");
			deleteRecursively(data);
			Path importDir = Files.createDirectories(data.resolve("import"));
			Files.copy(realmExport, importDir.resolve("trunkguard-realm.json"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot prepare Keycloak's data directory under " + home, e);
		}

		long started = System.nanoTime();
		Process process = launch(home, port, logFile, adminUser, adminPassword);
		awaitReady(process, port, logFile, started);
		Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
		System.out.printf("Keycloak ready on 127.0.0.1:%d after %.1f s (log: %s)%n", port,
				startupTime.toMillis() / 1000.0, logFile);
		return new KeycloakServer(process, home, port, logFile, adminUser, adminPassword, startupTime);
	}

	/**
	 * Stops the server (for fault tests: the application sees connections refused). Its
	 * data (realm, users) stays; {@link #start()} brings it back on the same port.
	 * Whoever stops it must start it again, also when the test fails (the server is
	 * shared by every test of the JVM).
	 */
	public synchronized void stop() {
		stop(process);
		System.out.printf("Keycloak on 127.0.0.1:%d stopped%n", port);
	}

	/**
	 * Starts a stopped server again on the same port with the same data; returns how long
	 * it took to be ready.
	 */
	public synchronized Duration start() {
		if (process.isAlive()) {
			return Duration.ZERO;
		}
		Path restartLog = logFile.resolveSibling("keycloak-restart-"
				+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log");
		long started = System.nanoTime();
		process = launch(home, port, restartLog, bootstrapAdminUser, bootstrapAdminPassword);
		awaitReady(process, port, restartLog, started);
		logFile = restartLog;
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.printf("Keycloak restarted on 127.0.0.1:%d after %.1f s (log: %s)%n", port, took.toMillis() / 1000.0,
				restartLog);
		return took;
	}

	/** Whether the server process runs (it may still be starting). */
	public boolean isRunning() {
		return process.isAlive();
	}

	private static Process launch(Path home, int port, Path logFile, String adminUser, String adminPassword) {
		ProcessBuilder builder = new ProcessBuilder("sh", home.resolve("bin/kc.sh").toString(), "start-dev",
				"--http-host", "127.0.0.1", "--http-port", Integer.toString(port), "--import-realm")
			.directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(logFile.toFile());
		Map<String, String> env = builder.environment();
		env.put("JAVA", Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
		env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
		env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
		env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
		env.remove("JAVA_OPTS");
		env.remove("KC_DB");
		env.remove("KC_HOSTNAME");
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start Keycloak from " + home, e);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-stop"));
		return process;
	}

	/**
	 * Waits until the realm's discovery document answers; fails with the log's tail if
	 * the server dies or is slow.
	 */
	private static void awaitReady(Process process, int port, Path logFile, long started) {
		String discovery = "http://127.0.0.1:" + port + "/realms/" + REALM + "/.well-known/openid-configuration";
		HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = started + STARTUP_TIMEOUT.toNanos();
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
						+ " before it was ready. Log " + logFile + ":\n" + tail(logFile));
			}
			if (System.nanoTime() > deadline) {
				stop(process);
				throw new IllegalStateException("Keycloak was not ready within " + STARTUP_TIMEOUT.toSeconds()
						+ " s. Log " + logFile + ":\n" + tail(logFile));
			}
			try {
				HttpResponse<Void> response = probe.send(
						HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(5)).GET().build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				stop(process);
				throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
			}
			sleep(200);
		}
	}

	private static Path distribution(Path moduleDir) {
		String configured = System.getProperty("trunkguard.keycloak.home");
		if (configured != null) {
			return requireDistribution(Paths.get(configured));
		}
		Path unpacked = moduleDir.resolve("target/keycloak");
		if (Files.isDirectory(unpacked)) {
			try (Stream<Path> dirs = Files.list(unpacked)) {
				List<Path> candidates = dirs.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).sorted().toList();
				if (!candidates.isEmpty()) {
					return candidates.get(candidates.size() - 1);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		throw new IllegalStateException("No Keycloak distribution under " + unpacked + ". Run the tests through Maven "
				+ "(./mvnw -B verify): the web pom unpacks org.keycloak:keycloak-quarkus-dist there in "
				+ "process-test-resources. Or set -Dtrunkguard.keycloak.home=<unpacked distribution>.");
	}

	private static Path requireDistribution(Path home) {
		if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
			throw new IllegalStateException("Not a Keycloak distribution (no bin/kc.sh): " + home);
		}
		return home;
	}

	private static Path realmExport(Path moduleDir) {
		for (Path candidate : List.of(moduleDir.resolve("keycloak/trunkguard-realm.json"),
				moduleDir.resolve("../keycloak/trunkguard-realm.json"))) {
			if (Files.isRegularFile(candidate)) {
				return candidate.normalize();
			}
		}
		throw new IllegalStateException("Realm export keycloak/trunkguard-realm.json not found from " + moduleDir);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException("No free port on 127.0.0.1", e);
		}
	}

	private static String randomSecret() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** Stops kc.sh and the Keycloak JVM it started: TERM first, KILL after 20 s. */
	private static void stop(Process process) {
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		tree.add(process.toHandle());
		tree.forEach(ProcessHandle::destroy);
		for (ProcessHandle handle : tree) {
			try {
				handle.onExit().get(20, TimeUnit.SECONDS);
			}
			catch (Exception stillRunning) {
				handle.destroyForcibly();
			}
		}
	}

	private static String tail(Path logFile) {
		try {
			List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException e) {
			return "(log unreadable: " + e + ")";
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Override
	public String toString() {
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("issuer", issuerUri());
		info.put("startup", startupTime);
		info.put("log", logFile);
		info.put("alive", process.isAlive());
		return "KeycloakServer" + info;
	}

}

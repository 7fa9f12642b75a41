package io.trunkguard.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkguard.analyzer.report.TraceReport;
import io.trunkguard.analyzer.rules.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table-driven check of every fixture against {@code captures/expectations.json}, written by the
 * fixtures' author from what each capture was made to show: findings that must and must not fire,
 * leg verdicts, TLS versions and suites, and the counts with and without the key log.
 */
class FixtureExpectationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static JsonNode expectations() throws IOException, URISyntaxException {
        return JSON.readTree(dir().resolve("expectations.json").toFile());
    }

    static Path dir() throws URISyntaxException {
        return Path.of(FixtureExpectationsTest.class.getResource("/captures").toURI());
    }

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        expectations().get("fixtures").forEach(f -> names.add(f.get("file").asText()));
        assertThat(names).isNotEmpty();
        return names.stream();
    }

    static Options options(JsonNode e) {
        JsonNode o = e.get("options");
        List<String> internal = new ArrayList<>();
        o.get("internalNetworks").forEach(n -> internal.add(n.asText()));
        return Options.defaults().withInternalNetworks(internal)
                .withBruteForce(o.get("bruteForce").get("failures").asInt(), Duration.ofSeconds(o.get("bruteForce").get("windowSeconds").asInt()))
                .withTollFraud(o.get("tollFraud").get("invites").asInt(), Duration.ofSeconds(o.get("tollFraud").get("windowSeconds").asInt()));
    }

    static JsonNode fixture(JsonNode all, String file) {
        for (JsonNode f : all.get("fixtures")) {
            if (f.get("file").asText().equals(file)) {
                return f;
            }
        }
        throw new AssertionError(file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void producesTheExpectedFindingsVerdictsAndCounts(String file) throws Exception {
        JsonNode all = expectations();
        JsonNode f = fixture(all, file);
        Options options = options(all);
        TraceReport r = TraceAnalyzer.analyze(dir().resolve(file), options);

        assertThat(r.capture().damage()).isNull();
        assertThat(r.capture().packets()).isEqualTo(f.get("packets").asLong());
        // expectations.json counts SIP as received: svmap's OPTIONS quoted back in ICMP errors are not counted there
        // either (FixtureTest shows the raw tshark difference)
        assertThat(r.stats().sipMessages()).as("SIP messages").isEqualTo(f.get("sipMessages").asLong());
        assertThat(r.dialogs()).as("dialogs").hasSize(f.get("dialogs").asInt());

        Set<String> fired = r.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
        f.get("findings").forEach(x -> assertThat(fired).as("must fire, got " + fired).contains(x.asText()));
        f.get("mustNotFire").forEach(x -> assertThat(fired).as("must not fire").doesNotContain(x.asText()));

        for (JsonNode v : f.get("legVerdicts")) {
            String transport = v.get("transport").asText().toUpperCase(Locale.ROOT);
            String server = v.get("server").asText();
            List<TraceReport.LegView> legs = r.legs().stream()
                    .filter(l -> l.transport().equals(transport) && (l.endpointB().equals(server) || l.endpointA().equals(server)))
                    .toList();
            assertThat(legs).as("leg %s %s among %s", transport, server,
                    r.legs().stream().map(l -> l.transport() + " " + l.endpointA() + "->" + l.endpointB()).toList()).isNotEmpty();
            List<String> accepted = new ArrayList<>();
            accepted.add(v.get("verdict").asText().toUpperCase(Locale.ROOT));
            if (v.has("alsoAccepted")) {
                v.get("alsoAccepted").forEach(a -> accepted.add(a.asText().toUpperCase(Locale.ROOT)));
            }
            for (TraceReport.LegView leg : legs) {
                assertThat(leg.verdict()).as("verdict of %s: %s", leg.id(), leg.reason()).isIn(accepted);
            }
        }

        if (f.has("tlsHandshakes")) {
            for (JsonNode h : f.get("tlsHandshakes")) {
                String version = h.get("version").asText().replace("v", " ");
                String suite = h.get("cipherSuite").asText();
                int port = h.get("serverPort").asInt();
                List<TraceReport.TlsView> seen = new ArrayList<>();
                r.legs().stream().filter(l -> l.tls() != null && l.endpointB().endsWith(":" + port)).forEach(l -> seen.add(l.tls()));
                boolean dtls = version.startsWith("DTLS");
                if (dtls) {
                    assertThat(r.legs().stream().flatMap(l -> l.media().stream())).as("DTLS on media port " + port)
                            .anySatisfy(m -> {
                                assertThat(m.dtlsHandshakeSeen()).isTrue();
                                assertThat(m.dtlsVersion()).isEqualTo(version);
                            });
                } else {
                    assertThat(seen).as("TLS on port " + port).anySatisfy(t -> {
                        assertThat(t.version()).isEqualTo(version);
                        assertThat(t.cipherSuite()).isEqualTo(suite);
                    });
                }
            }
        }
    }

    static Stream<String> keyLogged() throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        expectations().get("fixtures").forEach(f -> {
            if (f.has("withKeylog")) {
                names.add(f.get("file").asText());
            }
        });
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyLogged")
    void decryptsTheSipInsideTlsWithTheKeyLog(String file) throws Exception {
        JsonNode all = expectations();
        JsonNode f = fixture(all, file);
        JsonNode k = f.get("withKeylog");
        TraceReport r = TraceAnalyzer.analyze(dir().resolve(file), options(all).withKeyLog(dir().resolve(k.get("keylog").asText())));
        assertThat(r.stats().sipMessages()).as("SIP messages with key log").isEqualTo(k.get("sipMessages").asLong());
        assertThat(r.dialogs()).as("dialogs with key log").hasSize(k.get("dialogs").asInt());
        assertThat(r.legs().stream().filter(l -> l.tls() != null)).allSatisfy(l -> assertThat(l.tls().decrypted()).isTrue());
        if (k.has("findings")) {
            Set<String> fired = r.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
            k.get("findings").forEach(x -> assertThat(fired).contains(x.asText()));
            k.get("mustNotFire").forEach(x -> assertThat(fired).as("must not fire with the key log").doesNotContain(x.asText()));
        }
    }
}

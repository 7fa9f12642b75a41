package io.trunkguard.demo;

import io.trunkguard.access.AccessGrant;
import io.trunkguard.access.AccessService;
import io.trunkguard.access.AccessSystem;
import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.NewGrant;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.People;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonId;
import io.trunkguard.people.PersonService;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.VendorContact;
import io.trunkguard.vendor.VendorDetails;
import io.trunkguard.vendor.VendorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Loads the demo data set of a fictional VoIP operator, "Harbourline Voice": 44 people in
 * seven departments with managers (among them the four demo logins {@code reviewer},
 * {@code compliance-lead}, {@code auditor} and {@code admin}), 8 systems, 159 grants and
 * 3 carriers. It includes what an access review should surface: privileged grants,
 * dormant grants (unused for more than 90 days), contractors past their end date who
 * still hold access, a leaver whose grants were not removed, and a leaver who was
 * deprovisioned.
 * <p>
 * The content is deterministic (a fixed seed; dates relative to the day of loading). It
 * is loaded once: a row in {@code demo_data_load} marks the data set, inserted in the
 * same transaction as the data, so two nodes starting together load it once. On start-up
 * it is loaded only when {@code trunkguard.demo.enabled} is true and the database holds
 * no people yet (it never mixes into real data). Everything goes through the domain
 * services, so the audit trail records it with the actor {@value #ACTOR}.
 */
@Component
@EnableConfigurationProperties(DemoDataProperties.class)
public class DemoDataLoader implements SmartLifecycle {

	public static final String DATA_SET = "harbourline-voice-v1";

	public static final String ACTOR = "system:demo-data";

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoDataProperties properties;

	private final PersonService personService;

	private final People people;

	private final AccessService accessService;

	private final VendorService vendorService;

	private final JdbcTemplate jdbc;

	private final ObjectProvider<DemoCarrierServices> carrierServices;

	private final ObjectProvider<DemoDataExtension> extensions;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoDataLoader(DemoDataProperties properties, PersonService personService, People people,
			AccessService accessService, VendorService vendorService, JdbcTemplate jdbc,
			TransactionTemplate transaction, ObjectProvider<Clock> clock,
			ObjectProvider<DemoCarrierServices> carrierServices, ObjectProvider<DemoDataExtension> extensions) {
		this.carrierServices = carrierServices;
		this.extensions = extensions;
		this.properties = properties;
		this.personService = personService;
		this.people = people;
		this.accessService = accessService;
		this.vendorService = vendorService;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	private volatile boolean running;

	/**
	 * Loads at start-up before the web server opens its port (a lower phase than the
	 * server's), so no request meets a half-loaded database whose open transaction holds
	 * the audit chain's head.
	 */
	@Override
	public void start() {
		loadOnStartup();
		running = true;
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return 0;
	}

	void loadOnStartup() {
		if (!properties.enabled()) {
			log.info("Demo data disabled (trunkguard.demo.enabled=false)");
			return;
		}
		if (isLoaded()) {
			return;
		}
		if (people.count() > 0) {
			log.info("Demo data not loaded: the database already holds people");
			return;
		}
		try {
			DemoDataSummary summary = load();
			if (summary.loaded()) {
				log.info("Demo data loaded: {} people, {} systems, {} grants ({} revoked), {} vendors",
						summary.people(), summary.systems(), summary.grants(), summary.revokedGrants(),
						summary.vendors());
			}
		}
		catch (DataIntegrityViolationException e) {
			// another node loaded it at the same moment: its marker row won
			log.info("Demo data loaded by another node");
		}
	}

	/** Whether the demo data set was loaded into this database. */
	public boolean isLoaded() {
		Integer count = jdbc.queryForObject("select count(*) from demo_data_load where data_set = ?", Integer.class,
				DATA_SET);
		return count != null && count > 0;
	}

	/**
	 * Loads the data set in one transaction unless it is already there; returns what was
	 * loaded.
	 */
	public DemoDataSummary load() {
		return transaction.execute(status -> {
			if (isLoaded()) {
				return DemoDataSummary.nothingLoaded();
			}
			Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			jdbc.update("insert into demo_data_load (data_set, loaded_at) values (?, ?)", DATA_SET,
					java.sql.Timestamp.from(now));
			return new Run(LocalDate.ofInstant(now, ZoneOffset.UTC), now).load();
		});
	}

	/** One load: the data set built relative to {@code today}. */
	private final class Run {

		private final LocalDate today;

		private final Instant now;

		private final Random random = new Random(20261126L);

		private final Map<String, Person> byHrId = new LinkedHashMap<>();

		private final Map<String, AccessSystem> systems = new LinkedHashMap<>();

		private int grants;

		private int revoked;

		Run(LocalDate today, Instant now) {
			this.today = today;
			this.now = now;
		}

		DemoDataSummary load() {
			loadPeople();
			loadSystems();
			loadGrants();
			int vendors = loadVendors();
			leaversAndReviewHistory();
			extensions.orderedStream().forEach(extension -> extension.load(today));
			return new DemoDataSummary(true, byHrId.size(), systems.size(), grants, revoked, vendors);
		}

		// ---------------------------------------------------------------- people

		private void loadPeople() {
			// leadership
			person("HR-1001", "Margaret Okafor", "margaret.okafor", null, "Executive", null, 3900, null);
			person("HR-1002", "Daniel Reyes", "reviewer", null, "Network Operations", "HR-1001", 2900, null);
			person("HR-1003", "Priya Natarajan", "compliance-lead", null, "Security & Compliance", "HR-1001", 1500,
					null);
			person("HR-1004", "Helen Brooks", "auditor", null, "Internal Audit", "HR-1001", 1100, null);
			person("HR-1005", "Samuel Adeyemi", "admin", null, "IT", "HR-1001", 2400, null);
			person("HR-1006", "Ingrid Solberg", "ingrid.solberg", null, "Voice Engineering", "HR-1001", 3100, null);
			person("HR-1007", "Kenji Watanabe", "kenji.watanabe", null, "Customer Support", "HR-1001", 2000, null);
			person("HR-1008", "Laura Mendez", "laura.mendez", null, "Finance", "HR-1001", 1800, null);
			// NOC engineers
			String[] noc = { "Aisha Rahman", "Lukas Becker", "Chloe Martin", "Rafael Costa", "Nadia Haddad",
					"Owen Gallagher", "Marco Bellini", "Sofia Lindqvist", "Tunde Bakare", "Emily Chen" };
			for (int i = 0; i < noc.length; i++) {
				person("HR-" + (1010 + i), noc[i], null, null, "Network Operations", "HR-1002", 200 + i * 170, null);
			}
			// SIP admins and voice engineers
			String[] voice = { "Hugo Laurent", "Meera Iyer", "Jonas Weber", "Fatima Zahra Alaoui", "Patrick O'Neill",
					"Yuki Tanaka", "Olga Petrenko", "Carlos Ortega" };
			for (int i = 0; i < voice.length; i++) {
				person("HR-" + (1020 + i), voice[i], null, null, "Voice Engineering", "HR-1006", 300 + i * 190, null);
			}
			person("HR-1030", "Grace Mwangi", null, null, "Security & Compliance", "HR-1003", 700, null);
			person("HR-1031", "Viktor Novak", null, null, "Security & Compliance", "HR-1003", 420, null);
			person("HR-1032", "Hannah Fischer", null, null, "Security & Compliance", "HR-1003", 260, null);
			person("HR-1035", "Ethan Walsh", null, null, "IT", "HR-1005", 1300, null);
			person("HR-1036", "Zainab Yusuf", null, null, "IT", "HR-1005", 640, null);
			person("HR-1037", "Mateo Silva", null, null, "IT", "HR-1005", 180, null);
			String[] support = { "Isabel Duarte", "Liam Murphy", "Amara Okonkwo", "Noah Schmidt", "Leila Karimi",
					"Ben Carter" };
			for (int i = 0; i < support.length; i++) {
				person("HR-" + (1040 + i), support[i], null, null, "Customer Support", "HR-1007", 150 + i * 210, null);
			}
			person("HR-1048", "Ruth Abebe", null, null, "Finance", "HR-1008", 900, null);
			person("HR-1049", "Simon Dubois", null, null, "Finance", "HR-1008", 380, null);
			// contractors: two past their contract end (still active in HR), two current
			person("CTR-2001", "Andrei Popescu", null, EmploymentType.CONTRACTOR, "Network Operations", "HR-1002", 400,
					-45);
			person("CTR-2002", "Kofi Mensah", null, EmploymentType.CONTRACTOR, "Voice Engineering", "HR-1006", 330,
					-20);
			person("CTR-2003", "Elena Voronova", null, EmploymentType.CONTRACTOR, "Voice Engineering", "HR-1006", 90,
					150);
			person("CTR-2004", "James Whitaker", null, EmploymentType.CONTRACTOR, "Network Operations", "HR-1002", 60,
					240);
		}

		private void person(String hrId, String name, String username, EmploymentType type, String department,
				String managerHrId, int startedDaysAgo, Integer endsInDays) {
			String email = name.toLowerCase().replace("'", "").replace(' ', '.') + "@harbourline-voice.example";
			PersonId manager = managerHrId == null ? null : byHrId.get(managerHrId).getId();
			PersonDetails details = new PersonDetails(hrId, name, email, username, manager, department,
					type == null ? EmploymentType.EMPLOYEE : type, today.minusDays(startedDaysAgo),
					endsInDays == null ? null : today.plusDays(endsInDays));
			byHrId.put(hrId, personService.register(details, ACTOR));
		}

		// ---------------------------------------------------------------- systems

		private void loadSystems() {
			system("SIP Admin Portal", SystemKind.SIP_ADMIN_PORTAL,
					"Provisioning of SIP trunks, DIDs and routing rules for customers", "HR-1002", true,
					ConnectorType.KEYCLOAK, ReviewerStrategy.SYSTEM_OWNER);
			system("Edge SBC Cluster", SystemKind.SBC,
					"Session border controllers at the carrier interconnects (CLI and web UI)", "HR-1002", true,
					ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER);
			system("Call Recording Platform", SystemKind.CALL_RECORDING,
					"Recording and playback of customer calls (PCI-relevant)", "HR-1006", true, ConnectorType.KEYCLOAK,
					ReviewerStrategy.MANAGER);
			system("Northwind Carrier Portal", SystemKind.CARRIER_PORTAL,
					"Trunk configuration, CDRs and invoices at Northwind Carrier Services", "HR-1006", true,
					ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER);
			system("Bluefin Partner Portal", SystemKind.CARRIER_PORTAL,
					"International termination rates, routing and invoices at Bluefin Telecom", "HR-1006", true,
					ConnectorType.MANUAL, ReviewerStrategy.SYSTEM_OWNER);
			system("Keycloak Identity Provider", SystemKind.IDENTITY_PROVIDER,
					"Single sign-on and MFA for staff (realm trunkguard)", "HR-1005", true, ConnectorType.KEYCLOAK,
					ReviewerStrategy.SYSTEM_OWNER);
			system("NOC Monitoring", SystemKind.OTHER,
					"Dashboards and alerting for trunks, registrations and call quality", "HR-1002", true,
					ConnectorType.KEYCLOAK, ReviewerStrategy.MANAGER);
			system("Number Porting Desk", SystemKind.OTHER, "Port-in and port-out requests with the national registry",
					"HR-1007", false, ConnectorType.MANUAL, ReviewerStrategy.MANAGER);
		}

		private void system(String name, SystemKind kind, String description, String ownerHrId, boolean inScope,
				ConnectorType connector, ReviewerStrategy strategy) {
			systems.put(name, accessService.registerSystem(new SystemDetails(name, kind, description,
					byHrId.get(ownerHrId).getId(), inScope, connector, strategy), ACTOR));
		}

		// ---------------------------------------------------------------- grants

		private void loadGrants() {
			for (String hrId : byHrId.keySet()) {
				grant(hrId, "Keycloak Identity Provider", "staff-user", false);
			}
			grant("HR-1005", "Keycloak Identity Provider", "realm-admin", true);
			grant("HR-1035", "Keycloak Identity Provider", "realm-admin", true);
			grant("HR-1036", "Keycloak Identity Provider", "user-manager", false);

			grant("HR-1002", "SIP Admin Portal", "administrator", true);
			grant("HR-1002", "Edge SBC Cluster", "root", true);
			grant("HR-1002", "NOC Monitoring", "editor", false);
			List<String> nocTeam = new ArrayList<>(List.of("HR-1010", "HR-1011", "HR-1012", "HR-1013", "HR-1014",
					"HR-1015", "HR-1016", "HR-1017", "HR-1018", "HR-1019", "CTR-2001", "CTR-2004"));
			for (int i = 0; i < nocTeam.size(); i++) {
				String hrId = nocTeam.get(i);
				grant(hrId, "NOC Monitoring", "editor", false);
				grant(hrId, "SIP Admin Portal", i % 4 == 0 ? "administrator" : "operator", i % 4 == 0);
				grant(hrId, "Edge SBC Cluster", i % 5 == 0 ? "root" : "operator", i % 5 == 0);
			}

			grant("HR-1006", "Call Recording Platform", "recording-admin", true);
			grant("HR-1006", "Northwind Carrier Portal", "account-admin", true);
			grant("HR-1006", "Bluefin Partner Portal", "account-admin", true);
			List<String> voiceTeam = List.of("HR-1020", "HR-1021", "HR-1022", "HR-1023", "HR-1024", "HR-1025",
					"HR-1026", "HR-1027", "CTR-2002", "CTR-2003");
			for (int i = 0; i < voiceTeam.size(); i++) {
				String hrId = voiceTeam.get(i);
				grant(hrId, "SIP Admin Portal", i < 3 ? "administrator" : "operator", i < 3);
				grant(hrId, "Edge SBC Cluster", i % 3 == 0 ? "root" : "read-only", i % 3 == 0);
				grant(hrId, "Call Recording Platform", "supervisor", false);
				grant(hrId, i % 2 == 0 ? "Northwind Carrier Portal" : "Bluefin Partner Portal", "trunk-config", false);
			}

			for (String hrId : List.of("HR-1040", "HR-1041", "HR-1042", "HR-1043", "HR-1044", "HR-1045")) {
				grant(hrId, "Call Recording Platform", "listener", false);
				grant(hrId, "Number Porting Desk", "agent", false);
			}
			grant("HR-1007", "Call Recording Platform", "supervisor", false);
			grant("HR-1007", "Number Porting Desk", "supervisor", false);

			for (String hrId : List.of("HR-1008", "HR-1048", "HR-1049")) {
				grant(hrId, "Northwind Carrier Portal", "billing-viewer", false);
				grant(hrId, "Bluefin Partner Portal", "billing-viewer", false);
			}

			grant("HR-1003", "Call Recording Platform", "compliance-auditor", false);
			for (String hrId : List.of("HR-1030", "HR-1031", "HR-1032")) {
				grant(hrId, "NOC Monitoring", "viewer", false);
				grant(hrId, "Edge SBC Cluster", "read-only", false);
			}
			grant("HR-1030", "Call Recording Platform", "recording-admin", true);
			grant("HR-1035", "SIP Admin Portal", "administrator", true);
			grant("HR-1037", "SIP Admin Portal", "operator", false);
		}

		private AccessGrant grant(String hrId, String systemName, String entitlement, boolean privileged) {
			Person person = byHrId.get(hrId);
			long tenureDays = ChronoUnit.DAYS.between(person.getStartDate(), today);
			Instant grantedAt = person.getStartDate()
				.atStartOfDay(ZoneOffset.UTC)
				.toInstant()
				.plus(Duration.ofDays(random.nextInt((int) Math.max(1, Math.min(tenureDays, 60)))))
				.plus(Duration.ofMinutes(9 * 60 + random.nextInt(8 * 60)));
			if (grantedAt.isAfter(now)) {
				grantedAt = now.minus(Duration.ofHours(1));
			}
			Instant lastUsedAt;
			int kind = random.nextInt(100);
			if (kind < 8) {
				lastUsedAt = null; // never used
			}
			else if (kind < 22) {
				lastUsedAt = now.minus(Duration.ofDays(95 + random.nextInt(300))); // dormant
			}
			else {
				lastUsedAt = now.minus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 40)));
			}
			if (lastUsedAt != null && lastUsedAt.isBefore(grantedAt)) {
				lastUsedAt = grantedAt.plus(Duration.ofHours(2)).isAfter(now) ? null
						: grantedAt.plus(Duration.ofHours(2));
			}
			grants++;
			return accessService.issueGrant(new NewGrant(person.getId(), systems.get(systemName).getId(), entitlement,
					privileged, grantedAt, lastUsedAt), ACTOR);
		}

		// ---------------------------------------------------------------- vendors

		private int loadVendors() {
			var northwind = vendorService.register(new VendorDetails("Northwind Carrier Services",
					"SIP trunking (primary), DID numbers, emergency calling (E911/112 routing)", RiskTier.CRITICAL,
					byHrId.get("HR-1006").getId(),
					List.of(new VendorContact("Rebecca Holm", "compliance@northwind-carrier.example",
							"+44 20 7946 0123"),
							new VendorContact("Network Operations Centre", "noc@northwind-carrier.example",
									"+44 20 7946 0999"))),
					ACTOR);
			var bluefin = vendorService.register(new VendorDetails("Bluefin Telecom",
					"International termination, toll-free numbers, SMS for two-factor codes", RiskTier.HIGH,
					byHrId.get("HR-1006").getId(),
					List.of(new VendorContact("Arjun Kapoor", "security@bluefin-telecom.example", "+1 415 555 0142"))),
					ACTOR);
			var meridian = vendorService
				.register(new VendorDetails("Meridian Voice Networks", "Backup SIP trunking and failover routing",
						RiskTier.MEDIUM, byHrId.get("HR-1002").getId(), List.of(new VendorContact("Claire Dubois",
								"vendor-risk@meridian-voice.example", "+33 1 70 36 39 50"))),
						ACTOR);
			vendorService.updateProfile(northwind.getId(), new io.trunkguard.vendor.CarrierProfile("GB",
					io.trunkguard.vendor.CarrierStatus.ACTIVE,
					new io.trunkguard.vendor.RiskCriteria(io.trunkguard.vendor.DataHandled.PERSONAL_DATA,
							io.trunkguard.vendor.CallContent.CARRIES, io.trunkguard.vendor.Criticality.CRITICAL),
					List.of(new io.trunkguard.vendor.SubProcessor("Equinix", "Colocation of the SIP edge in London",
							"GB"),
							new io.trunkguard.vendor.SubProcessor("RapidSOS", "Caller location for emergency calls",
									"US"))),
					ACTOR);
			vendorService.updateProfile(bluefin.getId(), new io.trunkguard.vendor.CarrierProfile("US",
					io.trunkguard.vendor.CarrierStatus.ACTIVE,
					new io.trunkguard.vendor.RiskCriteria(io.trunkguard.vendor.DataHandled.CALL_METADATA,
							io.trunkguard.vendor.CallContent.CARRIES, io.trunkguard.vendor.Criticality.MEDIUM),
					List.of(new io.trunkguard.vendor.SubProcessor("Amazon Web Services",
							"Hosting of the rating and billing platform", "US"),
							new io.trunkguard.vendor.SubProcessor("Sinch", "SMS delivery for two-factor codes", "SE"))),
					ACTOR);
			vendorService.updateProfile(meridian.getId(),
					new io.trunkguard.vendor.CarrierProfile("FR", io.trunkguard.vendor.CarrierStatus.ONBOARDING,
							new io.trunkguard.vendor.RiskCriteria(io.trunkguard.vendor.DataHandled.CALL_METADATA,
									io.trunkguard.vendor.CallContent.CARRIES, io.trunkguard.vendor.Criticality.LOW),
							List.of()),
					ACTOR);
			DemoCarrierServices services = carrierServices.getIfAvailable();
			if (services != null) {
				new DemoCarriers(services.records(), services.trunks(), services.reviews(), services.files(), today)
					.load(northwind, bluefin, meridian);
			}
			return 3;
		}

		// ---------------------------------------------------------------- leavers and
		// history

		private void leaversAndReviewHistory() {
			// Marco Bellini left twelve days ago; his grants were never removed
			// (deprovisioning should catch this)
			personService.markLeft(byHrId.get("HR-1016").getId(), today.minusDays(12), ACTOR);
			// Olga Petrenko left two months ago and was deprovisioned
			PersonId olga = byHrId.get("HR-1026").getId();
			personService.markLeft(olga, today.minusDays(60), ACTOR);
			for (AccessGrant grant : accessService.activeGrantsOf(olga)) {
				accessService.revokeGrant(grant.getId(), "Deprovisioned after the HR termination event", ACTOR);
				revoked++;
			}
			// last quarter's review removed two grants
			revokeFirst("HR-1043", "Number Porting Desk",
					"Access review: moved to the billing queue, porting no longer needed");
			revokeFirst("HR-1012", "Edge SBC Cluster", "Access review: no SBC work in the last two quarters");
		}

		private void revokeFirst(String hrId, String systemName, String reason) {
			AccessSystem system = systems.get(systemName);
			accessService.activeGrantsOf(byHrId.get(hrId).getId())
				.stream()
				.filter(grant -> grant.getSystemId().equals(system.getId()))
				.findFirst()
				.ifPresent(grant -> {
					accessService.revokeGrant(grant.getId(), reason, ACTOR);
					revoked++;
				});
		}

	}

}

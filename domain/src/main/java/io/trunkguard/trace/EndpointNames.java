package io.trunkguard.trace;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.shared.NotFoundException;
import io.trunkguard.vendor.VendorId;
import io.trunkguard.vendor.VendorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The names leads give to endpoints (an IP address and port, in general or for a
 * carrier): the call-path diagrams label an endpoint's box with its name, and endpoints
 * that share one name are one box (a proxy listening on 5060 and 5061, say).
 */
@Service
@Transactional
public class EndpointNames {

	private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	/** A named endpoint. */
	public record EndpointName(UUID id, String address, int port, String name, VendorId vendorId, String namedBy,
			Instant namedAt) {

		/** {@code 192.0.2.10:5061} or {@code [2001:db8::1]:5061}. */
		public String endpoint() {
			return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
		}

	}

	private final JdbcTemplate jdbc;

	private final VendorService vendors;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EndpointNames(JdbcTemplate jdbc, VendorService vendors, ApplicationEventPublisher events,
			ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.vendors = vendors;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Names the endpoint, or renames it when it has a name; {@code vendor} (optional) is
	 * the carrier it belongs to.
	 */
	public EndpointName name(String address, Integer port, String name, VendorId vendor, String actor) {
		String canonical = canonical(address);
		if (port == null || port < 1 || port > 65535) {
			throw new InvalidInputException("endpoint.port", "The port must be a number from 1 to 65535.",
					Map.of("port", "a number from 1 to 65535"));
		}
		String text = name == null ? "" : name.strip();
		if (text.isEmpty() || text.length() > 120) {
			throw new InvalidInputException("endpoint.name", "The name must have 1 to 120 characters.",
					Map.of("name", "1 to 120 characters"));
		}
		if (vendor != null) {
			vendors.get(vendor); // refuses an unknown carrier
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		UUID id = jdbc
			.query("select id from endpoint_name where address = ? and port = ?",
					(rs, i) -> rs.getObject(1, UUID.class), canonical, port)
			.stream()
			.findFirst()
			.orElse(null);
		try {
			if (id == null) {
				id = UUID.randomUUID();
				jdbc.update(
						"insert into endpoint_name (id, address, port, name, vendor_id, named_by, named_at) values (?, ?, ?, ?, ?, ?, ?)",
						id, canonical, port, text, vendor == null ? null : vendor.value(), actor, Timestamp.from(now));
			}
			else {
				jdbc.update("update endpoint_name set name = ?, vendor_id = ?, named_by = ?, named_at = ? where id = ?",
						text, vendor == null ? null : vendor.value(), actor, Timestamp.from(now), id);
			}
		}
		catch (DuplicateKeyException raced) {
			throw new InvalidInputException("endpoint.named",
					"Someone named this endpoint at the same moment; reload the page and try again.");
		}
		EndpointName named = new EndpointName(id, canonical, port, text, vendor, actor, now);
		events.publishEvent(new EndpointNamed(id, named.endpoint(), text, vendor, actor, now));
		return named;
	}

	/** Removes the name; the diagrams label the endpoint by its carrier or role again. */
	public void remove(UUID id, String actor) {
		EndpointName named = all().stream()
			.filter(n -> n.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("EndpointName", id));
		jdbc.update("delete from endpoint_name where id = ?", id);
		events.publishEvent(new EndpointNamed(id, named.endpoint(), null, named.vendorId(), actor,
				clock.instant().truncatedTo(ChronoUnit.MICROS)));
	}

	@Transactional(readOnly = true)
	public List<EndpointName> all() {
		return jdbc.query(
				"select id, address, port, name, vendor_id, named_by, named_at from endpoint_name order by name, address, port",
				(rs, i) -> new EndpointName(rs.getObject("id", UUID.class), rs.getString("address"), rs.getInt("port"),
						rs.getString("name"),
						rs.getObject("vendor_id", UUID.class) == null ? null
								: new VendorId(rs.getObject("vendor_id", UUID.class)),
						rs.getString("named_by"), rs.getTimestamp("named_at").toInstant()));
	}

	/** Every name by its {@code address:port} as the analyzer writes endpoints. */
	@Transactional(readOnly = true)
	public Map<String, String> byEndpoint() {
		Map<String, String> names = new HashMap<>();
		for (EndpointName n : all()) {
			names.put(n.endpoint(), n.name());
			names.put(n.address() + ":" + n.port(), n.name());
		}
		return names;
	}

	/** The address as an IP literal in its usual form; a host name is refused. */
	static String canonical(String address) {
		String text = address == null ? "" : address.strip();
		if (text.startsWith("[") && text.endsWith("]")) {
			text = text.substring(1, text.length() - 1);
		}
		if (!(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
			throw invalidAddress();
		}
		try {
			return InetAddress.getByName(text).getHostAddress().replaceAll("%.*$", "");
		}
		catch (UnknownHostException e) {
			throw invalidAddress();
		}
	}

	private static InvalidInputException invalidAddress() {
		return new InvalidInputException("endpoint.address",
				"The address must be an IP address such as 192.0.2.10 or 2001:db8::1.",
				Map.of("address", "an IP address"));
	}

}

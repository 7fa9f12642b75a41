package io.trunkguard.securityevent;

import org.springframework.stereotype.Component;

import java.util.List;

/** Where each configured SIEM destination stands, for the security events page. */
@Component
public class SiemDeliveries {

	private final SecurityEventPump pump;

	SiemDeliveries(SecurityEventPump pump) {
		this.pump = pump;
	}

	public List<SiemDeliveryStatus> status() {
		return pump.forwarder().status();
	}

}

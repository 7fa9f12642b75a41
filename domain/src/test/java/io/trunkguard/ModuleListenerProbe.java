package io.trunkguard;

import io.trunkguard.access.GrantRevoked;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Spring Modulith module listener (after commit, through the event publication
 * registry), so tests can check that the registry's tables work on each database.
 */
@Component
public class ModuleListenerProbe {

	private final List<GrantRevoked> received = new CopyOnWriteArrayList<>();

	@ApplicationModuleListener
	void on(GrantRevoked event) {
		received.add(event);
	}

	public List<GrantRevoked> received() {
		return received;
	}

}

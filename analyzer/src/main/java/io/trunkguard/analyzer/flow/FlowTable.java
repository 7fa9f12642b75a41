package io.trunkguard.analyzer.flow;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A bounded table of flows of one transport, keyed by {@link FlowKey} (probed with a
 * reused key, stored with a copy). Flows idle longer than the idle time are swept; when
 * the table is full, flows the transport calls disposable (unclassified) go first, then
 * any until half the cap is free. Each flow that leaves is handed to the eviction
 * callback.
 */
final class FlowTable<F extends FlowTable.Flow> {

	/** What the table needs of a flow. */
	abstract static class Flow {

		final FlowKey key;

		long lastSeen;

		Flow(FlowKey key) {
			this.key = key;
		}

	}

	private final Map<FlowKey, F> flows = new HashMap<>();

	private final int cap;

	private final long idleNanos;

	private final Predicate<F> disposable;

	private final Consumer<F> evicted;

	private long evictions;

	FlowTable(int cap, long idleNanos, Predicate<F> disposable, Consumer<F> evicted) {
		this.cap = cap;
		this.idleNanos = idleNanos;
		this.disposable = disposable;
		this.evicted = evicted;
	}

	F get(FlowKey probe) {
		return flows.get(probe);
	}

	void put(F flow) {
		flows.put(flow.key, flow);
	}

	boolean full() {
		return flows.size() >= cap;
	}

	int size() {
		return flows.size();
	}

	Collection<F> values() {
		return flows.values();
	}

	/** Flows that left the table over its life. */
	long evictions() {
		return evictions;
	}

	/**
	 * Removes flows idle for longer than the idle time and, when {@code makingRoom},
	 * disposable ones too.
	 */
	void sweep(long now, boolean makingRoom) {
		Iterator<F> it = flows.values().iterator();
		while (it.hasNext()) {
			F f = it.next();
			if (now - f.lastSeen > idleNanos || makingRoom && disposable.test(f)) {
				it.remove();
				evictions++;
				evicted.accept(f);
			}
		}
	}

	/** Past three quarters of the cap, removes any flows until half of it is free. */
	void trim() {
		if (flows.size() > cap * 3 / 4) {
			Iterator<F> it = flows.values().iterator();
			while (it.hasNext() && flows.size() > cap / 2) {
				F f = it.next();
				it.remove();
				evictions++;
				evicted.accept(f);
			}
		}
	}

}

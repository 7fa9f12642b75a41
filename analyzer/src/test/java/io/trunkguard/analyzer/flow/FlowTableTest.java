package io.trunkguard.analyzer.flow;

import io.trunkguard.analyzer.decode.Packet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounded flow table alone: lookup by a reused probe, idle sweep, room making. */
class FlowTableTest {

	static final class F extends FlowTable.Flow {

		boolean classified;

		F(FlowKey key) {
			super(key);
		}

	}

	final List<F> evicted = new ArrayList<>();

	final FlowTable<F> table = new FlowTable<>(8, 100, f -> !f.classified, evicted::add);

	static FlowKey key(int port) {
		Packet p = new Packet();
		p.ipVersion = 4;
		p.srcLo = 0x0A000001L;
		p.dstLo = 0x0A000002L;
		return new FlowKey().set(17, p, port, 5060).copy();
	}

	F add(int port, long seen, boolean classified) {
		F f = new F(key(port));
		f.lastSeen = seen;
		f.classified = classified;
		table.put(f);
		return f;
	}

	@Test
	void findsAFlowWithAProbeFromEitherDirection() {
		F f = add(4000, 0, true);
		Packet back = new Packet();
		back.ipVersion = 4;
		back.srcLo = 0x0A000002L;
		back.dstLo = 0x0A000001L;
		assertThat(table.get(new FlowKey().set(17, back, 5060, 4000))).isSameAs(f);
		assertThat(table.get(new FlowKey().set(17, back, 5060, 4001))).isNull();
	}

	@Test
	void sweepsIdleFlowsAndOnlyThose() {
		F idle = add(1, 0, true);
		F busy = add(2, 150, true);
		table.sweep(200, false);
		assertThat(evicted).containsExactly(idle);
		assertThat(table.values()).containsExactly(busy);
		assertThat(table.evictions()).isEqualTo(1);
	}

	@Test
	void makesRoomWithUnclassifiedFlowsFirstThenAnyUntilHalfIsFree() {
		for (int i = 0; i < 8; i++) {
			add(100 + i, 1000, i >= 1);
		}
		assertThat(table.full()).isTrue();
		table.sweep(1000, true);
		assertThat(evicted).singleElement().satisfies(f -> assertThat(f.classified).isFalse());
		assertThat(table.size()).isEqualTo(7);
		table.trim();
		assertThat(table.size()).isEqualTo(4);
		assertThat(table.evictions()).isEqualTo(4);
		assertThat(table.full()).isFalse();
	}

	@Test
	void keepsFlowsBelowThreeQuartersOfTheCapWhenTrimming() {
		for (int i = 0; i < 6; i++) {
			add(200 + i, 1000, true);
		}
		table.trim();
		assertThat(table.size()).isEqualTo(6);
		assertThat(evicted).isEmpty();
	}

}

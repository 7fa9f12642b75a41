package io.trunkguard.workflow;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessVariableTest {

	record Id(UUID value) {

		static Id of(String text) {
			return new Id(UUID.fromString(text));
		}

		@Override
		public String toString() {
			return value.toString();
		}

	}

	static final ProcessVariable<Id> ID = ProcessVariable.string("caseId").as(Id::of, Id::toString);

	static final ProcessVariable<Instant> DUE = ProcessVariable.of("dueAt", Date.class).as(Date::toInstant, Date::from);

	static final ProcessVariable<List<String>> NAMES = ProcessVariable.list("names", String.class);

	@Test
	void storesAnIdAsItsTextAndReadsItBackAsTheId() {
		Id id = new Id(UUID.randomUUID());
		Map<String, Object> variables = new HashMap<>();
		ID.put(variables, id);

		assertThat(variables).containsEntry("caseId", id.toString());
		assertThat(ID.from(variables)).isEqualTo(id);
	}

	@Test
	void storesAnInstantAsTheDateATimerWaitsFor() {
		Instant due = Instant.parse("2026-12-07T10:15:30Z");
		Map<String, Object> variables = new HashMap<>();
		DUE.put(variables, due);

		assertThat(variables.get("dueAt")).isEqualTo(Date.from(due));
		assertThat(DUE.from(variables)).isEqualTo(due);
	}

	@Test
	void keepsNullAsNullBothWays() {
		Map<String, Object> variables = new HashMap<>();
		ID.put(variables, null);

		assertThat(variables).containsEntry("caseId", null);
		assertThat(ID.from(variables)).isNull();
		assertThat(DUE.from(Map.of())).isNull();
	}

	@Test
	void storesAListTheEngineCanSerialize() {
		Map<String, Object> variables = new HashMap<>();
		NAMES.put(variables, List.of("olga", "manny"));

		assertThat(variables.get("names")).isInstanceOf(ArrayList.class);
		assertThat(NAMES.from(variables)).containsExactly("olga", "manny");
	}

	@Test
	void refusesAValueOfAnotherTypeNamingTheVariable() {
		assertThatThrownBy(() -> DUE.from(Map.of("dueAt", "tomorrow"))).isInstanceOf(IllegalStateException.class)
			.hasMessage("process variable dueAt holds a String, not a Date");
		assertThatThrownBy(() -> NAMES.from(Map.of("names", List.of("olga", 7))))
			.hasMessage("process variable names holds a Integer among its Strings");
	}

}

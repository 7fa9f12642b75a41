package io.trunkguard.audit.internal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

	@Test
	void writesTypedValuesAndEscapesStrings() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("count", 3);
		values.put("privileged", true);
		values.put("reason", "said \"no\"\nand left\\\u0001");
		values.put("fields", List.of("a", "b"));
		values.put("day", LocalDate.of(2026, 11, 26));
		values.put("missing", null);

		assertThat(Json.object(values)).isEqualTo("{\"count\":3,\"privileged\":true,"
				+ "\"reason\":\"said \\\"no\\\"\\nand left\\\\\\u0001\",\"fields\":[\"a\",\"b\"],"
				+ "\"day\":\"2026-11-26\",\"missing\":null}");
	}

}

package io.trunkguard;

import io.trunkguard.access.ConnectorType;
import io.trunkguard.access.ReviewerStrategy;
import io.trunkguard.access.SystemDetails;
import io.trunkguard.access.SystemKind;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonId;

import java.time.LocalDate;
import java.util.UUID;

/** Unique test data, so tests sharing one database never collide. */
public final class TestData {

	private TestData() {
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public static PersonDetails employee(String name, PersonId manager) {
		String hrId = unique("T");
		return new PersonDetails(hrId, name, hrId.toLowerCase() + "@example.test", hrId.toLowerCase(), manager,
				"Network Operations", EmploymentType.EMPLOYEE, LocalDate.of(2022, 3, 1), null);
	}

	public static SystemDetails system(PersonId owner) {
		return new SystemDetails(unique("System"), SystemKind.SBC, "a test SBC", owner, true, ConnectorType.MANUAL,
				ReviewerStrategy.SYSTEM_OWNER);
	}

}

package io.trunkguard.control;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

/** Repository of {@link ControlNarrative} versions (append-only). */
interface ControlNarratives extends Repository<ControlNarrative, java.util.UUID> {

	ControlNarrative save(ControlNarrative narrative);

	Optional<ControlNarrative> findFirstByControlCodeOrderByVersionDesc(String controlCode);

	List<ControlNarrative> findByControlCodeOrderByVersionDesc(String controlCode);

}

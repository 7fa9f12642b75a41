package io.trunkguard.control;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

/** Repository of the seeded {@link Control}s. */
interface Controls extends Repository<Control, String> {

	List<Control> findAllByOrderByPosition();

	Optional<Control> findById(String code);

}

package io.trunkguard.deprovisioning;

import java.util.List;
import java.util.Optional;

/**
 * The open user tasks of deprovisioning cases in the process engine (implemented in
 * {@code workflows}), so the web pages never touch the engine.
 */
public interface DeprovisioningTaskPort {

	/** Every open deprovisioning task, the oldest first. */
	List<DeprovisioningTask> openTasks();

	Optional<DeprovisioningTask> find(String taskId);

	/**
	 * Completes the task; a removal records {@code actor} as the one who removed the
	 * access, with the note.
	 */
	void complete(String taskId, String actor, String note);

}

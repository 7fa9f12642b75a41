package io.trunkguard.trace;

import java.time.Instant;
import java.util.List;

/**
 * A carrier's contract encryption clause checked against the latest capture of each of
 * its trunks (the server end of its legs): met, or violated with the legs and frames that
 * violate it. {@link #clause()} is null when no contract in force states an encryption
 * requirement.
 */
public record ClauseCheck(String contract, String clause, List<TrunkCheck> trunks) {

	public ClauseCheck {
		trunks = List.copyOf(trunks);
	}

	/** Whether a contract in force states an encryption requirement. */
	public boolean stated() {
		return clause != null;
	}

	/** Whether there is traffic to check the clause against. */
	public boolean checked() {
		return stated() && !trunks.isEmpty();
	}

	/** Stated, checked, and every trunk's latest capture meets it. */
	public boolean met() {
		return checked() && trunks.stream().allMatch(TrunkCheck::met);
	}

	public List<ClauseViolation> violations() {
		return trunks.stream().flatMap(t -> t.violations().stream()).toList();
	}

	/** One trunk's latest capture against the clause. */
	public record TrunkCheck(String trunk, String captureId, String captureFile, Instant trafficUntil,
			List<ClauseViolation> violations) {

		public TrunkCheck {
			violations = List.copyOf(violations);
		}

		public boolean met() {
			return violations.isEmpty();
		}

	}

	/**
	 * A leg that violates the clause: which requirement, what was observed instead, and
	 * the frames that show it.
	 */
	public record ClauseViolation(String trunk, String captureFile, String legId, String endpointA, String endpointB,
			String requirement, String observed, List<Long> frames) {

		public ClauseViolation {
			frames = List.copyOf(frames);
		}

		/** "Leg L1 (10.0.0.1:5060 → 192.0.2.1:5061) of capture x.pcap violates …". */
		public String sentence() {
			return "Leg " + legId + " (" + endpointA + " → " + endpointB + ") of capture " + captureFile + " violates “"
					+ requirement + "”: " + observed + " (frames " + frameList() + ").";
		}

		public String frameList() {
			if (frames.isEmpty()) {
				return "none recorded";
			}
			List<String> shown = frames.stream().limit(20).map(String::valueOf).toList();
			return String.join(", ", shown) + (frames.size() > 20 ? " and " + (frames.size() - 20) + " more" : "");
		}

	}

}

package io.trunkguard.trace;

import io.trunkguard.vendor.VendorId;

import java.util.List;
import java.util.Optional;

/**
 * Use cases on captures: receiving an upload, analysing it (the asynchronous job), and
 * reading the result. Errors: {@link io.trunkguard.shared.NotFoundException}.
 */
public interface CaptureService {

	/**
	 * Records a stored capture file and queues its analysis ({@link CaptureReceived});
	 * the same bytes uploaded again answer the earlier capture, marked as a duplicate.
	 */
	CaptureReceipt receive(NewCapture upload);

	Capture get(CaptureId id);

	Optional<Capture> find(CaptureId id);

	/** The latest uploads, newest first. */
	List<Capture> recent();

	/** Captures the carrier was named on or has legs attached in, newest first. */
	List<Capture> concerning(VendorId vendor);

	List<CaptureLeg> legs(CaptureId id);

	/** Every leg attached to the carrier, in any capture. */
	List<CaptureLeg> legsOf(VendorId vendor);

	/** The findings of one capture attached to the carrier. */
	List<CaptureFinding> findingsOf(VendorId vendor, CaptureId id);

	/** The certificates the carrier presented in any capture, by expiry. */
	List<CaptureCertificate> certificatesOf(VendorId vendor);

	List<CaptureFinding> findings(CaptureId id);

	List<CaptureCertificate> certificates(CaptureId id);

	/**
	 * "This is carrier X's trunk": adds the leg's endpoint on the given side ({@code A}
	 * the client, {@code B} the server of the signalling connection) with its transport
	 * and certificate fingerprints as a trunk endpoint of the carrier, then attaches
	 * every leg of the capture that now matches. Returns the legs attached to the
	 * carrier.
	 */
	List<CaptureLeg> attachLeg(CaptureId id, String legId, String side, VendorId vendor, String actor);

	/** The analyzer's JSON report, once the capture is analysed. */
	Optional<String> reportJson(CaptureId id);

}

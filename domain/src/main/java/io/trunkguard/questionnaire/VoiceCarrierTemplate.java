package io.trunkguard.questionnaire;

import java.util.List;

import static io.trunkguard.questionnaire.QuestionType.DATE;
import static io.trunkguard.questionnaire.QuestionType.FILE;
import static io.trunkguard.questionnaire.QuestionType.MULTIPLE_CHOICE;
import static io.trunkguard.questionnaire.QuestionType.SINGLE_CHOICE;
import static io.trunkguard.questionnaire.QuestionType.TEXT;
import static io.trunkguard.questionnaire.QuestionType.YES_NO;

/**
 * The default questionnaire for voice carriers, written for Trunkguard (no CAIQ, SIG or
 * VSA content): encryption of SIP signalling and media, keys, certificates, access to
 * carrier portals, CDR and recording retention, lawful intercept, fraud, incidents,
 * emergency calling and sub-processors.
 */
final class VoiceCarrierTemplate {

	static final String NAME = "Voice carrier security questionnaire (Trunkguard default)";

	static final String DESCRIPTION = "Questions for SIP trunk and number providers about how they protect the "
			+ "calls, data and services they carry for us. Written for Trunkguard; free to use and adapt.";

	private static final String ENC = "Encryption in transit";

	private static final String KEYS = "Keys and certificates";

	private static final String ACCESS = "Access to carrier portals and systems";

	private static final String DATA = "Call records and recordings";

	private static final String LI = "Lawful intercept";

	private static final String FRAUD = "Fraud monitoring";

	private static final String INCIDENTS = "Incidents";

	private static final String EMERGENCY = "Emergency calling";

	private static final String SUBS = "Sub-processors";

	private VoiceCarrierTemplate() {
	}

	static List<TemplateQuestion> questions() {
		return List.of(
				q(ENC, "ENC-1",
						"Do you accept SIP signalling from us over TLS 1.2 or newer on every trunk you provide?",
						YES_NO, null, "Yes", "Answer no if any trunk or point of presence still needs UDP or TCP.", 3),
				q(ENC, "ENC-2", "Which is the oldest TLS version your SIP edges negotiate?", SINGLE_CHOICE,
						"TLS 1.3|TLS 1.2|TLS 1.1|TLS 1.0 or older", "TLS 1.2", null, 2),
				q(ENC, "ENC-3", "How is media protected between your network and ours?", SINGLE_CHOICE,
						"SRTP with keys exchanged over TLS (SDES)|DTLS-SRTP|SRTP and DTLS-SRTP both offered|Plain RTP",
						null,
						"Plain RTP is a deviation; SDES keys are only as safe as the signalling that carries them.", 3),
				q(ENC, "ENC-4", "Do you fall back to plain RTP when an SRTP offer is not answered?", YES_NO, null, "No",
						"A silent downgrade to RTP leaves calls readable on the wire.", 2),
				q(ENC, "ENC-5", "Which SRTP crypto suites do you offer or accept?", MULTIPLE_CHOICE,
						"AES_CM_128_HMAC_SHA1_80|AES_CM_128_HMAC_SHA1_32|AEAD_AES_128_GCM|AEAD_AES_256_GCM|NULL cipher suites",
						null, "NULL suites authenticate but do not encrypt.", 1),
				q(KEYS, "KEY-1", "Where are the private keys of your SIP TLS certificates kept?", SINGLE_CHOICE,
						"Hardware security module|Cloud key management service|Encrypted on the SBC file system|Other",
						null, null, 1),
				q(KEYS, "KEY-2", "Do you tell us at least 30 days before you change the certificate of a SIP edge?",
						YES_NO, null, "Yes", "We pin the fingerprints of your certificates.", 2),
				q(KEYS, "KEY-3", "When does the certificate of your primary SIP edge expire?", DATE, null, null, null,
						1),
				q(KEYS, "KEY-4", "Are your SIP certificates issued by a public certificate authority?", YES_NO, null,
						"Yes", "Self-signed certificates cannot be checked by our SBCs.", 1),
				q(ACCESS, "ACC-1", "Is multi-factor authentication required on the customer portal for every user?",
						YES_NO, null, "Yes", null, 3),
				q(ACCESS, "ACC-2",
						"Is multi-factor authentication required for your staff's administrative access to SBCs and switches?",
						YES_NO, null, "Yes", null, 3),
				q(ACCESS, "ACC-3", "How often do you review your staff's access to systems carrying our traffic?",
						SINGLE_CHOICE, "Quarterly|Twice a year|Yearly|Not reviewed", "Quarterly", null, 2),
				q(ACCESS, "ACC-4", "Can we restrict portal and API access to our own IP ranges?", YES_NO, null, "Yes",
						null, 1),
				q(DATA, "CDR-1", "How long do you keep call detail records of our traffic?", TEXT, null, null,
						"Give the period and the legal basis if it is longer than two years.", 1),
				q(DATA, "CDR-2", "Do you record or store call content (audio) of our traffic?", YES_NO, null, "No",
						"Answer yes also for test calls or quality sampling.", 2),
				q(DATA, "CDR-3", "Are call detail records encrypted at rest?", YES_NO, null, "Yes", null, 1),
				q(LI, "LI-1",
						"Do you have a documented process for lawful intercept requests that names who may approve them?",
						YES_NO, null, "Yes", null, 2),
				q(LI, "LI-2", "Do you tell us about lawful intercept requests where the law allows it?", YES_NO, null,
						null, null, 1),
				q(FRAUD, "FRD-1",
						"Do you monitor our traffic for toll fraud (bursts to premium or international destinations)?",
						YES_NO, null, "Yes", null, 2),
				q(FRAUD, "FRD-2", "How fast do you block a trunk on a confirmed fraud pattern?", SINGLE_CHOICE,
						"Within 15 minutes|Within an hour|Within a day|Not automatically", "Within 15 minutes", null,
						2),
				q(FRAUD, "FRD-3", "Do you alert us about repeated registration failures on our accounts?", YES_NO, null,
						"Yes", null, 1),
				q(INCIDENTS, "INC-1",
						"Within how many hours do you notify us of a security incident affecting our traffic or data?",
						SINGLE_CHOICE, "24 hours or less|72 hours or less|More than 72 hours|No commitment",
						"24 hours or less", null, 3),
				q(INCIDENTS, "INC-2", "Please attach your incident response summary or policy.", FILE, null, null,
						"PDF preferred.", 1),
				q(EMERGENCY, "EMG-1",
						"Do you route emergency calls with the caller's registered location for every number you provide?",
						YES_NO, null, "Yes", null, 2),
				q(EMERGENCY, "EMG-2", "Are emergency calls exempt from fraud blocking and capacity limits?", YES_NO,
						null, "Yes", null, 2),
				q(SUBS, "SUB-1",
						"List the sub-processors that carry or store our traffic or data, what they do and in which country.",
						TEXT, null, null, null, 2),
				q(SUBS, "SUB-2", "Do you tell us before adding a sub-processor that carries our traffic?", YES_NO, null,
						"Yes", null, 2));
	}

	private static TemplateQuestion q(String section, String code, String text, QuestionType type, String choices,
			String expected, String help, int weight) {
		return new TemplateQuestion(section, code, text, type, choices, expected, help, weight);
	}

}

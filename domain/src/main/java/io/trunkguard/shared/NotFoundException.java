package io.trunkguard.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The addressed thing does not exist. Its message is the one sentence a person reads
 * about it, written once per subject type in {@code not-found.properties} ("There is no
 * carrier at this address; it may have been removed."): never a type name or an id. The
 * id stays in {@link #subjectId()} for logs and the API's problem details.
 */
public class NotFoundException extends DomainException {

	/** For a subject type without a sentence of its own. */
	static final String FALLBACK = "There is nothing at this address; it may have been removed.";

	private static final Properties SENTENCES = load();

	private final String subjectType;

	private final String subjectId;

	/**
	 * @param subjectType the kind of thing, a key of {@code not-found.properties}
	 * ({@code Vendor}, {@code ReviewItem})
	 * @param subjectId its id as addressed, kept out of the message
	 */
	public NotFoundException(String subjectType, Object subjectId) {
		super(subjectType.toLowerCase() + ".not-found", sentence(subjectType));
		this.subjectType = subjectType;
		this.subjectId = String.valueOf(subjectId);
	}

	/** The sentence a person reads when a {@code subjectType} is not found. */
	public static String sentence(String subjectType) {
		return SENTENCES.getProperty(subjectType, FALLBACK);
	}

	/** Whether {@code not-found.properties} has a sentence for {@code subjectType}. */
	static boolean hasSentence(String subjectType) {
		return SENTENCES.containsKey(subjectType);
	}

	public String subjectType() {
		return subjectType;
	}

	public String subjectId() {
		return subjectId;
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (InputStream in = NotFoundException.class.getResourceAsStream("/not-found.properties")) {
			if (in != null) {
				properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}

}

package io.trunkguard.evidencepack.reports;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import com.lowagie.text.pdf.PdfReader;

import io.trunkguard.audit.AuditChainVerifier;
import io.trunkguard.audit.AuditEntries;
import io.trunkguard.audit.AuditEntry;
import io.trunkguard.audit.AuditVerification;
import io.trunkguard.evidence.Sha256;
import io.trunkguard.evidencepack.AuditHead;
import io.trunkguard.evidencepack.EvidencePackVerifier;
import io.trunkguard.evidencepack.EvidencePacks;
import io.trunkguard.evidencepack.PackVerification;

/**
 * Reads a pack once, as a stream: each entry is hashed as it passes (only the manifest,
 * the index and the head file, which are small, are kept, up to {@value #MAX_SMALL} bytes
 * each), then the checks run in this order and the first that fails is named in a
 * sentence: the manifest and index are there; every file the manifest lists is in the
 * pack with its SHA-256 and size, in the manifest's order; no file is in the pack that
 * the manifest does not list; the index records the manifest's SHA-256 and file count;
 * the head file agrees with the manifest; and the live audit trail has that head (the
 * entry with that sequence number has that hash, and the chain up to it is intact).
 */
@Service
class ZipPackVerifier implements EvidencePackVerifier {

	static final int MAX_SMALL = 32 * 1024 * 1024;

	private final AuditEntries entries;

	private final AuditChainVerifier chain;

	ZipPackVerifier(AuditEntries entries, AuditChainVerifier chain) {
		this.entries = entries;
		this.chain = chain;
	}

	private record Read(String sha256, long size) {
	}

	@Override
	public PackVerification verify(InputStream pack) {
		MessageDigest whole = Sha256.digest();
		Map<String, Read> read = new LinkedHashMap<>();
		Map<String, byte[]> small = new HashMap<>();
		String duplicate = null;
		DigestingInput raw = new DigestingInput(pack, whole);
		try (ZipInputStream zip = new ZipInputStream(raw)) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (entry.isDirectory()) {
					continue;
				}
				String name = entry.getName();
				boolean keep = name.equals(PackManifest.PATH) || name.equals(PackIndexPdf.PATH)
						|| name.equals(ZipEvidencePacks.HEAD_PATH);
				MessageDigest digest = Sha256.digest();
				ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
				long size = copy(zip, digest, kept);
				if (read.put(name, new Read(Sha256.hex(digest), size)) != null && duplicate == null) {
					duplicate = name;
				}
				if (keep) {
					small.put(name, kept.toByteArray());
				}
			}
			// the central directory: read so the whole pack's SHA-256 counts it
			raw.transferTo(OutputStream.nullOutputStream());
		}
		catch (ZipException e) {
			return fail("The upload is not a readable ZIP file (" + e.getMessage() + "), so it is no evidence pack.",
					read.size(), null);
		}
		catch (IOException e) {
			return fail("The pack could not be read to its end (" + e.getMessage() + ").", read.size(), null);
		}
		String packSha = Sha256.hex(whole);
		if (read.isEmpty()) {
			return fail("The upload holds no files: it is not an evidence pack.", 0, packSha);
		}
		if (duplicate != null) {
			return fail("The file " + duplicate + " appears twice in the pack.", read.size(), packSha);
		}
		byte[] manifestBytes = small.get(PackManifest.PATH);
		if (manifestBytes == null) {
			return fail("The pack has no " + PackManifest.PATH + ", so nothing says what it should hold.", read.size(),
					packSha);
		}
		PackManifest.Content manifest;
		try {
			manifest = PackManifest.read(manifestBytes);
		}
		catch (IOException | RuntimeException e) {
			return fail("The " + PackManifest.PATH + " cannot be read: " + e.getMessage() + ".", read.size(), packSha);
		}
		int checked = 0;
		for (PackFile file : manifest.files()) {
			Read actual = read.get(file.path());
			if (actual == null) {
				return fail("The file " + file.path() + " listed in the manifest is missing from the pack.", checked,
						packSha);
			}
			if (!actual.sha256().equals(file.sha256()) || actual.size() != file.sizeBytes()) {
				return fail("The file " + file.path() + " does not match the manifest: its SHA-256 is "
						+ actual.sha256() + " (" + actual.size() + " bytes), the manifest says " + file.sha256() + " ("
						+ file.sizeBytes() + " bytes).", checked, packSha);
			}
			checked++;
		}
		for (String name : read.keySet()) {
			if (!name.equals(PackManifest.PATH) && !name.equals(PackIndexPdf.PATH)
					&& manifest.files().stream().noneMatch(f -> f.path().equals(name))) {
				return fail("The pack holds the file " + name + ", which the manifest does not list.", checked,
						packSha);
			}
		}
		String indexCheck = checkIndex(small.get(PackIndexPdf.PATH), read.get(PackManifest.PATH).sha256(),
				manifest.files().size());
		if (indexCheck != null) {
			return fail(indexCheck, checked, packSha);
		}
		byte[] headBytes = small.get(ZipEvidencePacks.HEAD_PATH);
		if (headBytes != null && !new String(headBytes, java.nio.charset.StandardCharsets.UTF_8)
			.contains("\"hash\" : \"" + manifest.head().hash() + "\"")) {
			return fail("The file " + ZipEvidencePacks.HEAD_PATH + " names another audit trail head than the manifest.",
					checked, packSha);
		}
		String headCheck = checkHead(manifest.head());
		if (headCheck != null) {
			return fail(headCheck, checked, packSha);
		}
		Optional<Long> exportEntry = exportEntry(packSha, manifest.head().sequence());
		if (exportEntry.isEmpty()) {
			return fail("The pack as a whole is not one Trunkguard exported: no export in the audit trail records its "
					+ "SHA-256 " + packSha + " (its files match the manifest, so the index.pdf, which the manifest "
					+ "cannot cover, was changed, or the ZIP was packed again).", checked, packSha);
		}
		return new PackVerification(true,
				"The pack matches: its " + checked + " files match the manifest, the manifest matches the index, "
						+ "the live audit trail is intact up to entry " + manifest.head().sequence()
						+ ", which has the hash the pack carries, and its export is recorded in audit trail entry "
						+ exportEntry.get() + ".",
				checked, packSha);
	}

	private static String checkIndex(byte[] index, String manifestSha, int files) {
		if (index == null) {
			return "The pack has no " + PackIndexPdf.PATH + ".";
		}
		PdfReader reader;
		try {
			reader = new PdfReader(index);
		}
		catch (IOException | RuntimeException e) {
			return "The " + PackIndexPdf.PATH + " cannot be read as a PDF.";
		}
		try {
			Map<String, String> info = reader.getInfo();
			String recorded = info.get(PackIndexPdf.MANIFEST_KEY);
			if (recorded == null) {
				return "The " + PackIndexPdf.PATH + " records no manifest SHA-256, so it is not this pack's index.";
			}
			if (!recorded.equals(manifestSha)) {
				return "The manifest does not match the index: the index records manifest SHA-256 " + recorded
						+ ", the pack's " + PackManifest.PATH + " has SHA-256 " + manifestSha + ".";
			}
			if (!String.valueOf(files).equals(info.get(PackIndexPdf.FILES_KEY))) {
				return "The manifest does not match the index: the index lists " + info.get(PackIndexPdf.FILES_KEY)
						+ " files, the manifest " + files + ".";
			}
			return null;
		}
		finally {
			reader.close();
		}
	}

	private String checkHead(AuditHead head) {
		if (head.sequence() > 0) {
			Optional<AuditEntry> entry = entries.findById(head.sequence());
			if (entry.isEmpty()) {
				return "The audit trail head the pack carries, entry " + head.sequence()
						+ ", is not in the live audit trail.";
			}
			if (!entry.get().getHash().equals(head.hash())) {
				return "The audit trail head does not match: live entry " + head.sequence() + " has hash "
						+ entry.get().getHash() + ", the pack carries " + head.hash() + ".";
			}
		}
		AuditVerification walk = chain.verifyThrough(head.sequence());
		if (!walk.intact()) {
			return "The audit trail head does not match: the live chain up to entry " + head.sequence()
					+ " is broken at entry " + walk.firstBrokenSequence() + ": " + walk.reason() + ".";
		}
		return null;
	}

	/** The audit trail entry that recorded this pack's export, if any. */
	private Optional<Long> exportEntry(String packSha, long after) {
		int page = 0;
		while (page < 20) {
			var found = entries.search(null, EvidencePacks.EXPORTED, "EvidencePack", null, null, null,
					PageRequest.of(page, 200));
			for (AuditEntry entry : found.getContent()) {
				if (entry.getSequence() > after && entry.getDetails() != null && entry.getDetails().contains(packSha)) {
					return Optional.of(entry.getSequence());
				}
			}
			if (!found.hasNext()) {
				break;
			}
			page++;
		}
		return Optional.empty();
	}

	private static long copy(InputStream in, MessageDigest digest, ByteArrayOutputStream kept) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) > 0) {
			digest.update(buffer, 0, n);
			total += n;
			if (kept != null) {
				if (kept.size() + n > MAX_SMALL) {
					throw new IOException("a manifest, index or head file larger than " + MAX_SMALL + " bytes");
				}
				kept.write(buffer, 0, n);
			}
		}
		return total;
	}

	private static PackVerification fail(String sentence, int files, String sha256) {
		return new PackVerification(false, sentence, files, sha256);
	}

	/** Hashes the bytes the ZIP reader takes. */
	private static final class DigestingInput extends FilterInputStream {

		private final MessageDigest digest;

		DigestingInput(InputStream in, MessageDigest digest) {
			super(in);
			this.digest = digest;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				digest.update((byte) b);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = in.read(b, off, len);
			if (n > 0) {
				digest.update(b, off, n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			byte[] buffer = new byte[8192];
			long skipped = 0;
			while (skipped < n) {
				int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
				if (r < 0) {
					break;
				}
				skipped += r;
			}
			return skipped;
		}

		@Override
		public void close() {
			// the caller closes the pack's stream
		}

	}

}

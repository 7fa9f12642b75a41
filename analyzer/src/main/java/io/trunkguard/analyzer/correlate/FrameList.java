package io.trunkguard.analyzer.correlate;

import java.util.ArrayList;
import java.util.List;

/** The first few frame numbers that prove something, capped so memory stays bounded. */
public final class FrameList {

	private final int cap;

	private final List<Long> frames = new ArrayList<>();

	private long total;

	public FrameList(int cap) {
		this.cap = cap;
	}

	public void add(long frame) {
		total++;
		if (frames.size() < cap && (frames.isEmpty() || frames.get(frames.size() - 1) != frame)) {
			frames.add(frame);
		}
	}

	public List<Long> frames() {
		return frames;
	}

	public long total() {
		return total;
	}

	public boolean isEmpty() {
		return total == 0;
	}

}

package io.trunkguard.vendorreview;

/** Writes a review record as a PDF (implemented by the reports module). */
public interface ReviewRecordRenderer {

	byte[] render(ReviewRecordData data);

}

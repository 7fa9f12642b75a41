package io.trunkguard.review;

/**
 * Life cycle of a {@link ReviewCampaign}: reviews run while OPEN; CLOSED once every item
 * is settled; then signed off.
 */
public enum CampaignStatus {

	OPEN, CLOSED, SIGNED_OFF

}

package io.trunkguard.control;

import io.trunkguard.review.CampaignQueryService;
import io.trunkguard.review.CampaignStatus;
import io.trunkguard.review.ReviewCampaign;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** CC6.1: a signed-off access review campaign for every quarter that has ended. */
@Component
class SignedOffCampaignEachQuarter implements ControlCheck {

	private final CampaignQueryService campaigns;

	SignedOffCampaignEachQuarter(CampaignQueryService campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public String control() {
		return "CC6.1";
	}

	@Override
	public String expectation() {
		return "A signed-off access review campaign for each quarter.";
	}

	@Override
	public List<Gap> gaps(AssessedPeriod period) {
		Set<String> signedOff = campaigns.campaigns()
			.stream()
			.filter(c -> c.getStatus() == CampaignStatus.SIGNED_OFF)
			.map(ReviewCampaign::getPeriod)
			.collect(Collectors.toSet());
		return period.quarters()
			.stream()
			.filter(q -> q.endedBy(period.today()) && !signedOff.contains(q.name()))
			.map(q -> new Gap(q.name(), "no signed-off access review campaign"))
			.toList();
	}

}

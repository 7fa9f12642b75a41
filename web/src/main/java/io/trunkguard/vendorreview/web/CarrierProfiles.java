package io.trunkguard.vendorreview.web;

import io.trunkguard.shared.InvalidInputException;
import io.trunkguard.vendor.CallContent;
import io.trunkguard.vendor.CarrierProfile;
import io.trunkguard.vendor.CarrierStatus;
import io.trunkguard.vendor.Criticality;
import io.trunkguard.vendor.DataHandled;
import io.trunkguard.vendor.RiskCriteria;
import io.trunkguard.vendor.SubProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A carrier profile from the page's form fields (rows of sub-processors). */
final class CarrierProfiles {

	private CarrierProfiles() {
	}

	static CarrierProfile of(CarrierStatus status, String headquartersCountry, DataHandled dataHandled,
			CallContent callContent, Criticality criticality, List<String> names, List<String> purposes,
			List<String> countries) {
		return new CarrierProfile(country(headquartersCountry), status, criteria(dataHandled, callContent, criticality),
				subProcessors(names, purposes, countries));
	}

	static RiskCriteria criteria(DataHandled dataHandled, CallContent callContent, Criticality criticality) {
		if (dataHandled == null && callContent == null && criticality == null) {
			return null;
		}
		if (dataHandled == null || callContent == null || criticality == null) {
			throw new InvalidInputException("vendor.risk-criteria",
					"choose all three risk criteria (data handled, call content, criticality) or none",
					Map.of("riskCriteria", "all three or none"));
		}
		return new RiskCriteria(dataHandled, callContent, criticality);
	}

	static String country(String code) {
		return code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
	}

	private static List<SubProcessor> subProcessors(List<String> names, List<String> purposes, List<String> countries) {
		List<SubProcessor> list = new ArrayList<>();
		int rows = Math.max(size(names), Math.max(size(purposes), size(countries)));
		for (int i = 0; i < rows; i++) {
			String name = at(names, i);
			String purpose = at(purposes, i);
			String country = at(countries, i);
			if (name.isEmpty() && purpose.isEmpty() && country.isEmpty()) {
				continue;
			}
			if (name.isEmpty() || purpose.isEmpty() || country.isEmpty()) {
				throw new InvalidInputException("vendor.sub-processor",
						"sub-processor row " + (i + 1) + " needs a name, what it does and its country",
						Map.of("subProcessors[" + i + "]", "name, purpose and country"));
			}
			list.add(new SubProcessor(name, purpose, country.toUpperCase(Locale.ROOT)));
		}
		return list;
	}

	private static int size(List<String> list) {
		return list == null ? 0 : list.size();
	}

	private static String at(List<String> list, int i) {
		return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i).strip();
	}

}

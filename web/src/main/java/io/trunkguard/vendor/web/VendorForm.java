package io.trunkguard.vendor.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.trunkguard.people.PersonId;
import io.trunkguard.vendor.RiskTier;
import io.trunkguard.vendor.Vendor;
import io.trunkguard.vendor.VendorContact;
import io.trunkguard.vendor.VendorDetails;

/**
 * The vendor form's fields as typed, with room for a few contacts; rows left empty are
 * ignored.
 */
public class VendorForm {

	static final int CONTACT_ROWS = 3;

	private Long version;

	private String name;

	private String services;

	private RiskTier riskTier = RiskTier.MEDIUM;

	private UUID ownerId;

	private List<ContactRow> contacts = new ArrayList<>();

	public VendorForm() {
		padContacts();
	}

	static VendorForm of(Vendor vendor) {
		VendorForm form = new VendorForm();
		form.version = vendor.getVersion();
		form.name = vendor.getName();
		form.services = vendor.getServices();
		form.riskTier = vendor.getRiskTier();
		form.ownerId = vendor.getOwnerId() == null ? null : vendor.getOwnerId().value();
		form.contacts = new ArrayList<>();
		for (VendorContact contact : vendor.getContacts()) {
			ContactRow row = new ContactRow();
			row.setName(contact.name());
			row.setEmail(contact.email());
			row.setPhone(contact.phone());
			form.contacts.add(row);
		}
		form.padContacts();
		return form;
	}

	/** Adds empty rows so that at least one more contact can be entered. */
	void padContacts() {
		while (contacts.size() < CONTACT_ROWS || !contacts.get(contacts.size() - 1).isEmpty()) {
			contacts.add(new ContactRow());
		}
	}

	VendorDetails toDetails() {
		List<VendorContact> entered = contacts.stream()
			.filter(row -> !row.isEmpty())
			.map(row -> new VendorContact(trim(row.getName()), trim(row.getEmail()), trim(row.getPhone())))
			.toList();
		return new VendorDetails(trim(name), trim(services), riskTier, ownerId == null ? null : new PersonId(ownerId),
				entered);
	}

	private static String trim(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	/** One contact row of the form. */
	public static class ContactRow {

		private String name;

		private String email;

		private String phone;

		boolean isEmpty() {
			return (name == null || name.isBlank()) && (email == null || email.isBlank())
					&& (phone == null || phone.isBlank());
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getEmail() {
			return email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

		public String getPhone() {
			return phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getServices() {
		return services;
	}

	public void setServices(String services) {
		this.services = services;
	}

	public RiskTier getRiskTier() {
		return riskTier;
	}

	public void setRiskTier(RiskTier riskTier) {
		this.riskTier = riskTier;
	}

	public UUID getOwnerId() {
		return ownerId;
	}

	public void setOwnerId(UUID ownerId) {
		this.ownerId = ownerId;
	}

	public List<ContactRow> getContacts() {
		return contacts;
	}

	public void setContacts(List<ContactRow> contacts) {
		this.contacts = contacts;
	}

}

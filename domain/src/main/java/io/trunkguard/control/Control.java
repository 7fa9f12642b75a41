package io.trunkguard.control;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * A SOC 2 criterion in scope with its points of focus (seeded data, never changed by the
 * application), e.g. CC6.1 "Logical access security".
 */
@Entity
@Table(name = "control")
public class Control {

	@Id
	@Column(length = 10)
	private String code;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(nullable = false, length = 1000)
	private String criterion;

	@Column(nullable = false)
	private int position;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "control_point_of_focus", joinColumns = @JoinColumn(name = "control_code"))
	@OrderColumn(name = "position")
	@Column(name = "text", nullable = false, length = 500)
	private List<String> pointsOfFocus = new ArrayList<>();

	protected Control() {
		// for JPA
	}

	/** E.g. {@code CC6.1}. */
	public String getCode() {
		return code;
	}

	public String getTitle() {
		return title;
	}

	/** What the criterion asks, in our words. */
	public String getCriterion() {
		return criterion;
	}

	public int getPosition() {
		return position;
	}

	public List<String> getPointsOfFocus() {
		return List.copyOf(pointsOfFocus);
	}

}

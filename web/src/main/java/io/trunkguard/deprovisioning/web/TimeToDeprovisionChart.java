package io.trunkguard.deprovisioning.web;

import io.trunkguard.deprovisioning.Durations;
import io.trunkguard.deprovisioning.DeprovisioningCase;
import io.trunkguard.deprovisioning.DeprovisioningPeriod;
import org.springframework.web.util.HtmlUtils;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The time to deprovision of each completed case of a period as an SVG scatter chart (x:
 * the HR event's day, y: hours to the last access removed; green met every SLA, red
 * missed one; a dashed line at the SLA). Rendered on the server as markup: the content
 * security policy forbids inline scripts and styles, so only presentation attributes are
 * used.
 */
final class TimeToDeprovisionChart {

	static final int WIDTH = 720;
	static final int HEIGHT = 260;

	private static final int LEFT = 56;

	private static final int RIGHT = 16;

	private static final int TOP = 16;

	private static final int BOTTOM = 40;

	private TimeToDeprovisionChart() {
	}

	static String svg(List<DeprovisioningCase> cases, DeprovisioningPeriod period, Duration sla) {
		List<DeprovisioningCase> done = cases.stream().filter(c -> c.timeToDeprovision().isPresent()).toList();
		double slaHours = sla.toSeconds() / 3600.0;
		double maxHours = Math.max(slaHours * 1.25,
				done.stream().mapToDouble(c -> c.timeToDeprovision().orElseThrow().toSeconds() / 3600.0).max().orElse(0)
						* 1.1);
		double plotW = WIDTH - LEFT - RIGHT;
		double plotH = HEIGHT - TOP - BOTTOM;
		Instant start = period.start();
		double span = Math.max(1, Duration.between(start, period.end()).toSeconds());
		StringBuilder svg = new StringBuilder();
		svg.append(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"time-to-deprovision-chart\" role=\"img\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(HEIGHT)
			.append("\" width=\"100%\" aria-labelledby=\"chart-title\">");
		svg.append("<title id=\"chart-title\">Time to deprovision per case, ")
			.append(period.from())
			.append(" to ")
			.append(period.to())
			.append(": ")
			.append(done.size())
			.append(" completed case(s)</title>");
		svg.append("<rect x=\"")
			.append(LEFT)
			.append("\" y=\"")
			.append(TOP)
			.append("\" width=\"")
			.append(n(plotW))
			.append("\" height=\"")
			.append(n(plotH))
			.append("\" fill=\"#fafbfc\" stroke=\"#d0d7de\"/>");
		// y axis: 4 ticks in hours
		for (int i = 0; i <= 4; i++) {
			double hours = maxHours * i / 4;
			double y = TOP + plotH - plotH * i / 4;
			svg.append("<line x1=\"")
				.append(LEFT)
				.append("\" x2=\"")
				.append(n(LEFT + plotW))
				.append("\" y1=\"")
				.append(n(y))
				.append("\" y2=\"")
				.append(n(y))
				.append("\" stroke=\"#eaeef2\"/>");
			svg.append("<text x=\"")
				.append(LEFT - 6)
				.append("\" y=\"")
				.append(n(y + 4))
				.append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#57606a\">")
				.append(hours < 10 ? String.format(Locale.ROOT, "%.1f", hours) : String.valueOf(Math.round(hours)))
				.append(" h</text>");
		}
		// x axis: first, middle and last day
		for (LocalDate day : List.of(period.from(),
				period.from().plusDays((period.to().toEpochDay() - period.from().toEpochDay()) / 2), period.to())) {
			double x = LEFT
					+ plotW * Duration.between(start, day.atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds() / span;
			svg.append("<text x=\"")
				.append(n(x))
				.append("\" y=\"")
				.append(HEIGHT - BOTTOM + 16)
				.append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\">")
				.append(day)
				.append("</text>");
		}
		svg.append("<text x=\"")
			.append(n(LEFT + plotW / 2))
			.append("\" y=\"")
			.append(HEIGHT - 6)
			.append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\">HR event (UTC day)</text>");
		// the SLA
		double slaY = TOP + plotH - plotH * slaHours / maxHours;
		svg.append("<line id=\"chart-sla\" x1=\"")
			.append(LEFT)
			.append("\" x2=\"")
			.append(n(LEFT + plotW))
			.append("\" y1=\"")
			.append(n(slaY))
			.append("\" y2=\"")
			.append(n(slaY))
			.append("\" stroke=\"#cf222e\" stroke-dasharray=\"6 4\"/>");
		svg.append("<text x=\"")
			.append(n(LEFT + plotW - 4))
			.append("\" y=\"")
			.append(n(slaY - 4))
			.append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#cf222e\">SLA ")
			.append(Durations.human(sla))
			.append("</text>");
		for (DeprovisioningCase c : done) {
			double hours = c.timeToDeprovision().orElseThrow().toSeconds() / 3600.0;
			double x = LEFT
					+ plotW * Math.min(1, Math.max(0, Duration.between(start, c.getEffectiveAt()).toSeconds() / span));
			double y = TOP + plotH - plotH * hours / maxHours;
			boolean met = Boolean.TRUE.equals(c.getSlaMet());
			svg.append("<circle class=\"chart-point\" cx=\"")
				.append(n(x))
				.append("\" cy=\"")
				.append(n(y))
				.append("\" r=\"4\" fill=\"")
				.append(met ? "#1a7f37" : "#cf222e")
				.append("\"><title>")
				.append(HtmlUtils.htmlEscape(c.getHrId() + (c.getUsername() == null ? "" : " (" + c.getUsername() + ")")
						+ ": " + Durations.human(c.timeToDeprovision().orElseThrow())
						+ (met ? ", SLA met" : ", SLA missed")))
				.append("</title></circle>");
		}
		if (done.isEmpty()) {
			svg.append("<text x=\"")
				.append(n(LEFT + plotW / 2))
				.append("\" y=\"")
				.append(n(TOP + plotH / 2))
				.append("\" font-size=\"13\" text-anchor=\"middle\" fill=\"#57606a\">No completed case in this period</text>");
		}
		return svg.append("</svg>").toString();
	}

	private static String n(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}

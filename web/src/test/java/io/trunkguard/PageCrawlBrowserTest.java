package io.trunkguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.trunkguard.testsupport.Browser;
import io.trunkguard.testsupport.BrowserEvidenceOnFailure;

/**
 * Every page each role reaches by following links from its home page, in a real Chromium
 * on the embedded default with the demo data (and a campaign started through its form),
 * checked for what a person reads:
 * <ul>
 * <li>every date input's value and every date in a link's parameters is ISO 8601;</li>
 * <li>no internals in the text: no {@code ReviewItem[...]} toString, no raw enum
 * ({@code system_owner}, {@code NOT_REQUIRED}), no Java exception or {@code null};</li>
 * <li>at 1,280 and at 390 px wide the document does not scroll sideways (a wide table
 * scrolls inside its own container).</li>
 * </ul>
 * Pages of the same shape (ids replaced) are visited at most twice per role.
 */
@SpringBootTest(classes = TrunkguardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:page-crawl-browser;DB_CLOSE_DELAY=-1",
				"trunkguard.demo.enabled=true",
				"TRUNKGUARD_PASSWORD_REVIEWER=" + PageCrawlBrowserTest.PASSWORD_PREFIX + "reviewer",
				"TRUNKGUARD_PASSWORD_COMPLIANCE_LEAD=" + PageCrawlBrowserTest.PASSWORD_PREFIX + "compliance-lead",
				"TRUNKGUARD_PASSWORD_AUDITOR=" + PageCrawlBrowserTest.PASSWORD_PREFIX + "auditor",
				"TRUNKGUARD_PASSWORD_ADMIN=" + PageCrawlBrowserTest.PASSWORD_PREFIX + "admin" })
@ExtendWith(BrowserEvidenceOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageCrawlBrowserTest {

	static final String PASSWORD_PREFIX = "crawl-test-pw-";

	private static final int PER_SHAPE = 2;

	private static final int MAX_PAGES = 90;

	/** Not pages: downloads, the Camunda webapps, API documents, logout. */
	private static final Pattern SKIPPED = Pattern.compile(
			"^/(logout|camunda|engine-rest|swagger-ui|v3|actuator|api|q|webjars|css|js|img)(/.*)?$|.*\\.(pdf|xlsx|json|csv|zip|png|svg)$|.*/(raw|files|proofs|evidence)(/.*)?$");

	private static final Pattern ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<=/)\\d+(?=/|$)");

	/** What a toString, a raw enum or a technical error looks like in a page's text. */
	private static final Map<String, Pattern> LEAKS = Map.of("a toString()",
			Pattern.compile("\\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\\[[^\\]]*[,=]"), "an object's identity",
			Pattern.compile("\\b[a-z]+\\.[a-z.]+\\.[A-Z][A-Za-z]+@[0-9a-f]{4,}"), "a raw lower-case enum",
			Pattern.compile("(?<![\\w./@-])[a-z]{2,}_[a-z_]{2,}(?![\\w./@-])"), "a raw upper-case enum",
			Pattern.compile("(?<![\\w./@-])[A-Z]{2,}_[A-Z_]{2,}(?![\\w./@-])"), "a Java exception",
			Pattern.compile("\\b(?:java|jakarta|org\\.springframework|org\\.hibernate)\\.[a-z]+\\.|Exception\\b"),
			"a null", Pattern.compile("(?<![\\w-])null(?![\\w-])"));

	private static final Pattern DATE_LIKE = Pattern.compile("\\b\\d{1,4}[/.]\\d{1,2}[/.]\\d{1,4}\\b");

	private static final Pattern DATE_PARAMETER = Pattern
		.compile("^(from|to|day|date|since|until|lastDay|deadline|[a-z]+(On|At|Date))$");

	@LocalServerPort
	int port;

	@Test
	@Order(1)
	void aCampaignStartedThroughItsFormShowsAnIsoDeadline() {
		WebDriver browser = logIn("compliance-lead");
		browser.get(app("/reviews/new"));
		WebElement deadline = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("deadline")));
		String value = deadline.getAttribute("value");
		assertThat(value).as("the deadline's default value").matches("\\d{4}-\\d{2}-\\d{2}");
		LocalDate.parse(value);
		browser.findElement(By.id("name")).sendKeys("Crawled quarter");
		browser.findElement(By.id("start")).click();
		wait(browser).until(ExpectedConditions.not(ExpectedConditions.urlToBe(app("/reviews/new"))));
		assertThat(browser.getPageSource()).doesNotContain("field-error\">");
	}

	@ParameterizedTest
	@Order(2)
	@ValueSource(strings = { "compliance-lead", "reviewer", "auditor", "admin" })
	void everyPageOfTheRoleHasIsoDatesNoInternalsAndFitsTheWidths(String role) {
		WebDriver browser = logIn(role);
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
		List<String> failures = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		Map<String, Integer> shapes = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>(List.of("/"));
		while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
			String path = queue.poll();
			if (!seen.add(path)) {
				continue;
			}
			browser.get(app(path));
			wait(browser).until(driver -> "complete"
				.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
			if (!browser.getCurrentUrl().startsWith(app(""))) {
				continue;
			}
			check(browser, path, failures);
			for (WebElement link : browser.findElements(By.cssSelector("a[href]"))) {
				String next = sameOriginPath(link.getAttribute("href"));
				if (next == null || SKIPPED.matcher(next.replaceAll("\\?.*", "")).matches() || seen.contains(next)) {
					continue;
				}
				String shape = ID.matcher(next.replaceAll("\\?.*", "")).replaceAll("{id}")
						+ (next.contains("?") ? "?" : "");
				int count = shapes.merge(shape, 1, Integer::sum);
				if (count <= PER_SHAPE) {
					queue.add(next);
				}
			}
		}
		browser.manage().window().setSize(new Dimension(1366, 900));
		assertThat(seen).as("pages the " + role + " reached").hasSizeGreaterThan(3);
		assertThat(failures).as(role + " on " + seen.size() + " pages").isEmpty();
	}

	/**
	 * The controls page's cards: a control's code and title stay together with its state
	 * right after them (they were spread across the card's width), at 1,280 and 390 px;
	 * screenshots in {@code target/screenshots/controls-<width>.png}.
	 */
	@Test
	@Order(3)
	void theControlsCardsKeepCodeTitleAndStateTogether() {
		WebDriver browser = logIn("compliance-lead");
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
		browser.get(app("/controls"));
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h2.control-head")));
		for (int width : new int[] { 1280, 390 }) {
			browser.manage().window().setSize(new Dimension(width, 900));
			List<WebElement> heads = browser.findElements(By.cssSelector("h2.control-head"));
			assertThat(heads).as("control cards").isNotEmpty();
			for (WebElement head : heads) {
				WebElement name = head.findElement(By.cssSelector(".control-name"));
				WebElement state = head.findElement(By.cssSelector(".pill"));
				Rectangle n = name.getRect();
				Rectangle p = state.getRect();
				boolean sameLine = Math.abs(p.getY() - n.getY()) < n.getHeight();
				if (sameLine) {
					assertThat(p.getX() - (n.getX() + n.getWidth()))
						.as(width + " px: gap between " + name.getText() + " and its state")
						.isBetween(0, 48);
				}
				else {
					assertThat(p.getX()).as(width + " px: the wrapped state of " + name.getText() + " starts the line")
						.isLessThanOrEqualTo(n.getX() + 4);
				}
			}
			Browser.get().screenshot(java.nio.file.Paths.get("target", "screenshots", "controls-" + width + ".png"));
		}
		browser.manage().window().setSize(new Dimension(1366, 900));
	}

	private void check(WebDriver browser, String path, List<String> failures) {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		for (WebElement input : browser.findElements(By.cssSelector("input[type=date]"))) {
			String value = input.getAttribute("value");
			String name = input.getAttribute("name");
			if (value != null && !value.isEmpty() && !isIsoDate(value)) {
				failures.add(path + ": date input " + name + " holds " + value);
			}
		}
		for (WebElement link : browser.findElements(By.cssSelector("a[href], form[action]"))) {
			String target = link.getAttribute(link.getTagName().equals("a") ? "href" : "action");
			String query = target == null || !target.contains("?") ? "" : target.substring(target.indexOf('?') + 1);
			for (String parameter : query.split("&")) {
				int equals = parameter.indexOf('=');
				if (equals < 0) {
					continue;
				}
				String name = URLDecoder.decode(parameter.substring(0, equals), StandardCharsets.UTF_8);
				String value = URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
				boolean dateParameter = DATE_PARAMETER.matcher(name).matches() && !value.isEmpty();
				if (DATE_LIKE.matcher(value).find() || (dateParameter && !isIsoDate(value) && !isIsoTime(value))) {
					failures.add(path + ": link parameter " + name + "=" + value + " is not an ISO date");
				}
			}
		}
		if (!isIsoDatesOnly(browser.getCurrentUrl())) {
			failures.add(path + ": the address " + browser.getCurrentUrl() + " carries a non-ISO date");
		}
		String text = (String) js.executeScript("""
				const copy = document.body.cloneNode(true);
				copy.querySelectorAll('code, pre, .mono, script, style, input, textarea, select, [data-technical]')
				  .forEach(e => e.remove());
				document.body.appendChild(copy); copy.style.position = 'absolute'; copy.style.left = '-99999px';
				const text = copy.innerText; copy.remove(); return text;""");
		LEAKS.forEach((what, pattern) -> {
			Matcher leak = pattern.matcher(text);
			if (leak.find()) {
				int from = Math.max(0, leak.start() - 40);
				failures.add(path + ": " + what + " in the text: …"
						+ text.substring(from, Math.min(text.length(), leak.end() + 40)).replace('\n', ' ') + "…");
			}
		});
		for (int width : new int[] { 1280, 390 }) {
			browser.manage().window().setSize(new Dimension(width, 900));
			Object overflow = js.executeScript(
					"""
							const doc = document.documentElement;
							if (doc.scrollWidth <= doc.clientWidth + 1) return null;
							const wide = [...document.body.querySelectorAll('*')]
							  .filter(e => e.getBoundingClientRect().right > doc.clientWidth + 1)
							  .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= doc.clientWidth + 1)
							  .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : ''));
							return doc.scrollWidth + ' px wide, ' + doc.clientWidth + ' px shown; widest: ' + wide.join(', ');""");
			if (overflow != null) {
				failures.add(path + " at " + width + " px: scrolls sideways (" + overflow + ")");
			}
		}
		browser.manage().window().setSize(new Dimension(1366, 900));
	}

	private static boolean isIsoDatesOnly(String url) {
		String query = URI.create(url).getRawQuery();
		return query == null || !DATE_LIKE.matcher(URLDecoder.decode(query, StandardCharsets.UTF_8)).find();
	}

	private static boolean isIsoDate(String value) {
		try {
			LocalDate.parse(value);
			return true;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	private static boolean isIsoTime(String value) {
		try {
			OffsetDateTime.parse(value);
			return true;
		}
		catch (DateTimeParseException e) {
			try {
				java.time.Instant.parse(value);
				return true;
			}
			catch (DateTimeParseException again) {
				return false;
			}
		}
	}

	private String sameOriginPath(String href) {
		if (href == null || !href.startsWith(app("/"))) {
			return null;
		}
		String path = href.substring(app("").length());
		int hash = path.indexOf('#');
		return hash < 0 ? path : path.substring(0, hash);
	}

	private WebDriver logIn(String role) {
		WebDriver browser = Browser.get().freshSession();
		browser.get(app("/login"));
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		browser.findElement(By.id("username")).sendKeys(role);
		browser.findElement(By.id("password")).sendKeys(PASSWORD_PREFIX + role);
		browser.findElement(By.id("login-submit")).click();
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
		return browser;
	}

	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	private String app(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
